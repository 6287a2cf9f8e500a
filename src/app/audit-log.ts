// The audit log: every state change and every login appends one event in the same
// transaction, chained with SM3 (GB/T 32905) so that any later edit breaks the chain.
// Appends are serialised by a transaction-scoped advisory lock: each event's prev_hash
// is the hash of the event committed before it, and seq has no gaps even when a
// transaction rolls back.

import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  chainHash,
  GENESIS_HASH,
  verifyChain,
  type AuditEventForHash,
} from '../domain/audit/audit-chain.ts';
import type { Database } from '../store/schema.ts';

/** Arbitrary constant naming the audit append lock among the application's advisory locks. */
const AUDIT_LOCK = 73_201_001;

export const sm3 = (text: string): string => createHash('sm3').update(text, 'utf8').digest('hex');

export interface AuditEntry {
  readonly actorId: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly data: Record<string, unknown>;
}

export async function appendAudit(
  trx: Transaction<Database>,
  entry: AuditEntry,
  at: Date,
): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const event: AuditEventForHash = {
    seq: Number(last?.seq ?? 0) + 1,
    at,
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    data: entry.data,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await trx
    .insertInto('audit_events')
    .values({
      seq: event.seq,
      at,
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      data: JSON.stringify(entry.data),
      prev_hash: event.prevHash,
      hash: chainHash(event.prevHash, event, sm3),
    })
    .execute();
}

/** Walks the whole log in order and reports the first broken link, if any. */
export async function verifyAuditLog(db: Kysely<Database>) {
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
  return verifyChain(
    rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      data: r.data as Record<string, unknown>,
      prevHash: r.prev_hash,
      hash: r.hash,
    })),
    sm3,
  );
}
