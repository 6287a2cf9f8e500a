// The schema against the plan for a distributed PostgreSQL (Citus) in docs/ARCHITECTURE.md,
// "From one machine to a cluster": every table has its place (distributed by the tenant, a
// reference table copied to every node, or local to the coordinator), and the catalog is
// read on both databases for what Citus would refuse:
// - a primary key, unique constraint or unique index on a distributed table without the
//   distribution column (tenant_unit_id);
// - a foreign key between distributed tables that does not pair tenant_unit_id with
//   tenant_unit_id; from a distributed table to a local one; from a reference or local
//   table to a distributed one, or from a reference table to a local one.
// What still blocks is listed below with its reason, and every entry must still block: a
// migration that adds a blocking constraint, or removes one without taking it off the
// list, fails here. The triggers of migration 0020 that fill the key are tried too.

import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/store/schema.ts';
import { storeTargets, type TestStore } from './support/test-databases.ts';

type Placement = 'distributed' | 'reference' | 'local';

/** Where each table goes in the plan (the document's table-by-table list). */
const PLACEMENT: Readonly<Record<string, Placement>> = {
  // A case and everything of it; a correction, a report and everything of theirs.
  cases: 'distributed',
  case_facts: 'distributed',
  case_evaluations: 'distributed',
  case_search: 'distributed',
  evidence: 'distributed',
  assessments: 'distributed',
  decisions: 'distributed',
  notifications: 'distributed',
  case_recusals: 'distributed',
  case_reviews: 'distributed',
  publications: 'distributed',
  objections: 'distributed',
  enforcement_error_records: 'distributed',
  typical_cases: 'distributed',
  warning_cases: 'distributed',
  corrections: 'distributed',
  correction_notices: 'distributed',
  correction_items: 'distributed',
  correction_progress_reports: 'distributed',
  correction_evidence: 'distributed',
  correction_completions: 'distributed',
  correction_send_backs: 'distributed',
  correction_closings: 'distributed',
  correction_extensions: 'distributed',
  correction_follow_ups: 'distributed',
  correction_reminders: 'distributed',
  reports: 'distributed',
  report_officers: 'distributed',
  report_attachments: 'distributed',
  clearances: 'distributed',
  // Written with the cases they count, in the same transaction.
  statistics_case_keys: 'distributed',
  statistics_case_counts: 'distributed',
  statistics_stage_days: 'distributed',
  statistics_correction_counts: 'distributed',
  statistics_open_correction_dues: 'distributed',
  // Small, read in every join, rarely written.
  units: 'reference',
  users: 'reference',
  warning_rules: 'reference',
  warning_rule_sets: 'reference',
  warnings: 'reference',
  warning_recipients: 'reference',
  // Not of any tenant: the coordinator's own. The number series too: a default prefix (the
  // organ's name and 容) may be shared by same-named organs of two 盟市, and one counter per
  // series keeps every number unique across the cluster; a case opening is rare enough to
  // pay the two-phase commit with its worker.
  case_number_counters: 'local',
  document_numbers: 'local',
  sessions: 'local',
  login_name_states: 'local',
  sign_in_failures: 'local',
  account_secrets: 'local',
  idempotency_keys: 'local',
  jobs: 'local',
  audit_events: 'local',
  audit_pending: 'local',
  kysely_migration: 'local',
  kysely_migration_lock: 'local',
};

const KEY = 'tenant_unit_id';

/** Distributed in the plan, without the tenant column yet: every constraint of theirs waits. */
const TENANT_COLUMN_PENDING: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    [
      'statistics_case_keys',
      'statistics_case_counts',
      'statistics_stage_days',
      'statistics_correction_counts',
      'statistics_open_correction_dues',
    ].map((table) => [
      table,
      'derived counters kept by the triggers of 0011, keyed by unit (which fixes the tenant); ' +
        'the distribution step adds the column and the triggers’ conflict targets together',
    ]),
  ),
};

