// The audit log's rows. A writer appends its event to audit_pending in its own
// transaction, without a lock (migration 0018); one chainer at a time, under a
// transaction-scoped advisory lock it only tries for, moves the committed pending rows
// into audit_events with the next seq numbers, each prev_hash the hash of the row before
// it, in one statement (src/app/audit/audit-chainer.ts). So seq has no gaps, a rolled-back
// transaction leaves nothing, and no writer waits for another. The chain itself is the
// domain's. Each chained row keeps, beside its fields, the exact text its hash was
// computed over (`canonical`, migration 0002).

import { sql } from 'kysely';
import type { AppendedAuditEvent, ChainedAuditEvent } from '../domain/audit/audit-chain.ts';
import type { AuditEventRow } from './schema.ts';
import type { Conn, Db, Tx } from './transaction.ts';

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

/** Arbitrary constant naming the audit chainer's lock among the application's advisory locks. */
const AUDIT_LOCK = 73_201_001;

/** An event as its writer leaves it: storable and masked, not yet numbered or hashed. */
export interface PendingAuditRow {
  readonly at: Date;
  readonly actorId: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly data: unknown;
  readonly clientAddress: string | null;
}

/** A pending row as the chainer reads it, with its insertion id. */
export interface QueuedAuditRow extends PendingAuditRow {
  readonly id: number;
}

/** Queues an event in the writer's transaction: it commits or rolls back with it. */
export async function insertPendingAuditRow(tx: Tx, row: PendingAuditRow): Promise<void> {
  await tx
    .insertInto('audit_pending')
    .values({
      at: row.at,
      actor_id: row.actorId,
      action: row.action,
      entity_type: row.entityType,
      entity_id: row.entityId,
      data: JSON.stringify(row.data),
      client_address: row.clientAddress,
    })
    .execute();
}

/**
 * Runs `work` in a transaction of its own holding the chainer's lock, which ends with it.
 *
 * `try` (the run after each writer's commit): when another holds the lock, returns
 * undefined at once (that one, or the next run, takes the rows). Its commit does not wait
 * for the disk (synchronous_commit off): should the server crash before its WAL is
 * written, the move is undone whole, the rows are pending again, durable as their writers
 * committed them, and are chained again the same way (the same rows in insertion order
 * after the same head give the same seq and the same hashes). So the write path pays one
 * flush to disk per request, as before, not two.
 *
 * `wait` (a reader of the chain): waits for the lock, at most `waitMs`, and commits
 * durably, which writes to disk every commit before it, the asynchronous ones above
 * included: a head read (and signed) after it survives a crash.
 */
export async function underChainLock<T>(
  db: Db,
  how: { readonly mode: 'try' } | { readonly mode: 'wait'; readonly waitMs: number },
  work: (tx: Tx) => Promise<T>,
): Promise<T | undefined> {
  return db.transaction().execute(async (tx) => {
    if (how.mode === 'try') {
      const { rows } = await sql<{ locked: boolean }>`
        select pg_try_advisory_xact_lock(${AUDIT_LOCK}) as locked,
               set_config('synchronous_commit', 'off', true)`.execute(tx);
      if (!rows[0]?.locked) return undefined;
    } else {
      // An id of its own, so that its commit is a commit record, written to disk.
      await sql`select set_config('lock_timeout', ${`${how.waitMs}ms`}, true),
                       pg_current_xact_id()`.execute(tx);
      await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
    }
    // A statement of its own after the lock: its snapshot sees the last holder's rows.
    return work(tx);
  });
}

/**
 * The oldest committed pending rows and the chain's head, read under the chainer's lock in
 * one statement (the chainer runs after nearly every write). No pending row, no head read.
 */
export async function readChainWork(
  tx: Tx,
  limit: number,
): Promise<{ head: { seq: number; hash: string } | undefined; pending: QueuedAuditRow[] }> {
  const rows = await tx
    .selectFrom(tx.selectFrom('audit_pending').selectAll().orderBy('id').limit(limit).as('p'))
    .leftJoin(chainHeadQuery(tx).as('h'), (join) => join.onTrue())
    .selectAll('p')
    .select(['h.seq as head_seq', 'h.hash as head_hash'])
    .orderBy('p.id')
    .execute();
  const first = rows[0];
  return {
    // A connection without the bigint parser (pg-types.ts) gives seq as text.
    head:
      first?.head_seq == null || first.head_hash == null
        ? undefined
        : { seq: Number(first.head_seq), hash: first.head_hash },
    pending: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      data: r.data,
      clientAddress: r.client_address,
    })),
  };
}

