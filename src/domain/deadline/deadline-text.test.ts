import { describe, expect, it } from 'vitest';
import { deadlineText } from './deadline-text.ts';

describe('how a due date was counted, in words', () => {
  const base = { from: '2026-09-30', days: 7, counting: 'calendar' } as const;

  it('names the holiday the last day fell on and the working day it moved to', () => {
    expect(
      deadlineText({
        ...base,
        due: '2026-10-08',
        extension: { lastDay: '2026-10-07', restDay: 'holiday' },
      }),
    ).toBe(
      '自2026年9月30日起7日，期限届满日（2026年10月7日）为法定节假日，顺延至节后第一个工作日2026年10月8日',
    );
  });

  it('a weekend, an extension of unknown kind, none, and working days', () => {
    const weekend = { lastDay: '2026-03-07', restDay: 'weekend' } as const;
    expect(
      deadlineText({ ...base, from: '2026-02-28', due: '2026-03-09', extension: weekend }),
    ).toContain('期限届满日（2026年3月7日）为休息日，顺延至其后第一个工作日2026年3月9日');
    expect(
      deadlineText({
        ...base,
        due: '2026-10-08',
        extension: { lastDay: '2026-10-07', restDay: null },
      }),
    ).toContain('为法定休假日，顺延至其后第一个工作日');
    expect(deadlineText({ ...base, from: '2026-03-02', due: '2026-03-09', extension: null })).toBe(
      '自2026年3月2日起7日，至2026年3月9日届满',
    );
    expect(deadlineText({ ...base, counting: 'working', due: '2026-10-15', extension: null })).toBe(
      '自2026年9月30日起7个工作日，至2026年10月15日届满',
    );
  });
});
