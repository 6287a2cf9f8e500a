// `rongcuo backup --out FILE`: one consistent file of the database and the signed audit
// checkpoints, taken while the service runs (on the embedded database through the
// running server's socket, src/store/embedded-attach.ts).
// `rongcuo backup verify FILE`: the file read whole and checked, touching no database.

import { auditFileLocations } from '../audit-files/audit-file-locations.ts';
import { BackupWriteError, writeBackup } from '../app/backup/backup-writer.ts';
import { verifyBackup } from '../app/backup/backup-verify.ts';
import { BackupFormatError } from '../domain/backup/backup-format.ts';
import { openDatabase } from '../store/database.ts';
import { parseCommandLine, type CliIO } from './cli-io.ts';

const USAGE = `用法 / usage: rongcuo backup --out 文件
       rongcuo backup verify 文件

备份整个数据库（含证据材料）及已签名的审计检查点，服务运行时亦可执行；同时写出 文件.sha256。
密钥目录（审计签名密钥、举报人身份密钥）不在备份中，须另行保管（docs/operations.md）。
/ Backs up the whole database (evidence included) and the signed audit checkpoints while
the service runs, and writes FILE.sha256 beside it. The key directory is not in it: keep it
separately (docs/operations.md). \`backup verify\` checks a backup without restoring it.
`;

export async function runBackup(args: string[], io: CliIO): Promise<number> {
  if (args[0] === 'verify') return runVerify(args.slice(1), io);
  const parsed = parseCommandLine(
    io,
    args,
    { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const,
    USAGE,
    { positionals: false },
  );
  if (!parsed) return 2;
  if (parsed.values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const out = parsed.values.out;
  if (!out) {
    io.stderr.write(`请用 --out 指定备份文件 / name the backup file with --out\n\n${USAGE}`);
    return 2;
  }
  const store = await openDatabase({ attach: true });
  try {
    const result = await writeBackup(store, {
      out,
      checkpointDir: auditFileLocations().checkpointDir,
      now: new Date(),
    });
    io.stdout.write(`${JSON.stringify(result)}\n`);
    io.stderr.write(
      `已备份 ${result.tables} 张表、${result.rows} 行、${result.files} 个检查点，审计链至第 ${result.chainHead?.seq ?? 0} 条：${result.file}（SHA-256 ${result.sha256}）\n` +
        `/ backed up ${result.tables} tables, ${result.rows} rows, ${result.files} checkpoints, the audit chain to seq ${result.chainHead?.seq ?? 0}\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof BackupWriteError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

async function runVerify(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandLine(io, args, {} as const, USAGE);
  if (!parsed) return 2;
  const file = parsed.positionals[0];
  if (file === undefined || parsed.positionals.length !== 1) {
    io.stderr.write(USAGE);
    return 2;
  }
  try {
    const verified = await verifyBackup(file);
    const tables = verified.manifest.sections.filter((s) => s.kind === 'table');
    io.stdout.write(
      `${JSON.stringify({
        ok: true,
        sha256: verified.sha256,
        sha256File: verified.checkedSha256File,
        createdAt: verified.header.createdAt,
        release: verified.header.release,
        migrations: verified.header.migrations.length,
        tables: tables.length,
        rows: tables.reduce((n, s) => n + s.lines, 0),
        files: verified.manifest.sections.length - tables.length,
        chainHead: verified.header.chainHead,
      })}\n`,
    );
    io.stderr.write(
      `备份完好：各节 SHA-256 与清单相符${verified.checkedSha256File ? '，文件与 .sha256 相符' : '（旁边没有 .sha256 文件）'} / the backup is sound\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof BackupFormatError)) throw error;
    io.stdout.write(`${JSON.stringify({ ok: false, code: error.code, message: error.message })}\n`);
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
}
