// 统计分析: the figures of a unit's subtree, one policy or all, over a range of quarters,
// summed from the counters the database keeps in step with the cases (migration 0011).
// Read by whoever reads the cases of that subtree (src/domain/statistics/statistics-access.ts).

import { todayInChina } from '../../domain/calendar-date.ts';
import { versionOf, type PolicyRegistry } from '../../domain/policy/policy-registry.ts';
import { mayReadStatistics } from '../../domain/statistics/statistics-access.ts';
import {
  buildFigures,
  type Figure,
  type FigureId,
  type TaxonomyLabel,
} from '../../domain/statistics/statistics-figures.ts';
import { quarterOf } from '../../domain/statistics/quarter.ts';
import {
  caseCounts,
  correctionCounts,
  quarterCounts,
  stageDays,
  subtreeUnits,
  unitCounts,
  type StatisticsFilter,
  type SubtreeUnit,
} from '../../store/statistics.queries.ts';
import { unitLineage } from '../../store/unit.repository.ts';
import type { Actor } from '../account/sessions.ts';
import { UseCaseError, type AppContext } from '../app-context.ts';

export interface StatisticsQuery {
  /** The unit whose subtree is counted; the reader's own unit when absent. */
  readonly unitId?: string;
  readonly policyId?: string;
  /** Days in China; read at quarter granularity (the quarters they fall in, both included). */
  readonly from?: string;
  readonly to?: string;
}

export interface StatisticsReading {
  readonly unit: SubtreeUnit;
  readonly policyId: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly fromQuarter: string | null;
  readonly toQuarter: string | null;
  readonly today: string;
  /** The reader's own subtree, for the filter's tree. */
  readonly units: readonly SubtreeUnit[];
  /** The regimes of the reader's subtree, for the filter's choice. */
  readonly policies: readonly { readonly id: string; readonly title: string }[];
  readonly figures: readonly Figure[];
}

export async function readStatistics(
  ctx: AppContext,
  actor: Actor,
  query: StatisticsQuery,
): Promise<StatisticsReading> {
  if (!mayReadStatistics(actor.roles))
    throw new UseCaseError('FORBIDDEN', '统计分析仅供调查人员、党委/党组秘书和审核人员查看');
  const unitId = query.unitId ?? actor.unitId;
  const policyId = query.policyId ?? null;
  if (policyId !== null && versionOf(ctx.registry, policyId) === null)
    throw new UseCaseError('UNKNOWN_POLICY', `没有这项制度：${policyId}`);
  const from = query.from ?? null;
  const to = query.to ?? null;
  if (from !== null && to !== null && from > to)
    throw new UseCaseError('INVALID_INPUT', '起始日期不能晚于截止日期');

  const [readerUnits, lineage] = await Promise.all([
    subtreeUnits(ctx.db, actor.unitId),
    unitLineage(ctx.db, actor.unitId),
  ]);
  // A unit outside the reader's subtree is not found in it, and refused.
  const subtree = subtreeOf(readerUnits, unitId);
  const filter: StatisticsFilter = {
    unitId,
    subtree: subtree.map((u) => u.id),
    policyId,
    fromQuarter: from === null ? null : quarterOf(from),
    toQuarter: to === null ? null : quarterOf(to),
  };
  const today = todayInChina(ctx.now());
  const [counts, units, quarters, stages, corrections] = await Promise.all([
    caseCounts(ctx.db, filter),
    unitCounts(ctx.db, filter),
    quarterCounts(ctx.db, filter),
    stageDays(ctx.db, filter),
    correctionCounts(ctx.db, filter, today),
  ]);
  const figures = buildFigures(
    { counts, units, quarters, stages, corrections },
    taxonomyLabels(ctx.registry),
  );
  const policyIds = new Set(
    [lineage?.policyId ?? null, ...readerUnits.map((u) => u.policyId)].filter(
      (id): id is string => id !== null,
    ),
  );
  const policies = [...policyIds].sort().flatMap((id) => {
    const policy = versionOf(ctx.registry, id);
    return policy ? [{ id, title: policy.def.title }] : [];
  });
  return {
    unit: subtree[0]!,
    policyId,
    from,
    to,
    fromQuarter: filter.fromQuarter,
    toQuarter: filter.toQuarter,
    today,
    units: readerUnits,
    policies,
    figures,
  };
}

/** One figure, for its download. */
export async function readFigure(
  ctx: AppContext,
  actor: Actor,
  query: StatisticsQuery,
  id: FigureId,
): Promise<{ reading: StatisticsReading; figure: Figure }> {
  const reading = await readStatistics(ctx, actor, query);
  return { reading, figure: reading.figures.find((f) => f.id === id)! };
}

/** The unit first, then every unit below it, from the reader's subtree already read. */
function subtreeOf(units: readonly SubtreeUnit[], root: string): SubtreeUnit[] {
  const children = new Map<string, SubtreeUnit[]>();
  for (const u of units)
    if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const first = units.find((u) => u.id === root);
  if (first === undefined) throw new UseCaseError('FORBIDDEN', '只能查看本单位及下级单位的统计');
  const out: SubtreeUnit[] = [];
  const seen = new Set<string>();
  for (const queue = [first]; queue.length > 0;) {
    const u = queue.shift()!;
    if (seen.has(u.id)) continue;
    seen.add(u.id);
    out.push(u);
    queue.push(...(children.get(u.id) ?? []));
  }
  return out;
}

/** Labels from the newest version that lists the code; codes are stable across versions. */
function taxonomyLabels(registry: PolicyRegistry): TaxonomyLabel {
  return (policyId, kind, code) => {
    const versions = registry.byId.get(policyId) ?? [];
    for (let i = versions.length - 1; i >= 0; i--) {
      const list =
        kind === 'field' ? versions[i]!.def.taxonomy.fields : versions[i]!.def.taxonomy.errorTypes;
      const found = list.find((e) => e.code === code);
      if (found) return found.label;
    }
    return code;
  };
}
