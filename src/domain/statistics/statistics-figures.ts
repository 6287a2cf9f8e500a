// The dashboard's figures (统计分析) from the counters the store sums: each figure a table
// of labelled rows and named series, the same shape for the chart, the CSV and the XLSX.
// Pure: the labels of the policies' taxonomies come in as a function.

import { outcomeLabel } from '../policy/policy-model.ts';
import { isTerminalState } from '../case/case-state.ts';
import { CASE_STATES, CASE_STATE_LABELS, isCodeOf, type CaseState } from '../vocabulary.ts';
import { nextQuarter, quarterLabel } from './quarter.ts';

export const FIGURE_LABELS = {
  outcome: '案件认定结论',
  field: '执法领域',
  errorType: '错误类型',
  unit: '单位',
  quarter: '季度趋势',
  correction: '纠错按期完成情况',
  stage: '各阶段平均办理天数',
} as const;
export type FigureId = keyof typeof FIGURE_LABELS;
export const FIGURE_IDS = Object.keys(FIGURE_LABELS) as FigureId[];

export function isFigureId(value: string): value is FigureId {
  return isCodeOf(FIGURE_LABELS, value);
}

/** How the web draws it: 饼图, 柱状图 or 折线图. */
export type ChartKind = 'pie' | 'bar' | 'line';

export interface FigureRow {
  readonly code: string;
  readonly label: string;
  /** One value per series, in the series' order. */
  readonly values: readonly number[];
}

export interface Figure {
  readonly id: FigureId;
  readonly title: string;
  readonly chart: ChartKind;
  /** The header of the rows' column (执法领域, 季度, ...). */
  readonly category: string;
  readonly series: readonly { readonly key: string; readonly label: string }[];
  readonly rows: readonly FigureRow[];
  /** What the figure counts, in words, for whoever reads it. */
  readonly note: string;
}

/** A count of cases per dimension code, summed over the filter. */
export interface CountRow {
  readonly dimension: 'conclusion' | 'state' | 'field' | 'error_type';
  readonly policyId: string;
  readonly code: string;
  readonly cases: number;
}

/** A unit under the filter's unit (its subtree summed), or the unit itself ('本级'). */
export interface UnitRow {
  readonly unitId: string;
  readonly name: string;
  /** True for the filter's unit's own cases, not its subtree's. */
  readonly own: boolean;
  readonly decided: number;
  readonly pending: number;
}

export interface QuarterRow {
  readonly quarter: string;
  readonly decided: number;
  readonly pending: number;
}

export interface StageRow {
  readonly stage: string;
  readonly stints: number;
  readonly days: number;
}

export interface CorrectionCounts {
  /** Counts per status: awaiting_notice, open, on_time, late, cancelled. */
  readonly byStatus: Readonly<Record<string, number>>;
  /** Of the open ones, those whose deadline is before today. */
  readonly overdue: number;
}

export interface StatisticsRows {
  readonly counts: readonly CountRow[];
  readonly units: readonly UnitRow[];
  readonly quarters: readonly QuarterRow[];
  readonly stages: readonly StageRow[];
  readonly corrections: CorrectionCounts;
}

/** The label of a field or an error type code of a policy's taxonomy. */
export type TaxonomyLabel = (policyId: string, kind: 'field' | 'errorType', code: string) => string;

export const UNCLASSIFIED_LABEL = '未分类';

const CASES = { key: 'cases', label: '案件数' };
const DECIDED = { key: 'decided', label: '已作出认定结论' };
const PENDING = { key: 'pending', label: '尚未作出认定结论' };

export function buildFigures(rows: StatisticsRows, labelOf: TaxonomyLabel): Figure[] {
  return [
    outcomeFigure(rows.counts),
    taxonomyFigure('field', rows.counts, labelOf),
    taxonomyFigure('errorType', rows.counts, labelOf),
    unitFigure(rows.units),
    quarterFigure(rows.quarters),
    correctionFigure(rows.corrections),
    stageFigure(rows.stages),
  ];
}

function byCountThenLabel(a: FigureRow, b: FigureRow): number {
  return (b.values[0] ?? 0) - (a.values[0] ?? 0) || a.label.localeCompare(b.label, 'zh-CN');
}

function outcomeFigure(counts: readonly CountRow[]): Figure {
  const decided = new Map<string, number>();
  const pending = new Map<string, number>();
  for (const c of counts) {
    if (c.dimension === 'conclusion') decided.set(c.code, (decided.get(c.code) ?? 0) + c.cases);
    if (c.dimension === 'state') pending.set(c.code, (pending.get(c.code) ?? 0) + c.cases);
  }
  const conclusions = [...decided]
    .filter(([, n]) => n > 0)
    .map(([code, n]) => ({ code, label: outcomeLabel(code), values: [n] }))
    .sort(byCountThenLabel);
  const states = CASE_STATES.filter((s) => (pending.get(s) ?? 0) > 0).map((s) => ({
    code: `state:${s}`,
    label: `未决定·${CASE_STATE_LABELS[s]}`,
    values: [pending.get(s)!],
  }));
  return {
    id: 'outcome',
    title: FIGURE_LABELS.outcome,
    chart: 'pie',
    category: '认定结论或办理状态',
    series: [CASES],
    rows: [...conclusions, ...states],
    note: '已作出决定的案件按现行有效的认定结论（异议复核变更的，按变更后的结论）计；未作出决定的按当前办理状态计。',
  };
}

