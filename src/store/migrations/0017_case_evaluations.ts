// Issue 13, the case read: the engine's live determination on a case's facts, with its
// explanation, stored when the case is opened and whenever a fact is recorded (src/app/case/
// case-evaluation.ts storeEvaluation) instead of computed on every read. A row is
// the answer for exactly the inputs it names: the policy version and the digest of its
// text and of the engine (policy_digest), the determination day (as_of) and the fact
// vector (facts_key); a read whose inputs differ computes afresh, so a stored row can be
// out of date but never wrong. Cases of a database migrated from 0016 have no row until
// their next fact is recorded: their reads compute, as before (the engine is in Node, so
// this migration cannot fill them).
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

const up: readonly RawBuilder<unknown>[] = [
  sql`create table case_evaluations (
    case_id uuid primary key references cases (id) on delete cascade,
    policy_id text not null,
    policy_version integer not null,
    policy_digest text not null,
    as_of date not null,
    facts_key text not null,
    determination jsonb not null,
    computed_at timestamptz not null default now()
  )`,
];

const down: readonly RawBuilder<unknown>[] = [sql`drop table if exists case_evaluations`];

export const caseEvaluations: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