const SURROGATE =
  'a random uuid (gen_random_uuid), unique by construction; at the distribution step the ' +
  'primary key becomes (id, tenant_unit_id), as <table>_id_tenant already is where referenced';

/** Constraints on distributed tables that Citus would refuse today, each with its reason. */
const KNOWN_BLOCKERS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    [
      'cases',
      'evidence',
      'decisions',
      'notifications',
      'case_recusals',
      'publications',
      'objections',
      'enforcement_error_records',
      'typical_cases',
      'corrections',
      'correction_items',
      'correction_progress_reports',
      'correction_evidence',
      'correction_completions',
      'correction_send_backs',
      'correction_extensions',
      'correction_follow_ups',
      'correction_reminders',
      'reports',
      'report_attachments',
      'clearances',
    ].map((table) => [`${table}.${table}_pkey`, SURROGATE]),
  ),
  'cases.cases_number_key':
    'unique by construction: each number is handed out once by its series’ counter on the ' +
    'coordinator (the old RC- numbers by one sequence); becomes unique (number, tenant_unit_id)',
  'reports.reports_number_key': 'as cases_number_key',
  'reports.reports_case_id_fkey':
    'a report may name a case of another 盟市 in principle; the link is checked by the ' +
    'application in the same transaction; dropped at the distribution step',
  'reports.reports_decided_case_id_fkey': 'as reports_case_id_fkey',
};

interface KeyRow {
  table: string;
  name: string;
  columns: string[];
}

interface ForeignKeyRow {
  table: string;
  name: string;
  referenced: string;
  columns: string[];
  referencedColumns: string[];
}

async function tables(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Primary keys, unique constraints and unique indexes, by the index that enforces them. */
async function uniqueKeys(db: Kysely<Database>): Promise<KeyRow[]> {
  const rows = await sql<KeyRow>`
    select t.relname as "table", coalesce(con.conname, i.relname) as name,
           array(select a.attname::text from unnest(ix.indkey) with ordinality k(attnum, n)
                   join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
                  order by k.n) as columns
      from pg_index ix
      join pg_class i on i.oid = ix.indexrelid
      join pg_class t on t.oid = ix.indrelid
      join pg_namespace ns on ns.oid = t.relnamespace
      left join pg_constraint con on con.conindid = ix.indexrelid and con.contype in ('p', 'u', 'x')
     where ns.nspname = 'public' and (ix.indisunique or con.contype = 'x')
     order by 1, 2`.execute(db);
  return rows.rows;
}

async function foreignKeys(db: Kysely<Database>): Promise<ForeignKeyRow[]> {
  const columnsOf = (key: string, rel: string) =>
    sql.raw(`array(select a.attname::text from unnest(con.${key}) with ordinality k(attnum, n)
        join pg_attribute a on a.attrelid = con.${rel} and a.attnum = k.attnum order by k.n)`);
  const rows = await sql<ForeignKeyRow>`
    select t.relname as "table", con.conname as name, r.relname as referenced,
           ${columnsOf('conkey', 'conrelid')} as columns,
           ${columnsOf('confkey', 'confrelid')} as "referencedColumns"
      from pg_constraint con
      join pg_class t on t.oid = con.conrelid
      join pg_class r on r.oid = con.confrelid
      join pg_namespace ns on ns.oid = t.relnamespace
     where ns.nspname = 'public' and con.contype = 'f'
     order by 1, 2`.execute(db);
  return rows.rows;
}

const isDistributed = (table: string) => PLACEMENT[table] === 'distributed';

/** Why Citus would refuse the foreign key; undefined when it would take it. */
function foreignKeyProblem(fk: ForeignKeyRow): string | undefined {
  const from = PLACEMENT[fk.table];
  const to = PLACEMENT[fk.referenced];
  if (from === 'distributed' && to === 'distributed') {
    const at = fk.columns.indexOf(KEY);
    return at >= 0 && fk.referencedColumns[at] === KEY
      ? undefined
      : 'between distributed tables without the tenant on both sides';
  }
  if (from === 'distributed' && to === 'local') return 'from a distributed table to a local one';
  if (from !== 'distributed' && to === 'distributed')
    return `from a ${from} table to a distributed one`;
  if (from === 'reference' && to === 'local') return 'from a reference table to a local one';
  return undefined;
}

/** Every blocking constraint on the database, as `table.name` → the rule it breaks. */
async function blockers(db: Kysely<Database>): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const key of await uniqueKeys(db)) {
    if (!isDistributed(key.table) || key.table in TENANT_COLUMN_PENDING) continue;
    if (!key.columns.includes(KEY))
      found.set(`${key.table}.${key.name}`, 'unique without the tenant');
  }
  for (const fk of await foreignKeys(db)) {
    if (fk.table in TENANT_COLUMN_PENDING || fk.referenced in TENANT_COLUMN_PENDING) continue;
    const problem = foreignKeyProblem(fk);
    if (problem !== undefined) found.set(`${fk.table}.${fk.name}`, problem);
  }
  return found;
}

