// The deadline calculus (期限计算): every time limit of the procedure (告知, 整改期限,
// extensions, feedback to reporters) goes through `computeDeadline`, so that one rule,
// checked from outside through `rongcuo deadline`, decides every due date.

import { addDays, isCalendarDate, weekday, type CalendarDate } from '../calendar-date.ts';
import { COUNTING_LABELS, isCodeOf, type DeadlineCounting } from '../vocabulary.ts';
import { isCovered, isWorkingDay, yearOf, type WorkCalendar } from './work-calendar.ts';

export const MIN_DEADLINE_DAYS = 1;
/** Ten years: longer than any limit of the procedure, short enough to stay cheap. */
export const MAX_DEADLINE_DAYS = 3650;

/** The last date a deadline may fall on: CalendarDate stops at year 9999. */
const LAST_YEAR = 9999;

export interface DeadlineRequest {
  /** The trigger date (decision, notice, ...); never counted itself. */
  readonly from: CalendarDate;
  readonly days: number;
  readonly counting: DeadlineCounting;
}

/**
 * Why a calendar-counted due date lies after its N-th day: that day was a rest day, and
 * the limit ran on to the first working day after it (民法典第二百零三条).
 */
export interface DeadlineExtension {
  /** The N-th day, on which the limit would have ended. */
  readonly lastDay: CalendarDate;
  /** Whether that day was a public holiday (法定节假日) or a weekend (休息日). */
  readonly restDay: 'holiday' | 'weekend';
}

export interface Deadline extends DeadlineRequest {
  readonly due: CalendarDate;
  /** Set when the N-th day fell on a rest day and the due date moved past it. */
  readonly extension: DeadlineExtension | null;
  /**
   * True when a day the computation looked at lies in a year the calendar does not
   * cover: the due date then assumes only weekends rest that year, and may move once
   * the year's holiday schedule is known.
   */
  readonly provisional: boolean;
}

/** A request the calculus cannot answer; its message is meant for the person who made it. */
export class InvalidDeadlineRequestError extends RangeError {
  override readonly name = 'InvalidDeadlineRequestError';
}

export function isDeadlineDays(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_DEADLINE_DAYS && value <= MAX_DEADLINE_DAYS;
}

export function isDeadlineCounting(value: string): value is DeadlineCounting {
  return isCodeOf(COUNTING_LABELS, value);
}

/**
 * The due date of a time limit of `days` days counted from the day after `from`.
 *
 * - `calendar`: the N-th day; when it is a statutory rest day (a weekend day that is not a
 *   make-up workday, or a public holiday) the first working day after it
 *   (民法典第二百零三条: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
 * - `working`: the N-th working day (Monday to Friday that is not a holiday, or a make-up
 *   workday).
 *
 * @throws InvalidDeadlineRequestError for an invalid request or a due date past 9999.
 */
export function computeDeadline(calendar: WorkCalendar, request: DeadlineRequest): Deadline {
  const { from, days, counting } = request;
  if (!isCalendarDate(from)) {
    throw new InvalidDeadlineRequestError(
      `起算日期无效：${String(from)}（应为 YYYY-MM-DD 的真实日期）`,
    );
  }
  if (!isDeadlineDays(days)) {
    throw new InvalidDeadlineRequestError(
      `期限天数须为 ${MIN_DEADLINE_DAYS} 至 ${MAX_DEADLINE_DAYS} 的整数：${String(days)}`,
    );
  }
  if (!isDeadlineCounting(counting)) {
    throw new InvalidDeadlineRequestError(
      `计算方式须为 calendar（自然日）或 working（工作日）：${String(counting)}`,
    );
  }

  // A plain walk over the days: at most ~5,100 steps (3,650 working days), each a couple
  // of Set lookups, so no cleverness with week arithmetic is worth its risk.
  let provisional = false;
  let extension: DeadlineExtension | null = null;
  let date: CalendarDate;
  let day: number;
  if (counting === 'calendar') {
    // Only the N-th day and the rest days after it decide the result, so only they are
    // looked at: the days in between cannot make the answer provisional.
    date = addDays(from, days);
    day = weekday(date);
    if (uncovered(calendar, date)) provisional = true;
    if (!isWorkingDay(calendar, date, day)) {
      extension = {
        lastDay: date,
        restDay: calendar.holidays.has(date) ? 'holiday' : 'weekend',
      };
    }
    while (!isWorkingDay(calendar, date, day)) {
      date = addDays(date, 1);
      day = (day + 1) % 7;
      if (uncovered(calendar, date)) provisional = true;
    }
  } else {
    date = from;
    day = weekday(from);
    let remaining = days;
    while (remaining > 0) {
      date = addDays(date, 1);
      day = (day + 1) % 7;
      if (uncovered(calendar, date)) provisional = true;
      if (isWorkingDay(calendar, date, day)) remaining -= 1;
    }
  }
  return { from, days, counting, due: date, provisional, extension };
}

/** Whether the calendar lacks the date's year; refuses dates past the last computable one. */
function uncovered(calendar: WorkCalendar, date: CalendarDate): boolean {
  if (yearOf(date) > LAST_YEAR) {
    throw new InvalidDeadlineRequestError(`期限超出可计算的日期范围（至 ${LAST_YEAR}-12-31）`);
  }
  return !isCovered(calendar, date);
}
