// 反馈期限 on the workbench: the named reports not yet closed whose feedback deadline is near
// or past, for the petitions staff who handle them (never one a report accuses).

import { todayInChina } from '../../domain/calendar-date.ts';
import type { WatchedDeadline } from '../../domain/deadline/deadline-watch.ts';
import { listReports } from '../../store/report.queries.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { feedbackWatch } from './report-reads.ts';

export async function reportDeadlines(ctx: AppContext, actor: Actor) {
  const today = todayInChina(ctx.now());
  const { rows } = await listReports(ctx.db, actor, {
    named: true,
    open: true,
    handledOnly: true,
  });
  const watched: WatchedDeadline[] = [];
  const reports: { id: string; number: string }[] = [];
  for (const row of rows) {
    if (row.state === 'closed' || row.feedback_due === null) continue;
    const { dueStatus, daysLeft } = feedbackWatch(row, today);
    if (dueStatus === null || daysLeft === null) continue;
    watched.push({
      kind: 'report_feedback',
      caseId: '',
      unitId: row.unit_id,
      due: row.feedback_due,
      userId: null,
      notificationId: null,
      reportId: row.id,
      status: dueStatus,
      daysLeft,
    });
    reports.push({ id: row.id, number: row.number });
  }
  return { watched, unitIds: watched.map((w) => w.unitId), reports };
}
