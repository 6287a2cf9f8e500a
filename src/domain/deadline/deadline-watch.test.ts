import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  deadlinesForUnits,
  deadlinesForUser,
  deadlineStatus,
  deadlinesForUserOrUnits,
  watchDeadlines,
  type OpenDeadline,
} from './deadline-watch.ts';

function deadline(
  caseId: string,
  unitId: string,
  due: string,
  userId: string | null = null,
): OpenDeadline {
  return {
    kind: userId ? 'objection' : 'notification',
    caseId,
    unitId,
    due,
    userId,
    notificationId: userId ? null : `${caseId}-n`,
  };
}

describe('deadlineStatus', () => {
  it('is due_soon from two calendar days before to the due day, overdue after it', () => {
    const today = '2030-09-30';
    expect(deadlineStatus('2030-10-03', today)).toBe(null);
    expect(deadlineStatus('2030-10-02', today)).toBe('due_soon');
    expect(deadlineStatus('2030-09-30', today)).toBe('due_soon');
    expect(deadlineStatus('2030-09-29', today)).toBe('overdue');
    expect(deadlineStatus('2030-10-05', today, 5)).toBe('due_soon');
  });

  it('counts days across months and years', () => {
    expect(daysBetween('2030-12-31', '2031-01-02')).toBe(2);
    expect(daysBetween('2032-03-01', '2032-02-28')).toBe(-2);
  });
});

describe('watchDeadlines', () => {
  const today = '2030-09-20';
  const all = [
    deadline('c3', 'unit-b', '2030-09-22'),
    deadline('c1', 'unit-a', '2030-09-25'),
    deadline('c2', 'unit-a', '2030-09-18', 'u-1'),
    deadline('c4', 'unit-c', '2030-09-20', 'u-2'),
    deadline('c0', 'unit-a', '2030-09-22'),
  ];
  const watched = watchDeadlines(all, today);

  it('keeps those due soon or overdue, most urgent first', () => {
    expect(watched.map((d) => [d.caseId, d.status, d.daysLeft])).toEqual([
      ['c2', 'overdue', -2],
      ['c4', 'due_soon', 0],
      ['c0', 'due_soon', 2],
      ['c3', 'due_soon', 2],
    ]);
  });

  it('lists them per user and per unit subtree', () => {
    expect(deadlinesForUser(watched, 'u-2').map((d) => d.caseId)).toEqual(['c4']);
    expect(deadlinesForUser(watched, 'u-9')).toEqual([]);
    expect(deadlinesForUnits(watched, new Set(['unit-a', 'unit-b'])).map((d) => d.caseId)).toEqual([
      'c2',
      'c0',
      'c3',
    ]);
  });
});

describe('deadlinesForUserOrUnits', () => {
  it('lists a deadline in both lists once, and keeps two of one case', () => {
    const today = '2030-09-20';
    const twoNotices = [
      { ...deadline('c1', 'unit-a', '2030-09-21'), notificationId: 'n1' },
      { ...deadline('c1', 'unit-a', '2030-09-21'), notificationId: 'n2' },
    ];
    const objection = deadline('c2', 'unit-a', '2030-09-20', 'u-1');
    const watched = watchDeadlines([objection, ...twoNotices], today);
    const all = deadlinesForUserOrUnits(watched, 'u-1', new Set(['unit-a']));
    expect(all.map((d) => [d.caseId, d.notificationId])).toEqual([
      ['c2', null],
      ['c1', 'n1'],
      ['c1', 'n2'],
    ]);
  });
});
