import { describe, expect, it } from 'vitest';
import { SUMMARY_SUBJECTS, subjectKey, summarizeWindow, windowStartOf } from './sign-in-audit.ts';

describe('sign-in failures audited in aggregate', () => {
  it('puts an instant in its quarter-hour window', () => {
    expect(windowStartOf(new Date('2026-03-01T08:14:59.999Z')).toISOString()).toBe(
      '2026-03-01T08:00:00.000Z',
    );
    expect(windowStartOf(new Date('2026-03-01T08:15:00.000Z')).toISOString()).toBe(
      '2026-03-01T08:15:00.000Z',
    );
  });

  it('sums a window and names its most tried subjects, however many there were', () => {
    const counts = Array.from({ length: 50 }, (_, i) => ({
      subject: subjectKey({ kind: 'name', hash: i.toString(16).padStart(64, '0') }),
      failures: i,
      refusedLocked: 0,
      lockouts: 0,
    }));
    counts.push({
      subject: subjectKey({ kind: 'account', id: 'u-1' }),
      failures: 5,
      refusedLocked: 100,
      lockouts: 1,
    });
    const summary = summarizeWindow(new Date('2026-03-01T08:00:00Z'), counts);
    expect(summary).toMatchObject({
      from: '2026-03-01T08:00:00.000Z',
      to: '2026-03-01T08:15:00.000Z',
      failures: 1225 + 5,
      refusedWhileLocked: 100,
      lockouts: 1,
      subjects: 51,
    });
    expect(summary.mostTried).toHaveLength(SUMMARY_SUBJECTS);
    expect(summary.mostTried[0]).toEqual({
      account: 'u-1',
      failures: 5,
      refusedWhileLocked: 100,
      lockouts: 1,
    });
    expect(summary.mostTried[1]).toMatchObject({ nameHash: expect.stringMatching(/31$/) });
  });
});
