// 反馈期限 on the workbench: the named reports not yet closed whose feedback deadline is near
// or past, for the petitions staff who handle them (never one a report accuses): only those
// due by the end of the due-soon window are read.

import { addDays, todayInChina } from '../../domain/calendar-date.ts';
import { watchDeadlines } from '../../domain/deadline/deadline-watch.ts';
import { FEEDBACK_DUE_SOON_DAYS } from '../../domain/report/report-deadline.ts';
import { listReports } from '../../store/report.queries.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';

export async function reportDeadlines(ctx: AppContext, actor: Actor) {
  const today = todayInChina(ctx.now());
  const { rows } = await listReports(ctx.db, actor, {
    handledOnly: true,
    dueBy: addDays(today, FEEDBACK_DUE_SOON_DAYS),
  });
  const watched = watchDeadlines(
    rows.map((row) => ({
      kind: 'report_feedback' as const,
      caseId: '',
      unitId: row.unit_id,
      // dueBy admits only rows with a feedback deadline.
      due: row.feedback_due!,
      userId: null,
      notificationId: null,
      reportId: row.id,
    })),
    today,
    FEEDBACK_DUE_SOON_DAYS,
  );
  return {
    watched,
    unitIds: watched.map((w) => w.unitId),
    reports: rows.map((row) => ({ id: row.id, number: row.number })),
  };
}
