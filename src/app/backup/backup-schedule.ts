// The daily backup: at 02:00 China time, when an office's work is done, one instance (the
// one that claims the job, src/app/jobs/job-runner.ts) writes a backup into the backups'
// folder and removes the oldest beyond the number kept. A failure is recorded in the audit
// log as system.backup_failed with its reason, and shows on the system administrator's
// 数据备份 page beside the backups that were written.
//
//   RONGCUO_BACKUP_DIR   the folder; default `backups` beside the data directory (./data/backups)
//   RONGCUO_BACKUP_KEEP  how many daily backups to keep; default 7; 0 turns the daily backup off

import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_DATA_DIR, type Store } from '../../store/database.ts';
import { inTransaction } from '../../store/transaction.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { asWriteError, writeBackup } from './backup-writer.ts';

export interface BackupSchedule {
  readonly directory: string;
  /** 0: no daily backup. */
  readonly keep: number;
}

export const DEFAULT_BACKUPS_KEPT = 7;
/** The daily backups' names: the time in China, so a listing reads in order. */
const DAILY_NAME = /^rongcuo-\d{8}-\d{6}\.rcbak$/;

export function backupSchedule(
  options: { readonly dataDir?: string } = {},
  env: NodeJS.ProcessEnv = process.env,
): BackupSchedule {
  const dataDir = path.resolve(options.dataDir ?? env.RONGCUO_DATA_DIR ?? DEFAULT_DATA_DIR);
  const keep = env.RONGCUO_BACKUP_KEEP === undefined ? NaN : Number(env.RONGCUO_BACKUP_KEEP);
  return {
    directory: path.resolve(env.RONGCUO_BACKUP_DIR || path.join(path.dirname(dataDir), 'backups')),
    keep: Number.isInteger(keep) && keep >= 0 ? keep : DEFAULT_BACKUPS_KEPT,
  };
}

/** `rongcuo-20261203-020000.rcbak` for 02:00 on 3 December 2026 in China. */
export function dailyBackupName(at: Date): string {
  const china = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  const digits = china.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `rongcuo-${digits}.rcbak`;
}

/** One daily backup and the rotation after it; a failure is recorded, not thrown. */
export async function runDailyBackup(
  store: Store,
  schedule: BackupSchedule,
  checkpointDir: string,
  now: Date,
): Promise<void> {
  const file = path.join(schedule.directory, dailyBackupName(now));
  try {
    await mkdir(schedule.directory, { recursive: true, mode: 0o700 }).catch((error: unknown) => {
      throw asWriteError(error, schedule.directory);
    });
    await writeBackup(store, { out: file, checkpointDir, now, scheduled: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`daily backup ${file}:`, error);
    await inTransaction(store.db, (tx) =>
      appendAudit(
        tx,
        {
          actorId: null,
          action: 'system.backup_failed',
          entityType: 'backup',
          entityId: path.basename(file),
          data: {
            scheduled: true,
            code: (error as { code?: unknown }).code ?? null,
            error: message.slice(0, 500),
          },
        },
        now,
      ),
    );
    return;
  }
  await removeOldBackups(schedule);
}

/** Keeps the newest `keep` daily backups (and their .sha256); the operator's own files stay. */
async function removeOldBackups(schedule: BackupSchedule) {
  const daily = (await readdir(schedule.directory)).filter((f) => DAILY_NAME.test(f)).sort();
  for (const name of daily.slice(0, Math.max(0, daily.length - schedule.keep))) {
    await rm(path.join(schedule.directory, name), { force: true });
    await rm(path.join(schedule.directory, `${name}.sha256`), { force: true });
  }
}
