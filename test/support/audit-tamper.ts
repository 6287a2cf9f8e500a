// Tampering with the audit log as a superuser would: the append-only trigger switched off
// for one transaction (session_replication_role = replica), which the application's own
// role may not do. For tests that prove the tampering is found.

import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.ts';

export async function tamperWithAudit(
  admin: Kysely<Database>,
  ...statements: string[]
): Promise<void> {
  await admin.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    for (const statement of statements) await sql.raw(statement).execute(trx);
  });
}
