// 统计分析 over HTTP: the figures of a unit's subtree, and each figure's numbers as a file.

import { FIGURE_IDS } from '../domain/statistics/statistics-figures.ts';
import { DateOnly, Nullable, StringEnum, Text, Type, Uuid, type Static } from './schema-kit.ts';

export {
  FIGURE_IDS,
  FIGURE_LABELS,
  type FigureId,
} from '../domain/statistics/statistics-figures.ts';

/** The filters: a unit's subtree, a policy, and days read at quarter granularity. */
const statisticsFilters = {
  unitId: Type.Optional(Uuid),
  policyId: Type.Optional(Text(100, 1)),
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
};

export const StatisticsQuery = Type.Object(statisticsFilters);
export type StatisticsQuery = Static<typeof StatisticsQuery>;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const StatisticsExportQuery = Type.Object({
  ...statisticsFilters,
  figure: StringEnum(FIGURE_IDS),
  format: StringEnum(EXPORT_FORMATS),
});
export type StatisticsExportQuery = Static<typeof StatisticsExportQuery>;

const FigureRow = Type.Object({
  code: Type.String(),
  label: Type.String(),
  values: Type.Array(Type.Number()),
});

export const Figure = Type.Object({
  id: StringEnum(FIGURE_IDS),
  title: Type.String(),
  chart: StringEnum(['pie', 'bar', 'line'] as const),
  category: Type.String(),
  series: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
  rows: Type.Array(FigureRow),
  note: Type.String(),
});
export type Figure = Static<typeof Figure>;

const StatisticsUnit = Type.Object({
  id: Type.String(),
  name: Type.String(),
  parentId: Nullable(Type.String()),
});
export type StatisticsUnit = Static<typeof StatisticsUnit>;

export const Statistics = Type.Object({
  /** The filters as applied; the quarters are the first days of the first and last counted. */
  filters: Type.Object({
    unit: Type.Object({ id: Type.String(), name: Type.String() }),
    policyId: Nullable(Type.String()),
    from: Nullable(Type.String()),
    to: Nullable(Type.String()),
    fromQuarter: Nullable(Type.String()),
    toQuarter: Nullable(Type.String()),
    /** 第一季度 … as read: '2026年第一季度 至 2026年第二季度', or '全部季度'. */
    periodLabel: Type.String(),
  }),
  today: Type.String(),
  /** The cases counted under the filters. */
  totalCases: Type.Number(),
  /** The reader's own unit subtree, for the filter's tree. */
  units: Type.Array(StatisticsUnit),
  policies: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
  figures: Type.Array(Figure),
});
export type Statistics = Static<typeof Statistics>;

/** The labels the web shows beside the figures. */
export const EXPORT_FORMAT_LABELS: Readonly<Record<ExportFormat, string>> = {
  csv: '下载 CSV',
  xlsx: '下载 Excel',
};
