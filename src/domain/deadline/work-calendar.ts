// The working-day calendar that time limits are counted with: which dates are rest days
// although they fall Monday to Friday (public holidays, local rest days), which weekend
// dates are working days (调休上班), and for which years that list is complete.
// Plain data: the adapter in src/calendar builds it from the maintained source and the
// local override table, so the domain never reads a file.

import { isCalendarDate, weekday, type CalendarDate } from '../calendar-date.ts';

export interface WorkCalendar {
  /** Public holidays and local rest days: never working days, whatever the weekday. */
  readonly holidays: ReadonlySet<CalendarDate>;
  /** Make-up workdays (调休上班): always working days, even on a Saturday or Sunday. */
  readonly makeUpWorkdays: ReadonlySet<CalendarDate>;
  /** Years whose holidays and make-up workdays are all listed; elsewhere only weekends rest. */
  readonly coveredYears: ReadonlySet<number>;
}

export interface WorkCalendarInput {
  readonly holidays: Iterable<CalendarDate>;
  readonly makeUpWorkdays: Iterable<CalendarDate>;
  readonly coveredYears: Iterable<number>;
}

/**
 * Builds a calendar, refusing what would make a day's status ambiguous: a malformed
 * date, a date that is both a holiday and a make-up workday, a year that is not 1..9999.
 */
export function createWorkCalendar(input: WorkCalendarInput): WorkCalendar {
  const holidays = dateSet(input.holidays, 'holiday');
  const makeUpWorkdays = dateSet(input.makeUpWorkdays, 'make-up workday');
  for (const date of makeUpWorkdays) {
    if (holidays.has(date)) {
      throw new RangeError(`${date} is both a holiday and a make-up workday`);
    }
  }
  const coveredYears = new Set<number>();
  for (const year of input.coveredYears) {
    if (!Number.isInteger(year) || year < 1 || year > 9999) {
      throw new RangeError(`not a calendar year: ${year}`);
    }
    coveredYears.add(year);
  }
  return Object.freeze({ holidays, makeUpWorkdays, coveredYears });
}

function dateSet(dates: Iterable<CalendarDate>, what: string): Set<CalendarDate> {
  const set = new Set<CalendarDate>();
  for (const date of dates) {
    if (!isCalendarDate(date)) throw new RangeError(`not a YYYY-MM-DD date (${what}): ${date}`);
    set.add(date);
  }
  return set;
}

/**
 * Whether people work on that date: Monday to Friday unless it is a holiday, and a
 * weekend day only when it is a make-up workday. `day` (0 = Sunday) may be passed by a
 * caller that already knows it, to save recomputing it in a loop.
 */
export function isWorkingDay(
  calendar: WorkCalendar,
  date: CalendarDate,
  day: number = weekday(date),
): boolean {
  if (calendar.makeUpWorkdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return day !== 0 && day !== 6;
}

/** The year of a date; also right past 9999, where `addDays` writes five digits. */
export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, -6));
}

/** Whether the calendar lists every holiday and make-up workday of that date's year. */
export function isCovered(calendar: WorkCalendar, date: CalendarDate): boolean {
  return calendar.coveredYears.has(yearOf(date));
}
