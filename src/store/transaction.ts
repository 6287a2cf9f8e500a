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

export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
