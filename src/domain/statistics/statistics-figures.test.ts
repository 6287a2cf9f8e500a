import { describe, expect, it } from 'vitest';
import { buildFigures, type StatisticsRows } from './statistics-figures.ts';

const labels: Record<string, string> = {
  'em:field:hazardous_chemicals': '危险化学品',
  'em:field:other': '其他',
  'ed:field:other': '其他',
  'em:errorType:facts_unclear': '事实认定不清',
};
const labelOf = (policy: string, kind: string, code: string) =>
  labels[`${policy}:${kind}:${code}`] ?? code;

const rows: StatisticsRows = {
  counts: [
    { dimension: 'conclusion', policyId: 'em', code: 'no_liability', cases: 3 },
    { dimension: 'conclusion', policyId: 'ed', code: 'no_liability', cases: 1 },
    { dimension: 'conclusion', policyId: 'em', code: 'tolerated', cases: 0 },
    { dimension: 'state', policyId: 'em', code: 'investigating', cases: 2 },
    { dimension: 'field', policyId: 'em', code: 'hazardous_chemicals', cases: 2 },
    { dimension: 'field', policyId: 'em', code: 'other', cases: 1 },
    { dimension: 'field', policyId: 'ed', code: 'other', cases: 2 },
    { dimension: 'field', policyId: 'em', code: '', cases: 1 },
    { dimension: 'error_type', policyId: 'em', code: 'facts_unclear', cases: 6 },
  ],
  units: [
    { unitId: 'u1', name: '某局', own: true, decided: 1, pending: 0 },
    { unitId: 'u2', name: '某科', own: false, decided: 3, pending: 2 },
    { unitId: 'u3', name: '空科', own: false, decided: 0, pending: 0 },
  ],
  quarters: [
    { quarter: '2026-04-01', decided: 1, pending: 1 },
    { quarter: '2025-10-01', decided: 3, pending: 1 },
  ],
  stages: [
    { stage: 'investigating', stints: 4, days: 41 },
    { stage: 'submitted', stints: 3, days: 1 },
  ],
  corrections: { byStatus: { open: 5, on_time: 2, late: 1, awaiting_notice: 1 }, overdue: 2 },
};

describe('the statistics figures', () => {
  const figures = new Map(buildFigures(rows, labelOf).map((f) => [f.id, f]));
  const table = (id: string) => figures.get(id as never)!.rows.map((r) => [r.label, ...r.values]);

  it('counts conclusions across policies, then undecided cases by state, leaving out zeros', () => {
    expect(table('outcome')).toEqual([
      ['不予追究行政执法责任', 4],
      ['未决定·调查核实中', 2],
    ]);
  });

  it('labels fields from the taxonomy, merges a label two regimes share, puts 未分类 last', () => {
    expect(table('field')).toEqual([
      ['其他', 3],
      ['危险化学品', 2],
      ['未分类', 1],
    ]);
    expect(table('errorType')).toEqual([['事实认定不清', 6]]);
  });

  it('lists the unit’s own cases and each unit below, with decided and undecided', () => {
    expect(table('unit')).toEqual([
      ['某科', 5, 3, 2],
      ['某局（本级）', 1, 1, 0],
    ]);
  });

  it('fills the quarters between the first and the last', () => {
    expect(table('quarter')).toEqual([
      ['2025年第四季度', 4, 3],
      ['2026年第一季度', 0, 0],
      ['2026年第二季度', 2, 1],
    ]);
  });

  it('splits open corrections into overdue and not', () => {
    expect(table('correction')).toEqual([
      ['按期完成', 2],
      ['逾期完成', 1],
      ['整改中（未逾期）', 3],
      ['整改中（已逾期）', 2],
      ['待下发纠错通知', 1],
      ['已撤销', 0],
    ]);
  });

  it('gives each open stage its mean days over its ended stints', () => {
    const stage = table('stage');
    expect(stage[0]).toEqual(['已申请', 0.3, 3]);
    expect(stage[1]).toEqual(['调查核实中', 10.3, 4]);
    expect(stage.map((r) => r[0])).not.toContain('已办结');
  });
});
