// 整改期限: the deadline a 纠错通知 sets, computed by the one deadline calculus from the day of
// the notice under the policy's counting, with the words that explain it; and whether a
// correction at work is due soon (within the policy's reminder period, counted the same
// way) or overdue against today.

import type { CalendarDate } from '../calendar-date.ts';
import { computeDeadline, type Deadline } from '../deadline/deadline.ts';
import { deadlineText } from '../deadline/deadline-text.ts';
import type { WorkCalendar } from '../deadline/work-calendar.ts';
import type { TimeLimit } from '../policy/policy-model.ts';
import type { CorrectionState, DeadlineCounting, DeadlineStatus } from '../vocabulary.ts';

/** The deadline of a notice issued on `notifiedOn`, for `days` (the policy's by default). */
export function noticeDeadline(
  calendar: WorkCalendar,
  limit: Pick<TimeLimit, 'days' | 'counting'>,
  notifiedOn: CalendarDate,
  days: number = limit.days,
): Deadline {
  return computeDeadline(calendar, { from: notifiedOn, days, counting: limit.counting });
}

/** 自2026年3月2日起30个工作日，至2026年4月14日届满 (with the extension over a rest day, if any). */
export function noticeDeadlineText(d: {
  readonly from: CalendarDate;
  readonly days: number;
  readonly counting: DeadlineCounting;
  readonly due: CalendarDate;
  readonly extendedFrom: CalendarDate | null;
}): string {
  return deadlineText({
    from: d.from,
    days: d.days,
    counting: d.counting,
    due: d.due,
    extension: d.extendedFrom === null ? null : { lastDay: d.extendedFrom, restDay: null },
  });
}

/**
 * Against today, for a correction at work (整改中): `overdue` after its deadline, `due_soon`
 * when the deadline falls within the reminder period counted from today as the policy
 * counts it (5 个工作日: today's reminder window ends on the 5th working day after today),
 * else null. A completion claimed in time stops the clock: the unit's check is not the
 * officer's delay, and a claimed, completed or cancelled correction has no status.
 */
export function correctionDueStatus(
  calendar: WorkCalendar,
  reminder: Pick<TimeLimit, 'days' | 'counting'>,
  correction: { readonly state: CorrectionState; readonly due: CalendarDate | null },
  today: CalendarDate,
): DeadlineStatus | null {
  if (correction.state !== 'in_progress' || correction.due === null) return null;
  if (today > correction.due) return 'overdue';
  const windowEnd = computeDeadline(calendar, {
    from: today,
    days: reminder.days,
    counting: reminder.counting,
  }).due;
  return correction.due <= windowEnd ? 'due_soon' : null;
}
