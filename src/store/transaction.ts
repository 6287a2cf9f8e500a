// Transactions as the use cases see them: a unit of work that commits whole or not at
// all. The use cases hand a `Tx` to the repositories and never write SQL themselves.

import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** The database, outside a transaction. */
export type Db = Kysely<Database>;
/** One transaction. */
export type Tx = Transaction<Database>;
/** Either: a read may run inside a transaction or on its own. */
export type Conn = Db | Tx;

/** Work to do once a transaction has committed, by name (each name once per transaction). */
const afterCommitWork = new WeakMap<Tx, Map<string, (db: Db) => Promise<void>>>();

/**
 * Runs `work` once `tx` has committed, before `inTransaction` returns; never when it rolls
 * back. The audit log's chainer is such work (src/app/audit/audit-chainer.ts): the
 * transaction's events are chained right after they are committed. A failure of it is
 * the work's own to handle: the transaction has committed.
 */
export function afterCommit(tx: Tx, name: string, work: (db: Db) => Promise<void>): void {
  let pending = afterCommitWork.get(tx);
  if (pending === undefined) afterCommitWork.set(tx, (pending = new Map()));
  if (!pending.has(name)) pending.set(name, work);
}

export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  let transaction: Tx | undefined;
  const result = await db.transaction().execute((tx) => {
    transaction = tx;
    return work(tx);
  });
  const after = transaction === undefined ? undefined : afterCommitWork.get(transaction);
  if (after !== undefined) for (const run of after.values()) await run(db);
  return result;
}
