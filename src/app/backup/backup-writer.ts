// `rongcuo backup` and the daily backup: the whole database, read in one snapshot while
// the service goes on writing, and the signed audit checkpoints kept beside it, in one
// file (src/domain/backup/backup-format.ts). The file is written under a temporary name
// and renamed when complete and on disk, so a backup that was cut short (a full disk, a
// kill) never stands where a good one should; FILE.sha256 beside it, as sha256sum writes.
// Not in it: the key directory (the audit signing key, the reporters' identity keys), so
// that a backup that goes astray does not open the identities it holds (docs/operations.md).

import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { access, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import {
  BACKUP_MAGIC,
  BASE64_LINE,
  END_OF_DATA,
  loadOrder,
  sectionLine,
  type BackupHeader,
  type ChainHead,
  type Section,
  type SectionDigest,
} from '../../domain/backup/backup-format.ts';
import {
  beginSnapshot,
  copyTableOut,
  endSnapshot,
  withClient,
} from '../../store/backup.queries.ts';
import type { Store } from '../../store/database.ts';
import { inTransaction } from '../../store/transaction.ts';
import { flushAuditChain } from '../audit/audit-chainer.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { RELEASE } from '../system/release.ts';
import { countLines, SectionDigester } from './section-digest.ts';

/** The checkpoints' folder name inside a backup; restore puts them back under it. */
export const CHECKPOINT_SECTION_DIR = 'audit-checkpoints';

export interface BackupResult {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly tables: number;
  readonly rows: number;
  readonly files: number;
  readonly chainHead: ChainHead | null;
  readonly createdAt: string;
}

export interface BackupOptions {
  readonly out: string;
  /** The signed audit checkpoints to include. */
  readonly checkpointDir: string;
  readonly now: Date;
  /** Recorded in the audit event: the daily job's, or an operator's at a terminal. */
  readonly scheduled?: boolean;
}

/** A backup that could not be written, with a stable code; nothing is left at `out`. */
export class BackupWriteError extends Error {
  constructor(
    readonly code: 'BACKUP_EXISTS' | 'BACKUP_DISK_FULL' | 'BACKUP_WRITE_FAILED',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export async function writeBackup(store: Store, options: BackupOptions): Promise<BackupResult> {
  const out = path.resolve(options.out);
  if (await exists(out)) {
    throw new BackupWriteError(
      'BACKUP_EXISTS',
      `${out} 已存在，不覆盖 / ${out} exists: not overwritten`,
    );
  }
  const partial = `${out}.partial-${process.pid}`;
  let result: BackupResult;
  try {
    result = await writeFile(store, out, partial, options);
  } catch (error) {
    await rm(partial, { force: true });
    throw asWriteError(error, out);
  }
  await inTransaction(store.db, (tx) =>
    appendAudit(
      tx,
      {
        actorId: null,
        action: 'system.backup',
        entityType: 'backup',
        entityId: path.basename(out),
        data: {
          sha256: result.sha256,
          bytes: result.bytes,
          rows: result.rows,
          chainHead: result.chainHead,
          scheduled: options.scheduled ?? false,
        },
      },
      options.now,
    ),
  );
  return result;
}

async function writeFile(
  store: Store,
  out: string,
  partial: string,
  options: BackupOptions,
): Promise<BackupResult> {
  const wholeFile = createHash('sha256');
  const gzip = createGzip();
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      wholeFile.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  // 'wx': never over a file that is there (an existing `out` was refused already).
  const written = pipeline(gzip, tap, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
  written.catch(() => {});
  const put = writerOf(gzip, written);

  const digests: SectionDigest[] = [];
  /** A section: its line, its data (whole lines), the end marker; its digest kept. */
  const putSection = async (section: Section, data: AsyncIterable<Buffer> | Iterable<Buffer>) => {
    const digester = new SectionDigester(section);
    await put(Buffer.from(sectionLine(section)));
    // PostgreSQL sends a row per message; whatever the chunking, the lines add up.
    for await (const chunk of data) {
      digester.update(chunk, countLines(chunk));
      await put(chunk);
    }
    await put(Buffer.from(`${END_OF_DATA}\n`));
    digests.push(digester.digest());
  };

  // Events committed but not yet chained (audit-chainer.ts) are chained first, so that
  // the head the backup records covers everything committed before it began.
  await flushAuditChain(store.db);
  const header = await withClient(store.connections.application, async (client) => {
    const snapshot = await beginSnapshot(client);
    const header: BackupHeader = {
      kind: 'header',
      createdAt: options.now.toISOString(),
      release: RELEASE,
      migrations: snapshot.migrations,
      serverVersion: snapshot.serverVersion,
      chainHead: snapshot.chainHead,
      sequences: snapshot.sequences,
    };
    await put(Buffer.from(`${BACKUP_MAGIC}\n${sectionLine(header)}`));
    const columns = new Map(snapshot.tables.map((t) => [t.name, t.columns]));
    const order = loadOrder([...columns.keys()], snapshot.references);
    for (const name of order) {
      const section = { kind: 'table', name, columns: columns.get(name)! } as const;
      await putSection(section, copyTableOut(client, name, section.columns));
    }
    await endSnapshot(client);
    return header;
  });
  for (const file of await checkpointFiles(options.checkpointDir, header.chainHead)) {
    await putSection({ kind: 'file', path: `${CHECKPOINT_SECTION_DIR}/${file}` }, [
      base64Lines(await readFile(path.join(options.checkpointDir, file))),
    ]);
  }
  await put(Buffer.from(sectionLine({ kind: 'manifest', sections: digests })));
  gzip.end();
  await written;
  await syncFile(partial);
  await rename(partial, out);
  const sha256 = wholeFile.digest('hex');
  await writeDurably(`${out}.sha256`, `${sha256}  ${path.basename(out)}\n`);
  return {
    file: out,
    sha256,
    bytes,
    tables: digests.filter((d) => d.kind === 'table').length,
    rows: digests.filter((d) => d.kind === 'table').reduce((n, d) => n + d.lines, 0),
    files: digests.filter((d) => d.kind === 'file').length,
    chainHead: header.chainHead,
    createdAt: header.createdAt,
  };
}

/** Writes with the stream's back-pressure, failing at once if the file's side failed. */
function writerOf(stream: Writable, failed: Promise<unknown>) {
  return async (chunk: Buffer) => {
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
  };
}

/**
 * The checkpoints up to the snapshot's head: one signed after the snapshot was taken
 * records rows the backup does not hold, and a restore would report them missing.
 */
async function checkpointFiles(dir: string, head: ChainHead | null): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && e.name.endsWith('.json'))
      .map((e) => e.name)
      .filter((name) => {
        const seq = /^checkpoint-(\d+)-/.exec(name)?.[1];
        return seq !== undefined && head !== null && Number(seq) <= head.seq;
      })
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function base64Lines(bytes: Buffer): Buffer {
  const text = bytes.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += BASE64_LINE) lines.push(text.slice(i, i + BASE64_LINE));
  return Buffer.from(lines.map((l) => `${l}\n`).join(''));
}

async function syncFile(file: string) {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeDurably(file: string, text: string) {
  const partial = `${file}.partial-${process.pid}`;
  const handle = await open(partial, 'w', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(partial, file);
}

/** A file-system failure as the operator reads it: what could not be written, in Chinese first. */
export function asWriteError(error: unknown, out: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new BackupWriteError(
      'BACKUP_DISK_FULL',
      `磁盘空间不足，备份未写成（已删除未完成的文件）：${out} / No space left on the disk: the backup was not written (the partial file was removed).`,
      { cause: error },
    );
  }
  if (
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'ENOENT' ||
    code === 'EROFS' ||
    code === 'EISDIR' ||
    code === 'EEXIST' ||
    code === 'ENOTDIR'
  ) {
    return new BackupWriteError(
      'BACKUP_WRITE_FAILED',
      `无法写入备份文件 ${out}（${code}） / Cannot write the backup file ${out} (${code}).`,
      { cause: error },
    );
  }
  return error;
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );
