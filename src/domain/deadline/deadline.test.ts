// The counting rules on a small hand-made calendar (not a real schedule): 2030 and 2032
// are covered; in 2030 a holiday runs Tue 10-01 to Mon 10-07 with make-up workdays on
// Sun 09-29 and Sat 10-12.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../calendar-date.ts';
import {
  computeDeadline,
  InvalidDeadlineRequestError,
  isDeadlineCounting,
  isDeadlineDays,
  type DeadlineRequest,
} from './deadline.ts';
import { createWorkCalendar, isCovered, isWorkingDay } from './work-calendar.ts';

const HOLIDAYS = [1, 2, 3, 4, 5, 6, 7].map((d) => `2030-10-0${d}`);
const calendar = createWorkCalendar({
  holidays: HOLIDAYS,
  makeUpWorkdays: ['2030-09-29', '2030-10-12'],
  coveredYears: [2030, 2032],
});

function due(from: CalendarDate, days: number, counting: DeadlineRequest['counting']) {
  return computeDeadline(calendar, { from, days, counting });
}

describe('WorkCalendar', () => {
  it('tells working days from rest days', () => {
    expect(isWorkingDay(calendar, '2030-09-27')).toBe(true); // Friday
    expect(isWorkingDay(calendar, '2030-09-28')).toBe(false); // Saturday
    expect(isWorkingDay(calendar, '2030-09-29')).toBe(true); // make-up Sunday
    expect(isWorkingDay(calendar, '2030-10-01')).toBe(false); // holiday Tuesday
    expect(isWorkingDay(calendar, '2030-10-12')).toBe(true); // make-up Saturday
    expect(isWorkingDay(calendar, '2030-10-13')).toBe(false); // Sunday
  });

  it('knows which years it covers', () => {
    expect(isCovered(calendar, '2030-12-31')).toBe(true);
    expect(isCovered(calendar, '2031-01-01')).toBe(false);
  });

  it('refuses ambiguous or malformed data', () => {
    const base = { holidays: [], makeUpWorkdays: [], coveredYears: [] };
    expect(() =>
      createWorkCalendar({ ...base, holidays: ['2030-10-01'], makeUpWorkdays: ['2030-10-01'] }),
    ).toThrow(/both a holiday and a make-up workday/);
    expect(() => createWorkCalendar({ ...base, holidays: ['2030-02-30'] })).toThrow(RangeError);
    expect(() => createWorkCalendar({ ...base, coveredYears: [2030.5] })).toThrow(RangeError);
  });
});

describe('computeDeadline, calendar counting', () => {
  it('starts counting the day after the trigger date', () => {
    expect(due('2030-09-25', 1, 'calendar').due).toBe('2030-09-26');
  });

  it('moves a deadline on a weekend to the next working day', () => {
    expect(due('2030-10-10', 3, 'calendar').due).toBe('2030-10-14'); // Sun -> Mon
  });

  it('keeps a deadline on a make-up weekend workday', () => {
    expect(due('2030-09-26', 3, 'calendar').due).toBe('2030-09-29'); // make-up Sunday
    expect(due('2030-10-11', 1, 'calendar').due).toBe('2030-10-12'); // make-up Saturday
  });

  it('moves a deadline on the first or last holiday past the whole holiday', () => {
    expect(due('2030-09-30', 1, 'calendar').due).toBe('2030-10-08');
    expect(due('2030-10-06', 1, 'calendar').due).toBe('2030-10-08');
    expect(due('2030-09-24', 7, 'calendar').due).toBe('2030-10-08');
  });

  it('passes the request through with the result', () => {
    expect(due('2030-09-25', 1, 'calendar')).toEqual({
      from: '2030-09-25',
      days: 1,
      counting: 'calendar',
      due: '2030-09-26',
      provisional: false,
      extension: null,
    });
  });

  it('says when the N-th day was a rest day and the due date moved past it', () => {
    // 2030-09-30 + 1 = 10-01, a holiday; 2030-09-20 + 1 = Sat 09-21, a weekend.
    expect(due('2030-09-30', 1, 'calendar').extension).toEqual({
      lastDay: '2030-10-01',
      restDay: 'holiday',
    });
    expect(due('2030-09-20', 1, 'calendar')).toMatchObject({
      due: '2030-09-23',
      extension: { lastDay: '2030-09-21', restDay: 'weekend' },
    });
    // A make-up workday is a working day: nothing moves. Working counting never extends.
    expect(due('2030-09-26', 3, 'calendar').extension).toBeNull();
    expect(due('2030-09-27', 3, 'working').extension).toBeNull();
  });
});

