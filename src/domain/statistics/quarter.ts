// Quarters (季度), the statistics' unit of time: a case counts in the quarter it was opened,
// in China time. A quarter is named by its first day ('2026-04-01'), as the database
// stores it; a date range is read at quarter granularity (from's quarter to to's).

import { isCalendarDate, type CalendarDate } from '../calendar-date.ts';

/** The first day of the quarter the day falls in. */
export function quarterOf(date: CalendarDate): CalendarDate {
  const month = Number(date.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return `${date.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

/** 2026年第二季度 */
export function quarterLabel(quarter: CalendarDate): string {
  const index = Math.floor((Number(quarter.slice(5, 7)) - 1) / 3);
  return `${quarter.slice(0, 4)}年第${QUARTER_NAMES[index]}季度`;
}

/** The quarter after the given one. */
export function nextQuarter(quarter: CalendarDate): CalendarDate {
  const month = Number(quarter.slice(5, 7)) + 3;
  const year = Number(quarter.slice(0, 4)) + (month > 12 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month > 12 ? month - 12 : month).padStart(2, '0')}-01`;
}

/** The first days of the quarters of `first` to `last`, both included, in order. */
export function quartersBetween(first: CalendarDate, last: CalendarDate): CalendarDate[] {
  const out: CalendarDate[] = [];
  for (let q = quarterOf(first); q <= last; q = nextQuarter(q)) out.push(q);
  return out;
}

export function isQuarterStart(value: string): boolean {
  return isCalendarDate(value) && quarterOf(value) === value;
}
