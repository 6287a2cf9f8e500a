// 数据备份: the system administrator's view of the backups, the daily one and those run at
// a terminal (`rongcuo backup`), as the audit log records them, and the next scheduled run.

import { DateTime, Nullable, Type, type Static } from './schema-kit.ts';

export const BackupRecord = Type.Object({
  at: DateTime,
  /** true: written; false: the attempt failed (error says why). */
  ok: Type.Boolean(),
  /** true: the daily backup; false: `rongcuo backup` at a terminal. */
  scheduled: Type.Boolean(),
  /** The file's name (the daily backups' folder is `directory` below). */
  file: Type.String(),
  sha256: Nullable(Type.String()),
  bytes: Nullable(Type.Integer()),
  rows: Nullable(Type.Integer()),
  /** The audit chain's head the backup holds. */
  chainSeq: Nullable(Type.Integer()),
  /** Why it failed, in Chinese. */
  error: Nullable(Type.String()),
});
export type BackupRecord = Static<typeof BackupRecord>;

export const BackupOverview = Type.Object(
  {
    /** The next daily backup; null when none is scheduled (RONGCUO_BACKUP_KEEP=0). */
    nextRunAt: Nullable(DateTime),
    /** Where the daily backups go, and how many are kept; null on an instance without them. */
    directory: Nullable(Type.String()),
    keep: Nullable(Type.Integer()),
    /** Newest first. */
    records: Type.Array(BackupRecord),
  },
  { description: '数据备份 / the backups and the next scheduled one' },
);
export type BackupOverview = Static<typeof BackupOverview>;
