import { describe, expect, it } from 'vitest';
import { planSearch, type GramStatistics } from './case-search-plan.ts';

const ROWS = 1_000_000;
const stats = (
  grams: [string, number | null][],
  prefixShare: number | null = null,
  listedMin: number | null = 0.004,
): GramStatistics => ({
  grams: grams.map(([gram, share]) => ({ gram, share })),
  prefixShare,
  listedMin,
  rows: ROWS,
});

describe('planSearch', () => {
  it('reads every gram when the column has no statistics yet', () => {
    expect(
      planSearch(
        3,
        stats(
          [
            ['检查', 0.2],
            ['查处', 0.1],
          ],
          null,
          null,
        ),
        5000,
        1e5,
      ),
    ).toEqual({
      by: 'grams',
      grams: ['检查', '查处'],
    });
    expect(planSearch(1, stats([], null, null), 5000, 1e5)).toEqual({
      by: 'grams',
      grams: 'prefix',
    });
  });

  it('walks for one common gram, reads the index for a rare one', () => {
    expect(planSearch(2, stats([['检查', 0.21]]), 5000, 1e5)).toEqual({ by: 'walk' });
    expect(planSearch(2, stats([['隐瞒', null]]), 5000, 1e5)).toEqual({
      by: 'grams',
      grams: ['隐瞒'],
    });
  });

  it('reads the three rarest grams, unlisted ones first, while they name few enough', () => {
    const number = stats([
      ['教育', 0.5],
      ['55', 0.03],
      ['3号', 0.1],
      ['63', 0.031],
      ['56', 0.0312],
      ['〔2', 1],
    ]);
    expect(planSearch(12, number, 5000, 1e5)).toEqual({ by: 'grams', grams: ['55', '63', '56'] });
    // The same grams naming more than the postings allow: the walk.
    expect(planSearch(12, number, 5000, 5e4)).toEqual({ by: 'walk' });
    expect(
      planSearch(
        4,
        stats([
          ['企业', 0.49],
          ['x企', null],
        ]),
        5000,
        1e5,
      ),
    ).toEqual({
      by: 'grams',
      grams: ['x企', '企业'],
    });
  });

  it('plans one character by the share of the grams it begins', () => {
    expect(planSearch(1, stats([], 0.3), 5000, 1e5)).toEqual({ by: 'walk' });
    expect(planSearch(1, stats([], null), 5000, 1e5)).toEqual({ by: 'grams', grams: 'prefix' });
  });
});
