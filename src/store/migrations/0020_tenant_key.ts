// Issue 13, past one machine: the distribution key a distributed PostgreSQL (Citus) would
// shard by, held now so that the schema never drifts from it (docs/ARCHITECTURE.md, "From
// one machine to a cluster"; test/store-distribution.test.ts holds every constraint to it).
//
// - The tenant of a row is the top-level unit (盟市) of the unit it belongs to: the nearest
//   ancestor (or the unit itself) of kind 'league', else the root of its tree. Every
//   reader's scope (their unit's subtree) lies inside one tenant, so a reader's queries can
//   be routed to one shard.
// - `tenant_unit_id` on cases and reports (from their unit) and on every row that belongs
//   to one case, correction or report (from that parent), filled here for the rows there
//   are and on insert by a trigger when the writer leaves it out, so that no write path
//   has to change. It never changes afterwards: a distribution column cannot.
// - Foreign keys between these tables name the tenant too ((case_id, tenant_unit_id) →
//   cases (id, tenant_unit_id)): a child cannot sit in another tenant than its parent.
// - Primary keys and unique constraints that hold per case, correction or report include
//   the tenant, last, so that the index still serves lookups by the parent's id. The case
//   determines the tenant, so each is the same rule as before.
//
// What still blocks the distribution (surrogate uuid keys, the unique case and report
// numbers, the reports' links to cases, the statistics counters) is listed with its reason
// in test/store-distribution.test.ts and the document.
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

/** Tables whose rows belong to one case, correction or report, by the column naming it. */
const CHILDREN: readonly { table: string; column: string; parent: string }[] = [
  ...[
    'case_facts',
    'case_evaluations',
    'case_search',
    'evidence',
    'assessments',
    'decisions',
    'notifications',
    'case_recusals',
    'case_reviews',
    'publications',
    'objections',
    'enforcement_error_records',
    'corrections',
    'typical_cases',
    'warning_cases',
  ].map((table) => ({ table, column: 'case_id', parent: 'cases' })),
  ...[
    'correction_notices',
    'correction_items',
    'correction_progress_reports',
    'correction_evidence',
    'correction_completions',
    'correction_send_backs',
    'correction_closings',
    'correction_extensions',
    'correction_follow_ups',
    'correction_reminders',
  ].map((table) => ({ table, column: 'correction_id', parent: 'corrections' })),
  ...['report_officers', 'report_attachments', 'clearances'].map((table) => ({
    table,
    column: 'report_id',
    parent: 'reports',
  })),
];

/** Further references between tenant tables, beside the parent each child is filled from. */
const ALSO_REFERENCES: readonly { table: string; column: string; parent: string }[] = [
  { table: 'typical_cases', column: 'publication_id', parent: 'publications' },
  { table: 'correction_evidence', column: 'report_id', parent: 'correction_progress_reports' },
];

/** Parents referenced by (id, tenant_unit_id). */
const PARENTS = ['cases', 'corrections', 'reports', 'publications', 'correction_progress_reports'];

