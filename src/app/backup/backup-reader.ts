// Reads a backup file (src/domain/backup/backup-format.ts) as a stream of events: the
// header, each section's start, its data in runs of whole lines, its end, the manifest.
// Memory stays at a chunk or two whatever the file's size: a row is never held whole
// beyond the line it is on.

import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import {
  BACKUP_MAGIC,
  BackupFormatError,
  parseSectionLine,
  type BackupHeader,
  type BackupManifest,
  type Section,
} from '../../domain/backup/backup-format.ts';

export type BackupEvent =
  | { readonly kind: 'header'; readonly header: BackupHeader }
  | { readonly kind: 'section'; readonly section: Section }
  /** Whole lines of the current section, each with its line break. */
  | { readonly kind: 'data'; readonly chunk: Buffer; readonly lines: number }
  | { readonly kind: 'end' }
  | { readonly kind: 'manifest'; readonly manifest: BackupManifest };

const NL = 0x0a;
const isEndOfData = (buf: Buffer, start: number, end: number) =>
  end - start === 2 && buf[start] === 0x5c && buf[start + 1] === 0x2e;

const incomplete = () =>
  new BackupFormatError(
    'BACKUP_INCOMPLETE',
    '备份文件不完整（在清单之前结束），可能写入时中断 / The backup ends before its manifest: it was cut short.',
  );

/** `onRaw` sees the file's bytes as read, compressed: the whole file's SHA-256. */
export async function* readBackup(
  file: string,
  onRaw: (chunk: Buffer) => void = () => {},
): AsyncGenerator<BackupEvent> {
  const raw = createReadStream(file);
  raw.on('data', (chunk) => onRaw(chunk as Buffer));
  const input = raw.pipe(createGunzip());
  // pipe() does not pass a read error on: the gunzip side would wait for ever.
  raw.on('error', (error) => input.destroy(error));
  let state: 'magic' | 'section' | 'data' | 'after' = 'magic';
  let carry: Buffer = Buffer.alloc(0);
  try {
    for await (const piece of input as AsyncIterable<Buffer>) {
      const buf = carry.length > 0 ? Buffer.concat([carry, piece]) : piece;
      let at = 0;
      while (at < buf.length) {
        if (state === 'data') {
          // A run of rows up to the end marker, or to the last whole line in hand.
          let lineStart = at;
          let lines = 0;
          let ended = false;
          for (;;) {
            const nl = buf.indexOf(NL, lineStart);
            if (nl < 0) break;
            if (isEndOfData(buf, lineStart, nl)) {
              ended = true;
              break;
            }
            lines++;
            lineStart = nl + 1;
          }
          if (lineStart > at) yield { kind: 'data', chunk: buf.subarray(at, lineStart), lines };
          if (!ended) {
            at = lineStart;
            break;
          }
          yield { kind: 'end' };
          at = lineStart + 3;
          state = 'section';
          continue;
        }
        const nl = buf.indexOf(NL, at);
        if (nl < 0) break;
        const line = buf.toString('utf8', at, nl);
        at = nl + 1;
        if (state === 'after') throw damagedAfterManifest();
        if (state === 'magic') {
          if (line !== BACKUP_MAGIC) throw notABackup();
          state = 'section';
          continue;
        }
        const parsed = parseSectionLine(line);
        if (parsed.kind === 'header') yield { kind: 'header', header: parsed };
        else if (parsed.kind === 'manifest') {
          yield { kind: 'manifest', manifest: parsed };
          state = 'after';
        } else {
          yield { kind: 'section', section: parsed };
          state = 'data';
        }
      }
      carry = buf.subarray(at);
    }
  } catch (error) {
    if (error instanceof BackupFormatError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new BackupFormatError(
        'BACKUP_UNREADABLE',
        `找不到备份文件 / No such backup file: ${file}`,
      );
    }
    if (code === 'Z_BUF_ERROR') throw incomplete();
    if (typeof code === 'string' && code.startsWith('Z_')) throw notABackup();
    throw error;
  }
  if (state === 'magic' && carry.length === 0) throw notABackup();
  if (state !== 'after') throw incomplete();
  if (carry.length > 0) throw damagedAfterManifest();
}

function notABackup() {
  return new BackupFormatError(
    'BACKUP_UNREADABLE',
    '不是 Rongcuo 备份文件（或已损坏） / Not a Rongcuo backup file, or damaged beyond reading.',
  );
}

function damagedAfterManifest() {
  return new BackupFormatError(
    'BACKUP_DAMAGED',
    '备份文件已损坏：清单之后还有内容 / The backup is damaged: data follows its manifest.',
  );
}
