// The backup file's layout, without I/O: what `rongcuo backup` writes and `restore` and
// `backup verify` read. One gzip stream of text lines:
//
//   RONGCUO-BACKUP 1                      the magic line and the format's version
//   @@ {"kind":"header",...}              when, from which release and schema, the chain's head
//   @@ {"kind":"table","name":...}        a table: its rows in PostgreSQL's COPY text format,
//   <row>                                 one line each, then the end-of-data line `\.`
//   \.
//   @@ {"kind":"file","path":...}         a file kept beside the database (an audit checkpoint):
//   <base64 lines>                        its bytes in base64, then `\.`
//   \.
//   @@ {"kind":"manifest",...}            last: every section's rows, bytes and SHA-256
//
// COPY's text format escapes backslashes and line breaks inside values, so a row is one line
// and no row can read `\.`: the same end marker pg_dump's plain format uses. Not pg_dump
// itself: the embedded PostgreSQL ships no pg_dump, and a system pg_dump older than the
// server (Debian 12's 15 against the embedded 18) refuses to dump it. Not a zip or tar
// either: both want each member's size before its bytes or a seekable file, and a table is
// streamed from the database as it is read.

export const BACKUP_MAGIC = 'RONGCUO-BACKUP 1';
export const SECTION_PREFIX = '@@ ';
export const END_OF_DATA = '\\.';
/** A file section's base64 line length, as MIME's. */
export const BASE64_LINE = 76;

export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export interface SequenceValue {
  readonly name: string;
  /** null: never used; restore leaves it at its start. */
  readonly lastValue: string | null;
}

export interface BackupHeader {
  readonly kind: 'header';
  readonly createdAt: string;
  /** The release that wrote it (package.json's version). */
  readonly release: string;
  /** The migrations applied to the database, in order: its schema's version. */
  readonly migrations: readonly string[];
  readonly serverVersion: string;
  /** The audit chain's head in the backup's snapshot; null for an empty log. */
  readonly chainHead: ChainHead | null;
  readonly sequences: readonly SequenceValue[];
}

export interface TableSection {
  readonly kind: 'table';
  readonly name: string;
  /** The columns in COPY's order; generated columns are left out, as COPY leaves them out. */
  readonly columns: readonly string[];
}

export interface FileSection {
  readonly kind: 'file';
  /** Relative to the place it is kept, e.g. `audit-checkpoints/000000000042.json`. */
  readonly path: string;
}

export type Section = TableSection | FileSection;

export interface SectionDigest {
  readonly kind: Section['kind'];
  readonly name: string;
  /** Rows of a table, lines of a file section. */
  readonly lines: number;
  readonly bytes: number;
  readonly sha256: string;
}

export interface BackupManifest {
  readonly kind: 'manifest';
  readonly sections: readonly SectionDigest[];
}

export type SectionLine = BackupHeader | Section | BackupManifest;

export function sectionLine(section: SectionLine): string {
  return `${SECTION_PREFIX}${JSON.stringify(section)}\n`;
}

/** A backup that cannot be read as one: a stable code and a message in both languages. */
export class BackupFormatError extends Error {
  constructor(
    readonly code: 'BACKUP_UNREADABLE' | 'BACKUP_DAMAGED' | 'BACKUP_INCOMPLETE',
    message: string,
  ) {
    super(message);
  }
}

const damaged = (zh: string, en: string) =>
  new BackupFormatError('BACKUP_DAMAGED', `备份文件已损坏：${zh} / The backup is damaged: ${en}`);

/** Reads a section line; anything else where one must be is damage. */
export function parseSectionLine(line: string): SectionLine {
  if (!line.startsWith(SECTION_PREFIX)) {
    throw damaged('此处应为分节标记', `a section line was expected: ${line.slice(0, 60)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(line.slice(SECTION_PREFIX.length));
  } catch {
    throw damaged('分节标记无法解析', `a section line is not JSON: ${line.slice(0, 60)}`);
  }
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (kind === 'header' || kind === 'table' || kind === 'file' || kind === 'manifest') {
    return value as SectionLine;
  }
  throw damaged('未知的分节', `an unknown section: ${String(kind)}`);
}

/**
 * The order in which tables can be loaded with their foreign keys checked: a table after
 * every table it refers to. A table that refers to itself (a unit's parent) is loaded in
 * one COPY, and PostgreSQL checks its keys at the statement's end. Ties keep the order
 * given, so the same schema always gives the same file.
 */
export function loadOrder(
  tables: readonly string[],
  references: readonly { readonly from: string; readonly to: string }[],
): string[] {
  const needs = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { from, to } of references) {
    if (from !== to && needs.has(from) && needs.has(to)) needs.get(from)!.add(to);
  }
  const done = new Set<string>();
  const order: string[] = [];
  while (order.length < tables.length) {
    const next = tables.find((t) => !done.has(t) && [...needs.get(t)!].every((n) => done.has(n)));
    if (next === undefined) {
      const left = tables.filter((t) => !done.has(t));
      throw new Error(`foreign keys form a cycle among: ${left.join(', ')}`);
    }
    done.add(next);
    order.push(next);
  }
  return order;
}

/** Whether a backup of this schema can be restored by a release knowing `known` migrations. */
export function schemaCheck(
  backup: readonly string[],
  known: readonly string[],
): { ok: true } | { ok: false; message: string } {
  const prefix = backup.every((name, i) => known[i] === name);
  if (prefix) return { ok: true };
  const unknown = backup.filter((name) => !known.includes(name));
  return {
    ok: false,
    message:
      unknown.length > 0
        ? `备份来自更新的版本（本版本不认识迁移 ${unknown.join('、')}），请以不低于备份的版本恢复 / The backup comes from a newer release (unknown migrations: ${unknown.join(', ')}): restore it with that release or a later one.`
        : `备份的数据库结构与本版本不一致（迁移顺序不同） / The backup's schema does not match this release's migrations.`,
  };
}
