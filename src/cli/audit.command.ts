// `rongcuo audit verify`: walk the audit log's SM3 chain, hold it to the newest signed
// checkpoint, and report every problem found.
// `rongcuo audit checkpoint`: sign the chain's head now and write it beside the database.

import { writeAuditCheckpoint } from '../app/audit/audit-checkpoints.ts';
import { verifyAuditLog } from '../app/audit/audit-log.ts';
import {
  auditFileLocations,
  type AuditFileLocations,
} from '../audit-files/audit-file-locations.ts';
import { SigningKeyError } from '../audit-files/signing-key.ts';
import { openDatabase } from '../store/database.ts';
import type { Db } from '../store/transaction.ts';
import type { CliIO } from './cli-io.ts';

const USAGE = '用法 / usage: rongcuo audit verify | rongcuo audit checkpoint\n';

export async function runAudit(args: string[], io: CliIO): Promise<number> {
  const command = args[0];
  if ((command !== 'verify' && command !== 'checkpoint') || args.length !== 1) {
    io.stderr.write(USAGE);
    return 2;
  }
  const files = auditFileLocations();
  const store = await openDatabase();
  try {
    return command === 'verify'
      ? await verify(store.db, files, io)
      : await checkpoint(store.db, files, io);
  } catch (error) {
    if (!(error instanceof SigningKeyError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

async function verify(db: Db, files: AuditFileLocations, io: CliIO): Promise<number> {
  const result = await verifyAuditLog(db, files);
  io.stdout.write(`${JSON.stringify(result)}\n`);
  if (result.ok) return 0;
  io.stderr.write(
    result.brokenAt === undefined
      ? `审计链校验未通过 / audit verification failed: ${result.reason}\n`
      : `审计链在第 ${result.brokenAt} 条断开 / audit chain broken at seq ${result.brokenAt}: ${result.reason}\n`,
  );
  io.stderr.write(`共 ${result.breaks.length} 处问题 / ${result.breaks.length} problem(s):\n`);
  for (const b of result.breaks) io.stderr.write(`  ${b.seq ?? '-'}\t${b.reason}\t${b.message}\n`);
  return 1;
}

async function checkpoint(db: Db, files: AuditFileLocations, io: CliIO): Promise<number> {
  const result = await writeAuditCheckpoint(db, files, new Date());
  io.stdout.write(`${JSON.stringify(result)}\n`);
  switch (result.status) {
    case 'written':
      io.stderr.write(
        `已写入审计检查点：第 ${result.checkpoint.seq} 条 / checkpoint written at seq ${result.checkpoint.seq}: ${result.file}\n`,
      );
      return 0;
    case 'unchanged':
      io.stderr.write(
        `审计链未变化，沿用第 ${result.checkpoint.seq} 条的检查点 / head unchanged since the last checkpoint\n`,
      );
      return 0;
    case 'refused':
      io.stderr.write(
        `${result.message} / checkpoint refused: the chain no longer extends the last signed checkpoint\n`,
      );
      return 1;
  }
}
