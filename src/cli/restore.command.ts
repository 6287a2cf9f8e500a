// `rongcuo restore FILE [--data-dir DIR] [--replace]`: a backup into an empty database:
// the embedded one at DIR (default ./data/pg or RONGCUO_DATA_DIR), or the server that
// DATABASE_URL names, with DATABASE_OWNER_URL for the owner's part. The audit checkpoints
// go beside the target, where `serve` and `audit verify` look for them.

import path from 'node:path';
import { auditFileLocations } from '../audit-files/audit-file-locations.ts';
import { RestoreError, restoreBackup } from '../app/backup/restore-backup.ts';
import { BackupFormatError } from '../domain/backup/backup-format.ts';
import { openDatabase } from '../store/database.ts';
import { parseCommandLine, type CliIO } from './cli-io.ts';

const USAGE = `用法 / usage: rongcuo restore 文件 [--data-dir 目录] [--replace]

把备份恢复到空的数据库：内置数据库的目录（--data-dir，默认 ./data/pg），或 DATABASE_URL
所指的服务器（须同时设置 DATABASE_OWNER_URL）。目标已有数据时拒绝，除非加 --replace（删除其中全部数据）。
/ Restores a backup into an empty database: the embedded one at --data-dir, or the server
DATABASE_URL names (with DATABASE_OWNER_URL). A target holding data is refused unless
--replace, which drops everything in it.
`;

/**
 * Where the restored database's checkpoints go: with --data-dir always beside it, whatever
 * RONGCUO_CHECKPOINT_DIR says, so that a trial restore into a scratch folder can never
 * write into (or, with --replace, clear) the running system's checkpoints. The key is only
 * read, to verify them: RONGCUO_KEY_DIR's when set, else the one beside the target.
 */
function targetAuditFiles(dataDir: string | undefined) {
  if (dataDir === undefined) return auditFileLocations();
  const beside = auditFileLocations({ dataDir }, {});
  return { ...beside, keyDir: auditFileLocations({ dataDir }).keyDir };
}

export async function runRestore(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandLine(
    io,
    args,
    {
      'data-dir': { type: 'string' },
      replace: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    } as const,
    USAGE,
  );
  if (!parsed) return 2;
  if (parsed.values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const file = parsed.positionals[0];
  if (file === undefined || parsed.positionals.length !== 1) {
    io.stderr.write(USAGE);
    return 2;
  }
  const dataDir = parsed.values['data-dir'];
  if (dataDir === undefined && process.env.DATABASE_URL && !process.env.DATABASE_OWNER_URL) {
    io.stderr.write(
      '恢复到服务器须设置 DATABASE_OWNER_URL（数据库结构的所有者） / set DATABASE_OWNER_URL (the schema owner) to restore into a server\n',
    );
    return 2;
  }
  const store = await openDatabase(dataDir === undefined ? {} : { dataDir: path.resolve(dataDir) });
  try {
    const result = await restoreBackup(store, {
      file: path.resolve(file),
      auditFiles: targetAuditFiles(dataDir),
      replace: parsed.values.replace ?? false,
      now: new Date(),
    });
    io.stdout.write(`${JSON.stringify(result)}\n`);
    const sound = result.audit.ok && result.evidence.mismatched.length === 0;
    io.stderr.write(
      `已恢复 ${result.tables} 张表、${result.rows} 行（备份于 ${result.createdAt}，审计链至第 ${result.chainHead?.seq ?? 0} 条）到 ${store.url}\n` +
        `审计链校验：${result.audit.ok ? '通过' : `未通过（${result.audit.reason ?? ''}）`}` +
        `${result.audit.checkpointsChecked ? '' : '（密钥目录中没有签名密钥，未核对签名检查点：请复制密钥目录后再运行 rongcuo audit verify）'}；` +
        `证据材料 ${result.evidence.checked} 件，SHA-256 不符 ${result.evidence.mismatched.length} 件\n` +
        `/ restored ${result.tables} tables, ${result.rows} rows; audit chain ${result.audit.ok ? 'verified' : 'NOT verified'}; ${result.evidence.mismatched.length} evidence file(s) mismatched\n`,
    );
    return sound ? 0 : 1;
  } catch (error) {
    if (!(error instanceof RestoreError || error instanceof BackupFormatError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}