function taxonomyFigure(
  id: 'field' | 'errorType',
  counts: readonly CountRow[],
  labelOf: TaxonomyLabel,
): Figure {
  const dimension = id === 'field' ? 'field' : 'error_type';
  // The two regimes have taxonomies of their own; a label they share (其他) is one row.
  const byLabel = new Map<string, { codes: Set<string>; n: number }>();
  for (const c of counts) {
    if (c.dimension !== dimension || c.cases === 0) continue;
    const label = c.code === '' ? UNCLASSIFIED_LABEL : labelOf(c.policyId, id, c.code);
    const entry = byLabel.get(label) ?? { codes: new Set<string>(), n: 0 };
    entry.codes.add(c.code === '' ? 'unclassified' : c.code);
    entry.n += c.cases;
    byLabel.set(label, entry);
  }
  const rows = [...byLabel]
    .map(([label, e]) => ({ code: [...e.codes].sort().join('|'), label, values: [e.n] }))
    .sort((a, b) =>
      a.label === UNCLASSIFIED_LABEL
        ? 1
        : b.label === UNCLASSIFIED_LABEL
          ? -1
          : byCountThenLabel(a, b),
    );
  return {
    id,
    title: FIGURE_LABELS[id],
    chart: 'bar',
    category: FIGURE_LABELS[id],
    series: [CASES],
    rows,
    note: `按案件所属制度的分类目录计；尚未分类的案件计入“${UNCLASSIFIED_LABEL}”。`,
  };
}

function unitFigure(units: readonly UnitRow[]): Figure {
  const rows = units
    .filter((u) => u.decided + u.pending > 0)
    .map((u) => ({
      code: u.unitId,
      label: u.own ? `${u.name}（本级）` : u.name,
      values: [u.decided + u.pending, u.decided, u.pending],
    }))
    .sort(byCountThenLabel);
  return {
    id: 'unit',
    title: FIGURE_LABELS.unit,
    chart: 'bar',
    category: '单位',
    series: [CASES, DECIDED, PENDING],
    rows,
    note: '所选单位本级的案件，及其每个下级单位连同该单位以下各级的案件。',
  };
}

function quarterFigure(quarters: readonly QuarterRow[]): Figure {
  const sorted = [...quarters].sort((a, b) => a.quarter.localeCompare(b.quarter));
  const found = new Map(sorted.map((q) => [q.quarter, q]));
  const rows: FigureRow[] = [];
  const first = sorted[0]?.quarter;
  const last = sorted.at(-1)?.quarter;
  // Quarters with no case between the first and the last are shown as zero, not skipped.
  if (first !== undefined && last !== undefined)
    for (let q = first; q <= last; q = nextQuarter(q)) {
      const row = found.get(q);
      const decided = row?.decided ?? 0;
      const pending = row?.pending ?? 0;
      rows.push({ code: q, label: quarterLabel(q), values: [decided + pending, decided] });
    }
  return {
    id: 'quarter',
    title: FIGURE_LABELS.quarter,
    chart: 'line',
    category: '季度',
    series: [CASES, DECIDED],
    rows,
    note: '案件按受理（申请或启动）所在季度计，北京时间。',
  };
}

/** 纠错 against its deadline (整改期限, as extended), in this order. */
export const CORRECTION_ROW_LABELS = {
  on_time: '按期完成',
  late: '逾期完成',
  open_in_time: '整改中（未逾期）',
  open_overdue: '整改中（已逾期）',
  awaiting_notice: '待下发纠错通知',
  cancelled: '已撤销',
} as const;

function correctionFigure(c: CorrectionCounts): Figure {
  const n = (status: string) => c.byStatus[status] ?? 0;
  const values: Record<keyof typeof CORRECTION_ROW_LABELS, number> = {
    on_time: n('on_time'),
    late: n('late'),
    open_in_time: n('open') - c.overdue,
    open_overdue: c.overdue,
    awaiting_notice: n('awaiting_notice'),
    cancelled: n('cancelled'),
  };
  return {
    id: 'correction',
    title: FIGURE_LABELS.correction,
    chart: 'bar',
    category: '纠错情况',
    series: [{ key: 'corrections', label: '纠错数' }],
    rows: (Object.keys(CORRECTION_ROW_LABELS) as (keyof typeof CORRECTION_ROW_LABELS)[]).map(
      (code) => ({ code, label: CORRECTION_ROW_LABELS[code], values: [values[code]] }),
    ),
    note: '完成日期晚于整改期限（经批准延长的，按延长后的期限）的为逾期完成；整改中的按今日（北京时间）判断是否逾期。',
  };
}

function stageFigure(stages: readonly StageRow[]): Figure {
  const byStage = new Map(stages.map((s) => [s.stage, s]));
  const open = CASE_STATES.filter((s: CaseState) => !isTerminalState(s));
  const extra = stages.map((s) => s.stage).filter((s) => !isCodeOf(CASE_STATE_LABELS, s));
  const rows = [...open, ...extra].map((stage) => {
    const s = byStage.get(stage);
    const stints = s?.stints ?? 0;
    const mean = stints === 0 ? 0 : Math.round((s!.days / stints) * 10) / 10;
    const label = isCodeOf(CASE_STATE_LABELS, stage) ? CASE_STATE_LABELS[stage] : stage;
    return { code: stage, label, values: [mean, stints] };
  });
  return {
    id: 'stage',
    title: FIGURE_LABELS.stage,
    chart: 'bar',
    category: '办理阶段',
    series: [
      { key: 'meanDays', label: '平均停留天数' },
      { key: 'stints', label: '已结束的停留次数' },
    ],
    rows,
    note: '案件每离开一个阶段计一次停留，天数为自然日（含小数），尚未离开的阶段不计。',
  };
}
