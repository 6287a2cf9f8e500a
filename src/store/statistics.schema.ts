// 统计分析 (migration 0011): the counters the triggers keep.
// The tables' row types; `Database` in schema.ts names them.

import type { DateOnly } from './column-types.ts';

/** Statistics (migration 0011): counters kept by triggers; read only by statistics.queries.ts. */
interface StatisticsKeyColumns {
  unit_id: string;
  policy_id: string;
  /** The first day of the quarter the case was opened in (China time). */
  quarter: DateOnly;
}

/** Cases per dimension: conclusion, state (undecided), field, error_type ('' unclassified). */
export interface StatisticsCaseCountTable extends StatisticsKeyColumns {
  dimension: string;
  code: string;
  cases: number;
}

/** The stints cases spent in each stage, and their days, counted when a stint ends. */
export interface StatisticsStageDaysTable extends StatisticsKeyColumns {
  stage: string;
  stints: number;
  days: number;
}

/** Corrections by status: awaiting_notice, open, on_time, late, cancelled. */
export interface StatisticsCorrectionCountTable extends StatisticsKeyColumns {
  status: string;
  corrections: number;
}

/** The open corrections by due date: overdue is read against today. */
export interface StatisticsOpenCorrectionDueTable extends StatisticsKeyColumns {
  due: DateOnly;
  corrections: number;
}
