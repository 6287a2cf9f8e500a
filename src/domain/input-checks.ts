// Checks every area's deciders apply to what a person typed: a text left blank, a day
// outside the span it must fall in. Each area wraps the answer in its own refusal.

import type { CalendarDate } from './calendar-date.ts';

/** True for a missing, non-string or whitespace-only text. */
export function isBlank(text: unknown): boolean {
  return typeof text !== 'string' || text.trim() === '';
}

/**
 * Why `day` (named `what`) is outside [earliest, latest], both included, in words naming
 * the bound it passed (today by default); null when it is within. No earliest: no lower bound.
 */
export function dayOutOfRange(
  day: CalendarDate,
  what: string,
  latest: CalendarDate,
  earliest: CalendarDate | null,
  earliestWhat: string,
  latestWhat = '今天',
): string | null {
  if (day > latest) return `${what}不能晚于${latestWhat}（${latest}）`;
  if (earliest !== null && day < earliest) return `${what}不能早于${earliestWhat}（${earliest}）`;
  return null;
}
