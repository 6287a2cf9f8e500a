import { describe, expect, it } from 'vitest';
import {
  nextQuarter,
  quarterLabel,
  quarterOf,
  quartersBetween,
  isQuarterStart,
} from './quarter.ts';

describe('quarters', () => {
  it('names the quarter of a day by its first day', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-01-01');
    expect(quarterOf('2026-03-31')).toBe('2026-01-01');
    expect(quarterOf('2026-04-01')).toBe('2026-04-01');
    expect(quarterOf('2026-12-31')).toBe('2026-10-01');
  });
  it('labels it in Chinese', () => {
    expect(quarterLabel('2026-07-01')).toBe('2026年第三季度');
  });
  it('steps over the year', () => {
    expect(nextQuarter('2025-10-01')).toBe('2026-01-01');
    expect(quartersBetween('2025-08-15', '2026-04-01')).toEqual([
      '2025-07-01',
      '2025-10-01',
      '2026-01-01',
      '2026-04-01',
    ]);
  });
  it('knows a quarter start', () => {
    expect(isQuarterStart('2026-04-01')).toBe(true);
    expect(isQuarterStart('2026-04-02')).toBe(false);
  });
});
