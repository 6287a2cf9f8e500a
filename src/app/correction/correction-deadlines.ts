// 整改期限 on the workbench: the corrections at work whose deadline is near (within the
// policy's reminder period) or past, for the correction object and the staff of its unit.
// And the daily job that records a reminder or an overdue warning once per correction and
// day, claimed once across instances (src/app/jobs/job-runner.ts).

import { todayInChina } from '../../domain/calendar-date.ts';
import type { WatchedDeadline } from '../../domain/deadline/deadline-watch.ts';
import { recordReminder } from '../../store/correction.repository.ts';
import { correctionsAtWork, listCorrections } from '../../store/correction.queries.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { readerOf } from '../case/case-actor.ts';
import { dueWatch } from './correction-reads.ts';
import { pinnedPolicy } from '../policy/pinned-policy.ts';

/** The reader's corrections near or past their deadline, as the workbench lists deadlines. */
export async function correctionDeadlines(ctx: AppContext, actor: Actor) {
  const today = todayInChina(ctx.now());
  const { rows } = await listCorrections(ctx.db, readerOf(actor), { states: ['in_progress'] });
  const watched: WatchedDeadline[] = [];
  for (const row of rows) {
    const { dueStatus, daysLeft } = dueWatch(
      ctx,
      pinnedPolicy(ctx, row),
      { state: 'in_progress', due: row.due },
      today,
    );
    if (dueStatus === null || daysLeft === null || row.due === null) continue;
    watched.push({
      kind: 'correction',
      caseId: row.case_id,
      unitId: row.unit_id,
      due: row.due,
      userId: row.officer_id,
      notificationId: null,
      correctionId: row.id,
      status: dueStatus,
      daysLeft,
    });
  }
  return {
    watched,
    unitIds: rows.filter((r) => r.in_unit_scope).map((r) => r.unit_id),
    cases: rows.map((r) => ({ id: r.case_id, number: r.case_number, title: r.case_title })),
  };
}

/**
 * The daily job: for each correction at work due soon or overdue today, one reminder row
 * (unique per correction and day, so a second run the same day adds nothing) and, when any
 * was added, one audit event listing them. Returns how many were recorded.
 */
export async function raiseCorrectionReminders(ctx: AppContext, runAt: Date): Promise<number> {
  const now = ctx.now();
  const today = todayInChina(now);
  const rows = await correctionsAtWork(ctx.db);
  return inTransaction(ctx.db, async (tx) => {
    const raised: { case: string; correction: string; kind: string; due: string }[] = [];
    for (const row of rows) {
      const policy = pinnedPolicy(ctx, row);
      const { dueStatus } = dueWatch(ctx, policy, { state: 'in_progress', due: row.due }, today);
      if (dueStatus === null || row.due === null) continue;
      const added = await recordReminder(tx, {
        correctionId: row.id,
        kind: dueStatus,
        onDay: today,
        due: row.due,
        at: now,
      });
      if (added)
        raised.push({ case: row.case_number, correction: row.id, kind: dueStatus, due: row.due });
    }
    if (raised.length > 0)
      await appendAudit(
        tx,
        {
          actorId: null,
          action: 'job.correction_reminders',
          entityType: 'job',
          entityId: runAt.toISOString(),
          data: { today, reminders: raised },
        },
        now,
      );
    return raised.length;
  });
}
