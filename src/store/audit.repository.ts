// The audit log's rows. Appends are serialised by a transaction-scoped advisory lock, so
// each event's prev_hash is the hash of the event committed before it and seq has no
// gaps even when a transaction rolls back. The chain itself is the domain's. Each row
// keeps, beside its fields, the exact text its hash was computed over (`canonical`,
// migration 0002).

import { sql } from 'kysely';
import type { ChainedAuditEvent } from '../domain/audit/audit-chain.ts';
import type { AuditEventRow } from './schema.ts';
import type { Conn, Tx } from './transaction.ts';

/** A stored event as the chain reads it. */
export interface StoredAuditEvent extends ChainedAuditEvent {
  readonly at: Date;
  readonly data: Record<string, unknown>;
}

function eventOf(r: AuditEventRow): StoredAuditEvent {
  return {
    canonical: r.canonical ?? null,
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    data: r.data as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Arbitrary constant naming the audit append lock among the application's advisory locks. */
const AUDIT_LOCK = 73_201_001;

/** Takes the append lock until the transaction ends, and reads the chain's last link. */
export async function lockChainHead(tx: Tx): Promise<{ seq: number; hash: string } | undefined> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
  return chainHead(tx);
}

export interface NewAuditRow {
  readonly seq: number;
  readonly at: Date;
  readonly actorId: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly data: unknown;
  readonly prevHash: string;
  readonly hash: string;
  /** The text the hash was computed over, stored as it is. */
  readonly canonical: string;
}

export async function insertAuditRow(tx: Tx, row: NewAuditRow): Promise<void> {
  await tx
    .insertInto('audit_events')
    .values({
      seq: row.seq,
      at: row.at,
      actor_id: row.actorId,
      action: row.action,
      entity_type: row.entityType,
      entity_id: row.entityId,
      data: JSON.stringify(row.data),
      prev_hash: row.prevHash,
      hash: row.hash,
      canonical: row.canonical,
    })
    .execute();
}

export async function readAuditEvents(
  db: Conn,
  afterSeq: number,
  limit: number,
): Promise<StoredAuditEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(eventOf);
}

/** Every event in seq order, a page at a time, so a long log is never held whole. */
export async function* auditEventPages(
  db: Conn,
  pageSize = 1000,
): AsyncGenerator<StoredAuditEvent[]> {
  let after = 0;
  for (;;) {
    const page = await readAuditEvents(db, after, pageSize);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.seq;
  }
}

/** The last committed event's seq and hash: all before it are committed (the append lock). */
export async function chainHead(db: Conn): Promise<{ seq: number; hash: string } | undefined> {
  return db
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The stored hash of the event at `seq`, if there is one. */
export async function auditHashAt(db: Conn, seq: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('audit_events')
    .select('hash')
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row?.hash;
}

/** The events about one entity (a case's timeline), in order. */
export function auditRowsOf(db: Conn, entityType: string, entityId: string) {
  return db
    .selectFrom('audit_events')
    .select(['seq', 'at', 'actor_id', 'action', 'data'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
}
