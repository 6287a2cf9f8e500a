// The sealed reporters' identities as `rongcuo keys rotate` reads and re-seals them
// (src/app/secrets/rotate-identity-keys.ts): only the sealed text, its key and the
// report's id, never anything else of the report.

import { sql } from 'kysely';
import type { Conn, Tx } from './transaction.ts';

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
