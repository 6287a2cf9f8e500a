// The statistics as the API sends them: the filters as applied, with the period in words.

import type { StatisticsReading } from '../../app/statistics/statistics.ts';
import type { Statistics } from '../../contract/statistics.schemas.ts';
import { quarterLabel } from '../../domain/statistics/quarter.ts';
import { asSent } from '../route-kit.ts';

/** 2026年第一季度至2026年第二季度, or 全部季度. */
export function periodLabel(r: Pick<StatisticsReading, 'fromQuarter' | 'toQuarter'>): string {
  const from = r.fromQuarter === null ? null : quarterLabel(r.fromQuarter);
  const to = r.toQuarter === null ? null : quarterLabel(r.toQuarter);
  if (from === null && to === null) return '全部季度';
  if (from === null) return `${to}及以前`;
  if (to === null) return `${from}及以后`;
  return from === to ? from : `${from}至${to}`;
}

export function presentStatistics(r: StatisticsReading): Statistics {
  const outcome = r.figures.find((f) => f.id === 'outcome');
  return asSent<Statistics>({
    filters: {
      unit: { id: r.unit.id, name: r.unit.name },
      policyId: r.policyId,
      from: r.from,
      to: r.to,
      fromQuarter: r.fromQuarter,
      toQuarter: r.toQuarter,
      periodLabel: periodLabel(r),
    },
    today: r.today,
    totalCases: outcome?.rows.reduce((sum, row) => sum + (row.values[0] ?? 0), 0) ?? 0,
    units: r.units.map((u) => ({ id: u.id, name: u.name, parentId: u.parentId })),
    policies: r.policies,
    figures: r.figures,
  });
}