/** Keys that hold per case, correction or report: [table, constraint, columns, partial]. */
const PER_PARENT_KEYS: readonly {
  table: string;
  name: string;
  kind: 'primary key' | 'unique' | 'unique index';
  columns: string;
  where?: string;
}[] = [
  {
    table: 'case_facts',
    name: 'case_facts_pkey',
    kind: 'primary key',
    columns: 'case_id, fact_id',
  },
  {
    table: 'case_evaluations',
    name: 'case_evaluations_pkey',
    kind: 'primary key',
    columns: 'case_id',
  },
  {
    table: 'case_search',
    name: 'case_search_pkey',
    kind: 'primary key',
    columns: 'case_id',
  },
  {
    table: 'assessments',
    name: 'assessments_pkey',
    kind: 'primary key',
    columns: 'case_id, factor',
  },
  {
    table: 'case_reviews',
    name: 'case_reviews_pkey',
    kind: 'primary key',
    columns: 'case_id, kind',
  },
  {
    table: 'case_recusals',
    name: 'case_recusals_case_id_user_id_key',
    kind: 'unique',
    columns: 'case_id, user_id',
  },
  {
    table: 'objections',
    name: 'objections_one_open',
    kind: 'unique index',
    columns: 'case_id',
    where: 'result is null',
  },
  {
    table: 'enforcement_error_records',
    name: 'enforcement_error_records_one_live',
    kind: 'unique index',
    columns: 'case_id, officer_id',
    where: 'revoked_at is null',
  },
  {
    table: 'typical_cases',
    name: 'typical_cases_one_standing',
    kind: 'unique index',
    columns: 'case_id',
    where: 'withdrawn_at is null',
  },
  {
    table: 'warning_cases',
    name: 'warning_cases_pkey',
    kind: 'primary key',
    columns: 'warning_id, case_id',
  },
  {
    table: 'warning_cases',
    name: 'warning_cases_rule_id_case_id_key',
    kind: 'unique',
    columns: 'rule_id, case_id',
  },
  {
    table: 'correction_notices',
    name: 'correction_notices_pkey',
    kind: 'primary key',
    columns: 'correction_id',
  },
  {
    table: 'correction_closings',
    name: 'correction_closings_pkey',
    kind: 'primary key',
    columns: 'correction_id',
  },
  {
    table: 'correction_items',
    name: 'correction_items_correction_id_position_key',
    kind: 'unique',
    columns: 'correction_id, position',
  },
  {
    table: 'correction_reminders',
    name: 'correction_reminders_correction_id_on_day_key',
    kind: 'unique',
    columns: 'correction_id, on_day',
  },
  {
    table: 'correction_extensions',
    name: 'correction_extensions_one_pending',
    kind: 'unique index',
    columns: 'correction_id',
    where: "state = 'pending'",
  },
  {
    table: 'report_officers',
    name: 'report_officers_pkey',
    kind: 'primary key',
    columns: 'report_id, officer_id',
  },
  {
    table: 'clearances',
    name: 'clearances_one_per_officer',
    kind: 'unique',
    columns: 'report_id, officer_id',
  },
];

/** The statistics triggers that would recount every row the backfill touches, to no effect. */
const RECOUNTING_TRIGGERS: readonly [string, string][] = [
  ['cases', 'statistics_cases_updated'],
  ['decisions', 'statistics_decisions_updated'],
  ['corrections', 'statistics_corrections_updated'],
];

const raw = (text: string) => sql.raw(text);

function setKey(key: (typeof PER_PARENT_KEYS)[number], columns: string): RawBuilder<unknown>[] {
  const { table, name, kind, where } = key;
  if (kind === 'unique index') {
    return [
      raw(`drop index ${name}`),
      raw(`create unique index ${name} on ${table} (${columns}) where ${where ?? 'true'}`),
    ];
  }
  return [
    raw(
      `alter table ${table} drop constraint ${name}, add constraint ${name} ${kind} (${columns})`,
    ),
  ];
}

