// The sealed reporters' identities as `rongcuo keys rotate` reads and re-seals them
// (src/app/secrets/rotate-identity-keys.ts): only the sealed text, its key and the
// report's id, never anything else of the report.

import { sql } from 'kysely';
import type { Conn, Db, Tx } from './transaction.ts';

export interface SealedIdentityRow {
  readonly id: string;
  readonly reporter_sealed: string;
  readonly reporter_key_id: string;
}

/**
 * Keeps intake and every other write of reports out until the transaction ends, so that
 * no identity is sealed under an old key while the rotation re-seals (reads go on).
 */
export async function lockReportsForRotation(tx: Tx): Promise<void> {
  await sql`lock table reports in share row exclusive mode`.execute(tx);
}

/**
 * Every sealed identity, with the key its row names. The rotation reads the key from the
 * sealed text as well: the text is what must open.
 */
export async function sealedIdentities(tx: Conn): Promise<SealedIdentityRow[]> {
  const rows = await tx
    .selectFrom('reports')
    .select(['id', 'reporter_sealed', 'reporter_key_id'])
    .where('reporter_sealed', 'is not', null)
    .orderBy('id')
    .execute();
  return rows as SealedIdentityRow[];
}

/**
 * Replaces one identity's sealed text and key. The report's version stays: its content
 * did not change, and a form open on it must not turn stale.
 */
export async function resealIdentity(
  tx: Tx,
  id: string,
  sealed: string,
  keyId: string,
): Promise<void> {
  await tx
    .updateTable('reports')
    .set({ reporter_sealed: sealed, reporter_key_id: keyId })
    .where('id', '=', id)
    .execute();
}

/**
 * Taken by an intake before it seals an identity: a rotation's lock (share row exclusive)
 * then waits for the intake to commit, and the rotation re-seals whatever it sealed under
 * the old key, however long the intake took between sealing and writing.
 */
export async function lockReportsForSealing(tx: Tx): Promise<void> {
  await sql`lock table reports in row exclusive mode`.execute(tx);
}

/** Whether any identity is sealed in the database (a key must exist to open it). */
export async function anySealedIdentity(db: Conn): Promise<boolean> {
  const row = await db
    .selectFrom('reports')
    .select('id')
    .where('reporter_sealed', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The advisory lock of a key rotation: one number for the whole database. */
const ROTATION_LOCK = 0x726f6e67; // "rong"

/**
 * Runs `work` holding the rotation's lock (a session advisory lock, freed if the process
 * dies); undefined, without running it, when another rotation holds the lock.
 */
export async function underRotationLock<T>(
  db: Db,
  work: () => Promise<T>,
): Promise<{ readonly ran: true; readonly value: T } | { readonly ran: false }> {
  return db.connection().execute(async (session) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_lock(${ROTATION_LOCK}) as locked`.execute(session);
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      await sql`select pg_advisory_unlock(${ROTATION_LOCK})`.execute(session);
    }
  });
}
