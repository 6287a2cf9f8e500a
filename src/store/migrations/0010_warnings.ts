// Warnings on recurring errors (警示提醒, emergency 第十八条, education 第十七条; issue 10).
//
// - warning_rules: the thresholds the system administrator sets (src/domain/warning/): the
//   same error type N times within M months in one unit, or the same field in K units
//   within M months; for one regime or for each. Seeded with 3 in 12 months and 5 units in
//   12 months. A rule taken out of the set is kept with removed_at, so the warnings it
//   raised still name it. warning_rule_sets holds the set's version, which a change must
//   name (optimistic concurrency, as cases have it).
// - warnings: one per rule, key and window, with the rule's numbers as they were when it
//   fired; warning_cases the cases behind it, each at most once per rule (unique), which
//   is what keeps a case from being warned of twice by one rule.
// - warning_recipients: the units it is addressed to, and each one's acknowledgement with
//   the measures it will take.
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

const KINDS = sql`('same_error_type_in_unit', 'same_field_across_units')`;

const up: readonly RawBuilder<unknown>[] = [
  sql`create table warning_rules (
    id uuid primary key default gen_random_uuid(),
    kind text not null check (kind in ${KINDS}),
    policy_id text check (policy_id is null or btrim(policy_id) <> ''),
    threshold integer not null check (threshold between 2 and 100),
    months integer not null check (months between 1 and 60),
    enabled boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    updated_by uuid references users (id),
    removed_at timestamptz
  )`,
  sql`create table warning_rule_sets (
    id boolean primary key default true check (id),
    version integer not null default 1 check (version > 0)
  )`,
  sql`insert into warning_rule_sets default values`,
  sql`insert into warning_rules (kind, threshold, months) values
    ('same_error_type_in_unit', 3, 12),
    ('same_field_across_units', 5, 12)`,

  sql`create table warnings (
    id uuid primary key default gen_random_uuid(),
    rule_id uuid not null references warning_rules (id),
    kind text not null check (kind in ${KINDS}),
    policy_id text not null,
    unit_id uuid references units (id),
    field text,
    error_type text,
    key text not null,
    threshold integer not null,
    months integer not null,
    window_from date not null,
    window_to date not null check (window_from <= window_to),
    raised_at timestamptz not null default now(),
    check (case kind
      when 'same_error_type_in_unit' then unit_id is not null and error_type is not null and field is null
      else unit_id is null and error_type is null and field is not null end)
  )`,
  sql`create index warnings_rule_key on warnings (rule_id, key)`,
  sql`create index warnings_raised on warnings (raised_at desc)`,

  sql`create table warning_cases (
    warning_id uuid not null references warnings (id),
    rule_id uuid not null references warning_rules (id),
    case_id uuid not null references cases (id),
    primary key (warning_id, case_id),
    unique (rule_id, case_id)
  )`,
  sql`create index warning_cases_case on warning_cases (case_id)`,

  sql`create table warning_recipients (
    warning_id uuid not null references warnings (id),
    unit_id uuid not null references units (id),
    acknowledged_by uuid references users (id),
    acknowledged_at timestamptz,
    measures text check (measures is null or btrim(measures) <> ''),
    primary key (warning_id, unit_id),
    check ((acknowledged_by is null) = (acknowledged_at is null)
      and (acknowledged_at is null) = (measures is null))
  )`,
  sql`create index warning_recipients_unit on warning_recipients (unit_id, warning_id)`,

  // What the evaluation reads: a unit's or a field's decided cases by their classification.
  sql`create index cases_unit_error_type on cases (unit_id, error_type) where error_type is not null`,
  sql`create index cases_policy_field on cases (policy_id, field) where field is not null`,
];

const down: readonly RawBuilder<unknown>[] = [
  sql`drop index if exists cases_policy_field`,
  sql`drop index if exists cases_unit_error_type`,
  sql`drop table if exists warning_recipients`,
  sql`drop table if exists warning_cases`,
  sql`drop table if exists warnings`,
  sql`drop table if exists warning_rule_sets`,
  sql`drop table if exists warning_rules`,
];

export const warnings: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