/**
 * Moves pending rows into the chain: deletes them from the queue and inserts their
 * chained form, in one statement, so a row is in one place or the other, never both.
 */
export async function moveIntoChain(
  tx: Tx,
  ids: readonly number[],
  events: readonly (AppendedAuditEvent & { readonly at: Date })[],
): Promise<void> {
  const column = <T>(f: (e: AppendedAuditEvent & { readonly at: Date }) => T) => events.map(f);
  const { rows } = await sql<{ moved: number }>`
    with moved as (delete from audit_pending where id = any(${ids}::bigint[]) returning id),
    chained as (
      insert into audit_events (seq, at, actor_id, action, entity_type, entity_id, data,
                                prev_hash, hash, canonical, client_address)
      select * from unnest(${column((e) => e.seq)}::bigint[], ${column((e) => e.at)}::timestamptz[],
        ${column((e) => e.actorId)}::uuid[], ${column((e) => e.action)}::text[],
        ${column((e) => e.entityType)}::text[], ${column((e) => e.entityId)}::text[],
        ${column((e) => JSON.stringify(e.data))}::jsonb[], ${column((e) => e.prevHash)}::text[],
        ${column((e) => e.hash)}::text[], ${column((e) => e.canonical)}::text[],
        ${column((e) => e.clientAddress ?? null)}::text[])
      returning seq)
    select (select count(*) from moved)::int as moved`.execute(tx);
  // Only the lock's holder deletes from the queue: every row read must still be there.
  if (rows[0]?.moved !== ids.length) {
    throw new Error(`audit chainer: ${rows[0]?.moved} of ${ids.length} pending rows moved`);
  }
}

/**
 * Where the audit log stands, as a column of text, `seq+pending`, that changes with every
 * committed event: the last chained seq and how many events wait in the queue. A writer's
 * commit adds a queued row; the chainer's, which removes queued rows, adds chained ones
 * with higher seq numbers. So no commit that appends an event leaves both as they were, in
 * whatever order writers commit (queue ids are not in commit order, so the highest one
 * would not do). The session's statement reads it (session.repository.ts), so that a case
 * read checks its kept answer (http/case/case-answer-cache.ts) in the same round trip.
 */
export const AUDIT_STAMP = sql<string>`coalesce((select max(seq) from audit_events), 0)::text
  || '+' || (select count(*) from audit_pending)::text`;

/** Whether any committed event waits to be chained. */
export async function hasPendingAudit(db: Conn): Promise<boolean> {
  const row = await db.selectFrom('audit_pending').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
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
  return chainHeadQuery(db).executeTakeFirst();
}

function chainHeadQuery(db: Conn) {
  return db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1);
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

/**
 * The events about one entity (a case's timeline), in order: the chained ones by seq, then
 * any still waiting for the chainer, with no seq yet, in the order they were written, so
 * that an event just written shows at once.
 */
export function auditRowsOf(db: Conn, entityType: string, entityId: string) {
  return auditRowsQuery(db, entityType, entityId).execute();
}

/** auditRowsOf's query, not yet sent: for a read that nests it in a larger statement. */
export function auditRowsQuery(db: Conn, entityType: string, entityId: string) {
  return db
    .selectFrom('audit_events')
    .select([
      sql<number | null>`seq`.as('seq'),
      'at',
      'actor_id',
      'action',
      'data',
      sql<number>`0`.as('pending_id'),
    ])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .unionAll(
      db
        .selectFrom('audit_pending')
        .select([
          sql<number | null>`null::bigint`.as('seq'),
          'at',
          'actor_id',
          'action',
          'data',
          'id as pending_id',
        ])
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId),
    )
    .orderBy(sql`seq asc nulls last`)
    .orderBy('pending_id');
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
