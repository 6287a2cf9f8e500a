// Builds the WorkCalendar the deadline calculus counts with, from
// 1. the maintained `chinese-days` package: the State Council schedules (国务院办公厅
//    关于部分节假日安排的通知) for every year it lists; a year is covered when it lists
//    that year's holidays;
// 2. the local override table calendar/overrides.yaml, which wins over the package: a
//    local rest day, a late notice, a correction.
// Load it once per process (or per reload of the override file), not per deadline.

import { fileURLToPath } from 'node:url';
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { z } from 'zod';
import type { CalendarDate } from '../domain/calendar-date.ts';
import { createWorkCalendar, yearOf, type WorkCalendar } from '../domain/deadline/work-calendar.ts';
import {
  CalendarSourceError,
  readOverridesFile,
  type CalendarOverrides,
} from './overrides-file.ts';

/** calendar/overrides.yaml at the repository root, wherever the process was started. */
export const DEFAULT_OVERRIDES_PATH = fileURLToPath(
  new URL('../../calendar/overrides.yaml', import.meta.url),
);

/** The holiday and make-up workday lists of a maintained source, keyed by date. */
export interface HolidayData {
  readonly holidays: Readonly<Record<CalendarDate, unknown>>;
  readonly workdays: Readonly<Record<CalendarDate, unknown>>;
}

const holidayDataSchema = z.object({
  holidays: z.record(z.string(), z.unknown()),
  workdays: z.record(z.string(), z.unknown()),
});

export interface LoadWorkCalendarOptions {
  /** Another override file (tests); defaults to calendar/overrides.yaml. */
  readonly overridesPath?: string;
}

export async function loadWorkCalendar(
  options: LoadWorkCalendarOptions = {},
): Promise<WorkCalendar> {
  const overrides = await readOverridesFile(options.overridesPath ?? DEFAULT_OVERRIDES_PATH);
  return mergeCalendar(packageHolidayData(), overrides);
}

/** The data shipped in `chinese-days`, checked so that a format change fails loudly. */
export function packageHolidayData(): HolidayData {
  const result = holidayDataSchema.safeParse(chineseDays);
  if (!result.success) {
    throw new CalendarSourceError(
      `chinese-days/dist/chinese-days.json: 节假日数据格式不符 (${result.error.issues[0]?.message ?? ''})`,
    );
  }
  return result.data;
}

/** The package's lists with the overrides applied on top, entry by entry. */
export function mergeCalendar(data: HolidayData, local: CalendarOverrides): WorkCalendar {
  const holidays = new Set(Object.keys(data.holidays));
  const makeUpWorkdays = new Set(Object.keys(data.workdays));
  const coveredYears = new Set([...holidays].map(yearOf));
  for (const { date, kind } of local.overrides) {
    // A local rest day and a public holiday are the same to the calculus: nobody works.
    if (kind === 'workday') {
      holidays.delete(date);
      makeUpWorkdays.add(date);
    } else {
      makeUpWorkdays.delete(date);
      holidays.add(date);
    }
  }
  for (const year of local.coveredYears) coveredYears.add(year);
  try {
    return createWorkCalendar({ holidays, makeUpWorkdays, coveredYears });
  } catch (error) {
    throw new CalendarSourceError(`工作日历数据有误: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
