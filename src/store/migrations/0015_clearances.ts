// Issue 11, 澄清正名 (第十九条; src/domain/clearance/): a unit's decision to clear the name of
// an officer a report accused, and the record that it was carried out.
//
// - One clearance per officer and report. Its basis is the report's finding: untrue or
//   unfounded and malicious, or tolerated and asked for by the officer (requested_on).
// - The scope is at least as wide as the accusation reached (本单位 < 本系统 < 社会公开); the
//   check here holds the order the domain's rule (SCOPE_TOO_NARROW) is written in, so a row
//   written around the application still cannot narrow it.
// - The notice text is kept as decided: the officer reads it on their record.
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

const rank = (column: string) =>
  sql`array_position(array['unit', 'system', 'public']::text[], ${sql.ref(column)})`;

const up: readonly RawBuilder<unknown>[] = [
  sql`create table clearances (
    id uuid primary key default gen_random_uuid(),
    report_id uuid not null references reports (id),
    officer_id uuid not null references users (id),
    unit_id uuid not null references units (id),
    basis text not null check (basis in ('malicious', 'tolerated')),
    findings text not null check (btrim(findings) <> ''),
    accusation_reach text not null check (accusation_reach in ('unit', 'system', 'public')),
    scope text not null check (scope in ('unit', 'system', 'public')),
    methods text[] not null check (
      cardinality(methods) >= 1
      and methods <@ array['meeting', 'written_notice', 'public_release']::text[]),
    decided_on date not null,
    requested_on date,
    notice_text text not null check (btrim(notice_text) <> ''),
    state text not null default 'decided' check (state in ('decided', 'carried_out')),
    carried_out_on date,
    carried_out_note text,
    carried_out_by uuid references users (id),
    decided_by uuid not null references users (id),
    decided_at timestamptz not null default now(),
    version integer not null default 0,
    constraint clearances_one_per_officer unique (report_id, officer_id),
    constraint clearances_scope check (${rank('scope')} >= ${rank('accusation_reach')}),
    constraint clearances_public_release check (
      ('public_release' = any (methods)) = (scope = 'public')),
    constraint clearances_request check (basis <> 'tolerated' or requested_on is not null),
    constraint clearances_carried_out check (
      (state = 'carried_out') = (carried_out_on is not null)
      and (carried_out_on is null) = (carried_out_note is null)
      and (carried_out_on is null) = (carried_out_by is null)
      and (carried_out_on is null or carried_out_on >= decided_on))
  )`,
  sql`create index clearances_officer on clearances (officer_id, decided_on)`,
  sql`create index clearances_unit_state on clearances (unit_id, state)`,
];

const down: readonly RawBuilder<unknown>[] = [sql`drop table if exists clearances`];

export const clearances: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
