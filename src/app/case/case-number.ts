// The number of a case being opened (src/domain/case/case-number.ts): the next in its
// unit's series for the year in China, taken in the opening's own transaction; and of the
// unit's other series (reports) the same way.

import { todayInChina } from '../../domain/calendar-date.ts';
import { formatCaseNumber, numberSeries } from '../../domain/case/case-number.ts';
import { nextInSeries, numberingLineage } from '../../store/case-number.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import { UseCaseError } from '../app-context.ts';

/** Another series of the unit's numbers (the reports' 锡盟应急容举〔2026〕3号): its counter and mark. */
export interface NumberSeries {
  /** The counter's key for the unit's prefix; the case series' key is the prefix itself. */
  readonly key: (prefix: string) => string;
  /** Written after the prefix (举). */
  readonly mark: string;
}

const CASE_SERIES: NumberSeries = { key: (prefix) => prefix, mark: '' };

export async function allocateCaseNumber(
  tx: Tx,
  unitId: string,
  at: Date,
  series: NumberSeries = CASE_SERIES,
): Promise<string> {
  const lineage = await numberingLineage(tx, unitId);
  if (lineage.length === 0) throw new UseCaseError('NOT_FOUND', '单位不存在');
  const { prefix } = numberSeries(lineage);
  const year = Number(todayInChina(at).slice(0, 4));
  const n = await nextInSeries(tx, series.key(prefix), year);
  return formatCaseNumber(`${prefix}${series.mark}`, year, n);
}
