// The 数据备份 page: the backups the audit log records, newest first, and the next daily
// one. The system administrator's alone (三员分立: keeping the system running is theirs).

import type { BackupOverview, BackupRecord } from '../../contract/backup.schemas.ts';
import { nextScheduledRun, recentBackupEvents } from '../../store/backup-history.queries.ts';
import { requireRole } from '../account/require-role.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import type { BackupSchedule } from './backup-schedule.ts';

/** The job kind of the daily backup (job-runner.ts). */
export const DAILY_BACKUP_JOB = 'daily_backup';
const SHOWN = 30;

interface BackupEventData {
  readonly sha256?: string;
  readonly bytes?: number;
  readonly rows?: number;
  readonly chainHead?: { readonly seq: number } | null;
  readonly scheduled?: boolean;
  readonly error?: string;
}

export async function readBackupOverview(
  ctx: AppContext,
  actor: Actor,
  schedule: BackupSchedule | null,
): Promise<BackupOverview> {
  requireRole(actor, 'sysadmin');
  const [events, next] = await Promise.all([
    recentBackupEvents(ctx.db, SHOWN),
    schedule && schedule.keep > 0 ? nextScheduledRun(ctx.db, DAILY_BACKUP_JOB) : null,
  ]);
  const records: BackupRecord[] = events.map((e) => {
    const data = (e.data ?? {}) as BackupEventData;
    const ok = e.action === 'system.backup';
    return {
      at: e.at.toISOString(),
      ok,
      scheduled: data.scheduled ?? false,
      file: e.entity_id,
      sha256: data.sha256 ?? null,
      bytes: data.bytes ?? null,
      rows: data.rows ?? null,
      chainSeq: data.chainHead?.seq ?? null,
      // The stored reason is Chinese, then English after ' / ': the page shows the Chinese.
      error: ok ? null : (data.error?.split(' / ')[0] ?? '未知原因'),
    };
  });
  return {
    nextRunAt: next?.toISOString() ?? null,
    directory: schedule?.directory ?? null,
    keep: schedule?.keep ?? null,
    records,
  };
}
