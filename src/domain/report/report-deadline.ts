// 反馈期限: the last day to tell a named reporter the result (第十九条 按规定向举报人反馈结果),
// counted by the one deadline calculus from the day of receipt under the policy's limit
// (`procedure.reports.feedback`; its words are deadline-text.ts's); and whether an open
// report is due soon or overdue against today.

import type { CalendarDate } from '../calendar-date.ts';
import { computeDeadline, type Deadline } from '../deadline/deadline.ts';
import { deadlineStatus } from '../deadline/deadline-watch.ts';
import type { WorkCalendar } from '../deadline/work-calendar.ts';
import type { TimeLimit } from '../policy/policy-model.ts';
import type { DeadlineStatus, ReportState } from '../vocabulary.ts';

/**
 * Calendar days before the limit from which open feedback is `due_soon`: a week, as the
 * corrections' list warns, since the limit itself is two months long.
 */
export const FEEDBACK_DUE_SOON_DAYS = 7;

/** The feedback deadline of a report received on `receivedOn`. */
export function feedbackDeadline(
  calendar: WorkCalendar,
  limit: Pick<TimeLimit, 'days' | 'counting'>,
  receivedOn: CalendarDate,
): Deadline {
  return computeDeadline(calendar, {
    from: receivedOn,
    days: limit.days,
    counting: limit.counting,
  });
}

/**
 * Against today, for a named report not yet closed: `overdue` after its feedback deadline,
 * `due_soon` within FEEDBACK_DUE_SOON_DAYS calendar days of it, else null. A closed or an
 * anonymous report has no status.
 */
export function feedbackDueStatus(
  report: { readonly state: ReportState; readonly feedbackDue: CalendarDate | null },
  today: CalendarDate,
): DeadlineStatus | null {
  if (report.state === 'closed' || report.feedbackDue === null) return null;
  return deadlineStatus(report.feedbackDue, today, FEEDBACK_DUE_SOON_DAYS);
}