const up = (): readonly RawBuilder<unknown>[] => [
  // A walk up by primary key in PL/pgSQL, whose plan is kept: a recursive CTE in an SQL
  // function is planned again at every call (on PostgreSQL 15), which made each insert of a
  // case several times slower.
  sql`create function unit_tenant(unit uuid) returns uuid language plpgsql stable as $$
  declare
    current_id uuid := unit;
    parent uuid;
    unit_kind text;
  begin
    for depth in 0..64 loop
      select u.parent_id, u.kind into parent, unit_kind from units u where u.id = current_id;
      if not found then return null; end if;
      if unit_kind = 'league' or parent is null then return current_id; end if;
      current_id := parent;
    end loop;
    return null;
  end
  $$`,
  sql`comment on function unit_tenant(uuid) is
    'The tenant (distribution key) of a unit: its nearest 盟市 (kind league), else the root of its tree.'`,

  // Filled on insert when the writer leaves it out. A missing parent is the foreign-key
  // violation it would have been without the trigger, not a null in a not-null column.
  sql`create function tenant_from_unit() returns trigger language plpgsql as $$
  begin
    new.tenant_unit_id := unit_tenant(new.unit_id);
    if new.tenant_unit_id is null then
      raise exception '单位不存在 / %: unit % not found', tg_table_name, new.unit_id
        using errcode = 'foreign_key_violation';
    end if;
    return new;
  end
  $$`,
  ...(
    [
      ['case', 'cases', 'case_id'],
      ['correction', 'corrections', 'correction_id'],
      ['report', 'reports', 'report_id'],
    ] as const
  ).map(
    ([name, parent, column]) => sql`create function ${raw(`tenant_from_${name}`)}() returns trigger
    language plpgsql as ${raw(`$$
  begin
    new.tenant_unit_id := (select p.tenant_unit_id from ${parent} p where p.id = new.${column});
    if new.tenant_unit_id is null then
      raise exception '% not found for %', new.${column}, tg_table_name
        using errcode = 'foreign_key_violation';
    end if;
    return new;
  end
  $$`)}`,
  ),

  ...RECOUNTING_TRIGGERS.map(([table, trigger]) =>
    raw(`alter table ${table} disable trigger ${trigger}`),
  ),

  ...['cases', 'reports'].flatMap((table) => [
    raw(`alter table ${table} add column tenant_unit_id uuid references units (id)`),
    raw(`update ${table} set tenant_unit_id = unit_tenant(unit_id)`),
    raw(`alter table ${table} alter column tenant_unit_id set not null`),
    raw(`create trigger ${table}_tenant before insert on ${table}
      for each row when (new.tenant_unit_id is null) execute function tenant_from_unit()`),
  ]),
  // In CHILDREN's order, so each parent is filled before its children read it.
  ...CHILDREN.flatMap(({ table, column, parent }) => [
    raw(`alter table ${table} add column tenant_unit_id uuid`),
    raw(`update ${table} t set tenant_unit_id = p.tenant_unit_id
      from ${parent} p where p.id = t.${column}`),
    raw(`alter table ${table} alter column tenant_unit_id set not null`),
    raw(`create trigger ${table}_tenant before insert on ${table}
      for each row when (new.tenant_unit_id is null)
      execute function tenant_from_${parent.replace(/s$/, '')}()`),
  ]),

  ...RECOUNTING_TRIGGERS.map(([table, trigger]) =>
    raw(`alter table ${table} enable trigger ${trigger}`),
  ),

  ...PARENTS.map((table) =>
    raw(`alter table ${table} add constraint ${table}_id_tenant unique (id, tenant_unit_id)`),
  ),
  ...[...CHILDREN, ...ALSO_REFERENCES].map(({ table, column, parent }) =>
    raw(`alter table ${table} drop constraint ${table}_${column}_fkey,
      add constraint ${table}_${column}_tenant_fkey foreign key (${column}, tenant_unit_id)
        references ${parent} (id, tenant_unit_id)`),
  ),
  ...PER_PARENT_KEYS.flatMap((key) => setKey(key, `${key.columns}, tenant_unit_id`)),
  caseSearchUpdated('case_id, tenant_unit_id'),
];

/** 0019's trigger that rewrites a case's search grams, upserting on the search key given. */
const caseSearchUpdated = (key: string) =>
  raw(`create or replace function case_search_updated() returns trigger
  language plpgsql as $fn$
  begin
    insert into case_search as s (case_id, grams)
    select n.id, case_search_grams(n.number, n.title, n.conduct)
      from new_rows n join old_rows o on o.id = n.id
     where (o.number, o.title, o.conduct) is distinct from (n.number, n.title, n.conduct)
    on conflict (${key}) do update set grams = excluded.grams;
    return null;
  end
  $fn$`);

const down = (): readonly RawBuilder<unknown>[] => [
  caseSearchUpdated('case_id'),
  ...PER_PARENT_KEYS.flatMap((key) => setKey(key, key.columns)),
  ...[...CHILDREN, ...ALSO_REFERENCES].map(({ table, column, parent }) =>
    raw(`alter table ${table} drop constraint ${table}_${column}_tenant_fkey,
      add constraint ${table}_${column}_fkey foreign key (${column}) references ${parent} (id)`),
  ),
  ...PARENTS.map((table) => raw(`alter table ${table} drop constraint ${table}_id_tenant`)),
  ...[...CHILDREN.map((c) => c.table), 'cases', 'reports'].flatMap((table) => [
    raw(`drop trigger ${table}_tenant on ${table}`),
    raw(`alter table ${table} drop column tenant_unit_id`),
  ]),
  sql`drop function tenant_from_case(), tenant_from_correction(), tenant_from_report(),
    tenant_from_unit(), unit_tenant(uuid)`,
];

export const tenantKey: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up()) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down()) await statement.execute(db);
  },
};