describe('computeDeadline, working counting', () => {
  it('counts make-up weekend workdays and skips weekends and holidays', () => {
    expect(due('2030-09-27', 1, 'working').due).toBe('2030-09-29');
    expect(due('2030-09-27', 2, 'working').due).toBe('2030-09-30');
    expect(due('2030-09-27', 3, 'working').due).toBe('2030-10-08');
    expect(due('2030-09-27', 7, 'working').due).toBe('2030-10-12');
  });

  it('counts from a trigger date inside a holiday', () => {
    expect(due('2030-10-03', 1, 'working').due).toBe('2030-10-08');
  });
});

describe('provisional', () => {
  it('flags a deadline that looks at a year the calendar does not cover', () => {
    expect(due('2030-12-30', 3, 'calendar')).toMatchObject({
      due: '2031-01-02',
      provisional: true,
    });
    expect(due('2030-12-30', 1, 'working')).toMatchObject({
      due: '2030-12-31',
      provisional: false,
    });
    expect(due('2030-12-31', 1, 'working')).toMatchObject({ due: '2031-01-01', provisional: true });
  });

  it('counts only weekends as rest days in an uncovered year', () => {
    // 2031-10-01..07 would be a holiday in reality; this calendar does not know it.
    expect(due('2031-09-30', 1, 'calendar')).toMatchObject({
      due: '2031-10-01',
      provisional: true,
    });
    expect(due('2031-10-03', 1, 'calendar').due).toBe('2031-10-06'); // Sat -> Mon
  });

  it('does not flag a calendar count for days it never had to look at', () => {
    // 2031 lies between trigger and due date, but only 2032-02-04 decides the result.
    expect(due('2030-12-31', 400, 'calendar')).toMatchObject({
      due: '2032-02-04',
      provisional: false,
    });
    expect(due('2030-12-31', 400, 'working').provisional).toBe(true);
  });
});

describe('invalid requests', () => {
  it.each([0, -1, 1.5, 3651, Number.NaN, Number.POSITIVE_INFINITY])('refuses days = %s', (days) => {
    expect(isDeadlineDays(days)).toBe(false);
    expect(() => due('2030-09-25', days, 'calendar')).toThrow(InvalidDeadlineRequestError);
  });

  it('accepts the bounds 1 and 3650', () => {
    expect(isDeadlineDays(1)).toBe(true);
    expect(isDeadlineDays(3650)).toBe(true);
    expect(due('2030-09-25', 3650, 'working').due > '2040-01-01').toBe(true);
  });

  it.each(['2026-02-30', '2026-9-1', '', '2026-09-30T00:00'])('refuses from = %j', (from) => {
    expect(() => due(from, 1, 'calendar')).toThrow(InvalidDeadlineRequestError);
  });

  it('refuses another counting word', () => {
    expect(isDeadlineCounting('workday')).toBe(false);
    expect(() =>
      computeDeadline(calendar, {
        from: '2030-09-25',
        days: 1,
        counting: 'workday' as DeadlineRequest['counting'],
      }),
    ).toThrow(InvalidDeadlineRequestError);
  });

  it('refuses a due date past 9999-12-31 and reaches 9999-12-31 itself', () => {
    expect(due('9999-12-30', 1, 'calendar').due).toBe('9999-12-31'); // a Friday
    expect(() => due('9999-12-31', 1, 'calendar')).toThrow(InvalidDeadlineRequestError);
    expect(() => due('9999-12-30', 2, 'working')).toThrow(InvalidDeadlineRequestError);
  });
});

describe('properties', () => {
  const dates = fc.integer({ min: 0, max: 4 * 365 }).map((offset) => addDays('2029-06-01', offset));
  const workingDaysBetween = (from: CalendarDate, to: CalendarDate): number => {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(calendar, d)) n++;
    return n;
  };

  it('calendar: the due date is the first working day on or after the N-th day', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 60 }), (from, days) => {
        const { due: d } = due(from, days, 'calendar');
        const nth = addDays(from, days);
        expect(d >= nth).toBe(true);
        expect(isWorkingDay(calendar, d)).toBe(true);
        for (let x = nth; x < d; x = addDays(x, 1)) expect(isWorkingDay(calendar, x)).toBe(false);
      }),
    );
  });

  it('working: the due date is a working day with exactly N working days up to it', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 60 }), (from, days) => {
        const { due: d } = due(from, days, 'working');
        expect(isWorkingDay(calendar, d)).toBe(true);
        expect(workingDaysBetween(from, d)).toBe(days);
      }),
    );
  });
});
