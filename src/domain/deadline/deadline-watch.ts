// Deadlines to watch: notifications (告知) not yet sent and objection periods (异议期限)
// still open, each classified against today as due soon or overdue, for the lists a
// user or a unit sees. Calendar days, not working days: a reminder two days ahead is
// a nudge, not a legal computation (the due dates themselves come from computeDeadline).

import type { CalendarDate } from '../calendar-date.ts';
import type { DeadlineKind, DeadlineStatus } from '../vocabulary.ts';

/** A deadline at most this many calendar days ahead is `due_soon`. */
export const DUE_SOON_DAYS = 2;

export interface OpenDeadline {
  readonly kind: DeadlineKind;
  readonly caseId: string;
  readonly unitId: string;
  /** The last day on time. */
  readonly due: CalendarDate;
  /** The person the deadline is about: the officer for an objection period; null for a unit's duty. */
  readonly userId: string | null;
  /** For a notification: its id. */
  readonly notificationId: string | null;
  /** For a correction's deadline (整改期限): the correction's id. */
  readonly correctionId?: string | null;
  /** For a report's feedback deadline (反馈期限): the report's id. */
  readonly reportId?: string | null;
}

export interface WatchedDeadline extends OpenDeadline {
  readonly status: DeadlineStatus;
  /** Calendar days from today to the due date; negative once overdue. */
  readonly daysLeft: number;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return (utcDay(to) - utcDay(from)) / 86_400_000;
}

function utcDay(date: CalendarDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

/** `overdue` after the due date, `due_soon` from DUE_SOON_DAYS before it to the day itself, else null. */
export function deadlineStatus(
  due: CalendarDate,
  today: CalendarDate,
  soonDays: number = DUE_SOON_DAYS,
): DeadlineStatus | null {
  const left = daysBetween(today, due);
  if (left < 0) return 'overdue';
  return left <= soonDays ? 'due_soon' : null;
}

/** The deadlines that need attention, most urgent first (then by case id, for a stable list). */
export function watchDeadlines(
  deadlines: Iterable<OpenDeadline>,
  today: CalendarDate,
  soonDays: number = DUE_SOON_DAYS,
): readonly WatchedDeadline[] {
  const watched: WatchedDeadline[] = [];
  for (const d of deadlines) {
    const status = deadlineStatus(d.due, today, soonDays);
    if (status !== null) watched.push({ ...d, status, daysLeft: daysBetween(today, d.due) });
  }
  return watched.sort(byUrgency);
}

/** Most urgent first; then by what it is about, for a stable list. */
export function byUrgency(a: WatchedDeadline, b: WatchedDeadline): number {
  return (
    a.daysLeft - b.daysLeft ||
    compare(a.caseId, b.caseId) ||
    compare(a.kind, b.kind) ||
    compare(a.notificationId ?? '', b.notificationId ?? '') ||
    compare(a.correctionId ?? '', b.correctionId ?? '') ||
    compare(a.reportId ?? '', b.reportId ?? '')
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A user's own list: the deadlines about them. */
export function deadlinesForUser(
  watched: readonly WatchedDeadline[],
  userId: string,
): readonly WatchedDeadline[] {
  return watched.filter((d) => d.userId === userId);
}

/** A unit's list: the deadlines of cases in the given units (a unit subtree, walked by the app layer). */
export function deadlinesForUnits(
  watched: readonly WatchedDeadline[],
  unitIds: ReadonlySet<string>,
): readonly WatchedDeadline[] {
  return watched.filter((d) => unitIds.has(d.unitId));
}

/** Both lists as one: a deadline about the user or in their units, each once, in watch order. */
export function deadlinesForUserOrUnits(
  watched: readonly WatchedDeadline[],
  userId: string,
  unitIds: ReadonlySet<string>,
): readonly WatchedDeadline[] {
  return watched.filter((d) => d.userId === userId || unitIds.has(d.unitId));
}
