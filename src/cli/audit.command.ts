// `rongcuo audit verify`: walk the audit log's SM3 chain and report the first broken link.

import { verifyAuditLog } from '../app/audit/audit-log.ts';
import { openDatabase } from '../store/database.ts';
import type { CliIO } from './cli-io.ts';

export async function runAudit(args: string[], io: CliIO): Promise<number> {
  if (args[0] !== 'verify' || args.length !== 1) {
    io.stderr.write('usage: rongcuo audit verify\n');
    return 2;
  }
  const store = await openDatabase();
  try {
    const result = await verifyAuditLog(store.db);
    io.stdout.write(`${JSON.stringify(result)}\n`);
    if (!result.ok)
      io.stderr.write(
        `审计链在第 ${result.brokenAt} 条断开 / audit chain broken at seq ${result.brokenAt}: ${result.reason}\n`,
      );
    return result.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}
