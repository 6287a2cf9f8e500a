// Typical cases (典型案例, issue 10): a published case the deciding unit keeps as an example,
// read by exactly the readers of its publication (docs/design/typical-cases.md). The row
// points at the publication whose redacted text it shows, and keeps what was found when it
// was marked (the facts found, the ground's citation, the conclusion, the classification,
// the policy version, the day of the decision) so that a later version of the policy does
// not rewrite it. A mark is withdrawn with a reason, never deleted: a case is typical again
// only by a new mark, and at most one mark of a case stands at a time.
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

const up: readonly RawBuilder<unknown>[] = [
  sql`create table typical_cases (
    id uuid primary key default gen_random_uuid(),
    case_id uuid not null references cases (id),
    publication_id uuid not null references publications (id),
    policy_id text not null,
    policy_version integer not null,
    field text,
    error_type text,
    conclusion text not null,
    engine_outcome text,
    ground_citation text,
    findings jsonb not null default '[]',
    true_facts text[] not null default '{}',
    articles integer[] not null default '{}',
    decided_on date not null,
    marked_by uuid not null references users (id),
    marked_on date not null,
    marked_at timestamptz not null default now(),
    withdrawn_by uuid references users (id),
    withdrawn_at timestamptz,
    withdrawal_reason text,
    constraint typical_cases_withdrawal check (
      (withdrawn_at is null) = (withdrawn_by is null)
      and (withdrawn_at is null) = (withdrawal_reason is null)
      and (withdrawal_reason is null or btrim(withdrawal_reason) <> ''))
  )`,
  sql`create unique index typical_cases_one_standing on typical_cases (case_id)
    where withdrawn_at is null`,
  sql`create index typical_cases_standing on typical_cases (policy_id, marked_at desc)
    where withdrawn_at is null`,
  sql`create index typical_cases_articles on typical_cases using gin (articles)`,
  sql`create index typical_cases_publication on typical_cases (publication_id)`,
];

const down: readonly RawBuilder<unknown>[] = [sql`drop table if exists typical_cases`];

export const typicalCases: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
