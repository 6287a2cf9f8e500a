// Scheduled work shared by every instance: a daily scan for overdue time limits, the
// removal of idle sessions, and a signed checkpoint of the audit chain's head every
// quarter of an hour (src/app/audit/audit-checkpoints.ts). Each run is a row in `jobs`,
// claimed with FOR UPDATE SKIP LOCKED (src/store/job.repository.ts), so however many
// instances poll, a run happens once; each run schedules the next, and (kind, run_at) is
// unique, so two instances scheduling the same next run is harmless.

import { addDays, todayInChina } from '../../domain/calendar-date.ts';
import { IDLE_TIMEOUT_MINUTES } from '../../domain/account/account-rules.ts';
import { overdueNotifications } from '../../store/deadline.queries.ts';
import { claimDueJob, completeJob, scheduleJob } from '../../store/job.repository.ts';
import { deleteIdleSessions } from '../../store/session.repository.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { AppContext } from '../app-context.ts';
import { runCheckpointJob } from '../audit/audit-checkpoints.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { auditSignInFailures } from '../account/sign-in-failures.ts';
import { raiseCorrectionReminders } from '../correction/correction-deadlines.ts';
import { DAILY_BACKUP_JOB } from '../backup/backup-overview.ts';

export const JOB_KINDS = [
  'deadline_scan',
  'session_cleanup',
  'audit_checkpoint',
  'correction_reminders',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** 08:00 China time on a date: the scan runs at the start of the working day. */
function eightAmChina(date: string): Date {
  return new Date(`${date}T08:00:00+08:00`);
}

/**
 * What an instance may do beyond the database: the daily backup needs the store's own
 * connections and folders (backup-schedule.ts), which `rongcuo serve` hands over; an
 * instance without it neither schedules nor runs one.
 */
export interface JobServices {
  readonly dailyBackup?: (now: Date) => Promise<void>;
}

/** The next 02:00 in China after `now`: the office's night, when nobody is writing. */
export function nextDailyBackup(now: Date): Date {
  const today = todayInChina(now);
  const at = new Date(`${today}T02:00:00+08:00`);
  return at.getTime() > now.getTime() ? at : new Date(`${addDays(today, 1)}T02:00:00+08:00`);
}

/** The next run of each kind after `now`. */
export function nextRun(kind: JobKind, now: Date): Date {
  switch (kind) {
    case 'deadline_scan':
    case 'correction_reminders': {
      const today = todayInChina(now);
      const at = eightAmChina(today);
      return at.getTime() > now.getTime() ? at : eightAmChina(addDays(today, 1));
    }
    case 'session_cleanup': {
      const hour = 60 * 60_000;
      return new Date(Math.floor(now.getTime() / hour) * hour + hour);
    }
    case 'audit_checkpoint': {
      // The longest a rewritten end of the audit chain can go unnoticed.
      const quarter = 15 * 60_000;
      return new Date(Math.floor(now.getTime() / quarter) * quarter + quarter);
    }
  }
}

export async function ensureScheduled(ctx: AppContext, services: JobServices = {}): Promise<void> {
  const now = ctx.now();
  for (const kind of JOB_KINDS) await scheduleJob(ctx.db, { kind, runAt: nextRun(kind, now) });
  if (services.dailyBackup) {
    await scheduleJob(ctx.db, { kind: DAILY_BACKUP_JOB, runAt: nextDailyBackup(now) });
  }
}

async function perform(ctx: AppContext, kind: JobKind, runAt: Date): Promise<void> {
  switch (kind) {
    case 'deadline_scan': {
      // Unsent notifications past their due date: recorded once per run for supervision.
      const today = todayInChina(ctx.now());
      const overdue = await overdueNotifications(ctx.db, today);
      await inTransaction(ctx.db, (trx) =>
        appendAudit(
          trx,
          {
            actorId: null,
            action: 'job.deadline_scan',
            entityType: 'job',
            entityId: runAt.toISOString(),
            data: {
              today,
              overdueNotifications: overdue.map((o) => ({
                case: o.number,
                notification: o.id,
                due: o.due,
              })),
            },
          },
          ctx.now(),
        ),
      );
      return;
    }
    case 'session_cleanup': {
      const cutoff = new Date(ctx.now().getTime() - IDLE_TIMEOUT_MINUTES * 60_000);
      await deleteIdleSessions(ctx.db, cutoff);
      // Failed sign-ins of windows closed since the last sign-in get their audit event.
      await auditSignInFailures(ctx);
      return;
    }
    case 'audit_checkpoint':
      await runCheckpointJob(ctx.db, ctx.auditFiles, ctx.now());
      return;
    case 'correction_reminders':
      // 整改期限: a reminder before the deadline, an overdue warning after, once a day each.
      await raiseCorrectionReminders(ctx, runAt);
      return;
  }
}

/** Runs every job due now; returns how many this worker ran. */
export async function runDueJobs(
  ctx: AppContext,
  workerId: string,
  services: JobServices = {},
): Promise<number> {
  let ran = 0;
  for (;;) {
    const job = await claimDueJob(ctx.db, workerId, ctx.now());
    if (!job) return ran;
    const kind = job.kind as JobKind;
    if ((JOB_KINDS as readonly string[]).includes(kind)) {
      await perform(ctx, kind, job.run_at);
      await scheduleJob(ctx.db, { kind, runAt: nextRun(kind, ctx.now()) });
    } else if (job.kind === DAILY_BACKUP_JOB && services.dailyBackup) {
      await services.dailyBackup(ctx.now());
      await scheduleJob(ctx.db, { kind: DAILY_BACKUP_JOB, runAt: nextDailyBackup(ctx.now()) });
    }
    await completeJob(ctx.db, job.id, workerId, ctx.now());
    ran++;
  }
}

/** Polls for due jobs until stopped; one per application instance. */
export function startJobWorker(
  ctx: AppContext,
  workerId: string,
  services: JobServices = {},
  intervalMs = 30_000,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => runDueJobs(ctx, workerId, services))
      .catch((error: unknown) => {
        console.error(`job worker ${workerId}:`, error);
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
