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
    clientAddress: r.client_address,
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
  /** The requesting client's address, hashed with the event when present (0007). */
  readonly clientAddress?: string | null;
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
      client_address: row.clientAddress ?? null,
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

/** What the audit administrator narrows the log to; every field optional. */
export interface AuditSearch {
  /** Events after this seq (the chain's own cursor). */
  readonly afterSeq?: number;
  /** The acting user, by account name or display name. */
  readonly actor?: string;
  readonly action?: string;
  /** Events about the case with this number. */
  readonly caseNumber?: string;
  /** From this instant on (inclusive). */
  readonly from?: Date;
  /** Before this instant (exclusive). */
  readonly until?: Date;
}

/** An event with the names an auditor reads: who, on which case, unit or user. */
export interface AuditListedRow {
  readonly seq: number;
  readonly at: Date;
  readonly actor_id: string | null;
  readonly actor_username: string | null;
  readonly actor_name: string | null;
  readonly action: string;
  readonly entity_type: string;
  readonly entity_id: string;
  readonly case_number: string | null;
  readonly unit_name: string | null;
  readonly user_username: string | null;
  readonly user_name: string | null;
  readonly client_address: string | null;
  readonly data: unknown;
  readonly prev_hash: string;
  readonly hash: string;
}

function searched(db: Conn, search: AuditSearch) {
  let query = db
    .selectFrom('audit_events as e')
    .leftJoin('users as actor', 'actor.id', 'e.actor_id')
    .leftJoin('cases as c', (join) =>
      join.on('e.entity_type', '=', 'case').on(sql`c.id::text`, '=', sql.ref('e.entity_id')),
    )
    .leftJoin('units as un', (join) =>
      join.on('e.entity_type', '=', 'unit').on(sql`un.id::text`, '=', sql.ref('e.entity_id')),
    )
    .leftJoin('users as target', (join) =>
      join.on('e.entity_type', '=', 'user').on(sql`target.id::text`, '=', sql.ref('e.entity_id')),
    );
  if (search.afterSeq !== undefined) query = query.where('e.seq', '>', search.afterSeq);
  if (search.actor !== undefined) {
    const name = search.actor;
    query = query.where((eb) =>
      eb.or([eb('actor.username', '=', name), eb('actor.display_name', '=', name)]),
    );
  }
  if (search.action !== undefined) query = query.where('e.action', '=', search.action);
  if (search.caseNumber !== undefined) query = query.where('c.number', '=', search.caseNumber);
  if (search.from !== undefined) query = query.where('e.at', '>=', search.from);
  if (search.until !== undefined) query = query.where('e.at', '<', search.until);
  return query;
}

/** A page of the events found, newest first, and how many were found in all. */
export async function searchAuditEvents(
  db: Conn,
  search: AuditSearch,
  page: { readonly limit: number; readonly offset: number },
): Promise<{ rows: AuditListedRow[]; total: number }> {
  const rows = await searched(db, search)
    .select([
      'e.seq',
      'e.at',
      'e.actor_id',
      'actor.username as actor_username',
      'actor.display_name as actor_name',
      'e.action',
      'e.entity_type',
      'e.entity_id',
      'c.number as case_number',
      'un.name as unit_name',
      'target.username as user_username',
      'target.display_name as user_name',
      'e.client_address',
      'e.data',
      'e.prev_hash',
      'e.hash',
    ])
    .orderBy('e.seq', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await searched(db, search)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: rows.map((r) => ({ ...r, seq: Number(r.seq) })), total: Number(count.n) };
}