describe.each(storeTargets())('the schema against the distribution plan, on $name', (target) => {
  let store: TestStore;
  let db: Kysely<Database>;

  beforeAll(async () => {
    store = await target.open();
    db = store.db;
    await store.migrate();
  });

  afterAll(async () => {
    await store?.close();
  });

  it('places every table: a new table must be given its place in the plan', async () => {
    expect(await tables(store.admin)).toEqual(Object.keys(PLACEMENT).sort());
  });

  it('gives every distributed table the tenant column, never null', async () => {
    const rows = await sql<{ table: string; nullable: string }>`
      select table_name as "table", is_nullable as nullable from information_schema.columns
       where table_schema = 'public' and column_name = ${KEY}`.execute(store.admin);
    const withKey = Object.fromEntries(rows.rows.map((r) => [r.table, r.nullable]));
    const distributed = Object.keys(PLACEMENT).filter(isDistributed);
    for (const table of distributed) {
      if (table in TENANT_COLUMN_PENDING) expect(withKey[table], table).toBeUndefined();
      else expect(withKey[table], table).toBe('NO');
    }
    // Nowhere else: a reference or local table with the key is misplaced in the plan.
    expect(Object.keys(withKey).filter((t) => !isDistributed(t))).toEqual([]);
  });

  it('blocks the distribution by nothing but the known exceptions, each still blocking', async () => {
    const found = await blockers(store.admin);
    const unexpected = [...found].filter(([name]) => !(name in KNOWN_BLOCKERS));
    expect(unexpected, 'constraints Citus would refuse: include the tenant or list them').toEqual(
      [],
    );
    const gone = Object.keys(KNOWN_BLOCKERS).filter((name) => !found.has(name));
    expect(gone, 'no longer blocking: take them off KNOWN_BLOCKERS').toEqual([]);
  });

  it('recognises a blocking constraint a later migration might add', async () => {
    await sql`alter table case_facts add constraint probe_global unique (fact_id, case_id)`.execute(
      store.admin,
    );
    await sql`alter table evidence add constraint probe_fk foreign key (case_id)
      references cases (id)`.execute(store.admin);
    try {
      const found = await blockers(store.admin);
      expect(found.get('case_facts.probe_global')).toBe('unique without the tenant');
      expect(found.get('evidence.probe_fk')).toBe(
        'between distributed tables without the tenant on both sides',
      );
    } finally {
      await sql`alter table case_facts drop constraint probe_global`.execute(store.admin);
      await sql`alter table evidence drop constraint probe_fk`.execute(store.admin);
    }
  });

  describe('the tenant of new rows', () => {
    let league: string;
    let section: string;
    let officer: string;

    beforeAll(async () => {
      const unit = async (name: string, kind: string, parent: string | null) =>
        (
          await db
            .insertInto('units')
            .values({ name, kind, parent_id: parent, policy_id: null })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      league = await unit('锡林郭勒盟', 'league', null);
      const bureau = await unit('锡林郭勒盟应急管理局', 'bureau', league);
      const county = await unit('锡林浩特市应急管理局', 'county_bureau', bureau);
      section = await unit('综合行政执法大队', 'section', county);
      ({ id: officer } = await db
        .insertInto('users')
        .values({
          username: 'tenant-officer',
          display_name: '王强',
          password_hash: 'x',
          unit_id: section,
          roles: ['officer'],
          badge_number: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow());
    });

    const openCase = () =>
      db
        .insertInto('cases')
        .values({
          unit_id: section,
          officer_id: officer,
          applicant_id: officer,
          origin: 'application',
          policy_id: 'xilingol-emergency-2024',
          policy_version: 1,
          state: 'submitted',
          title: '行政检查中未发现隐患',
          conduct: '……',
          conduct_date: '2026-01-05',
          enforcement_action: 'inspection',
        })
        .returning(['id', 'tenant_unit_id'])
        .executeTakeFirstOrThrow();

    it('is the 盟市 above the unit, for a case and each row of it', async () => {
      const kase = await openCase();
      expect(kase.tenant_unit_id).toBe(league);
      const fact = await db
        .insertInto('case_facts')
        .values({ case_id: kase.id, fact_id: 'f1', value: true, note: null, recorded_by: officer })
        .returning('tenant_unit_id')
        .executeTakeFirstOrThrow();
      expect(fact.tenant_unit_id).toBe(league);
      const correction = await db
        .insertInto('corrections')
        .values({ case_id: kase.id, article: 16, officer_id: officer, unit_id: section })
        .returning(['id', 'tenant_unit_id'])
        .executeTakeFirstOrThrow();
      expect(correction.tenant_unit_id).toBe(league);
      const item = await db
        .insertInto('correction_items')
        .values({
          correction_id: correction.id,
          position: 1,
          text: '整改事项',
          note: null,
          done_on: null,
        })
        .returning('tenant_unit_id')
        .executeTakeFirstOrThrow();
      expect(item.tenant_unit_id).toBe(league);
    });

    it('is the unit’s own root when no 盟市 is above it, for a report and its rows', async () => {
      const { id: root } = await db
        .insertInto('units')
        .values({ name: '独立的局', kind: 'bureau', parent_id: null, policy_id: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const report = await db
        .insertInto('reports')
        .values({
          number: 'TEST-1',
          unit_id: root,
          policy_id: 'xilingol-emergency-2024',
          policy_version: 1,
          received_on: '2026-01-05',
          channel: 'letter',
          named: false,
          reporter_sealed: null,
          reporter_key_id: null,
          summary: '反映执法问题',
          case_id: null,
          feedback_due: null,
          created_by: officer,
        })
        .returning(['id', 'tenant_unit_id'])
        .executeTakeFirstOrThrow();
      expect(report.tenant_unit_id).toBe(root);
      const accused = await db
        .insertInto('report_officers')
        .values({ report_id: report.id, officer_id: officer })
        .returning('tenant_unit_id')
        .executeTakeFirstOrThrow();
      expect(accused.tenant_unit_id).toBe(root);
    });

    it('keeps a row in its parent’s tenant, and a missing parent a foreign-key violation', async () => {
      const kase = await openCase();
      await expect(
        sql`insert into case_facts (case_id, fact_id, recorded_by, tenant_unit_id)
            values (${kase.id}, 'f2', ${officer}, ${section})`.execute(db),
      ).rejects.toMatchObject({ code: '23503', constraint: 'case_facts_case_id_tenant_fkey' });
      await expect(
        db
          .insertInto('case_facts')
          .values({
            case_id: '00000000-0000-4000-8000-000000000000',
            fact_id: 'f1',
            value: true,
            note: null,
            recorded_by: officer,
          })
          .execute(),
      ).rejects.toMatchObject({ code: '23503' });
    });
  });
});
