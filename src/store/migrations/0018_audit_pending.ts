// Issue 13, the audit chain without a global lock across round trips. Before, every
// writer took one advisory lock, read the chain's head, hashed in Node and inserted,
// holding the lock until its transaction committed: every write in the system waited
// for the one before it. Now a writer inserts its event here, in its own transaction and
// without a lock; one chainer at a time (src/app/audit/audit-chainer.ts) takes the
// committed rows, gives them the next seq numbers, hashes them and moves them into
// audit_events in one statement. Rows of a transaction that rolled back are never seen.
//
// The chained log keeps its guarantees: audit_events stays append-only (no UPDATE by
// anyone, no UPDATE or DELETE grant to the application role), seq stays gapless, and
// every row there has its prev_hash, hash and canonical text from the moment it exists.
// This table is only the queue in front of it; the application role may delete from it
// (the chainer does), which is no more than a writer could do by never writing.
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

const up: readonly RawBuilder<unknown>[] = [
  sql`create table audit_pending (
    id bigint generated always as identity primary key,
    at timestamptz not null,
    actor_id uuid,
    action text not null,
    entity_type text not null,
    entity_id text not null,
    data jsonb not null,
    client_address text
  )`,
  sql`comment on table audit_pending is
    'Audit events committed but not yet chained: the chainer moves them into audit_events in insertion order (migration 0018).'`,
  // A case's timeline shows its events at once, chained or not.
  sql`create index audit_pending_entity on audit_pending (entity_type, entity_id)`,
];

const down: readonly RawBuilder<unknown>[] = [sql`drop table if exists audit_pending`];

export const auditPending: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
