// The number of a case being opened (src/domain/case/case-number.ts): the next in its
// unit's series for the year in China, taken in the opening's own transaction.

import { todayInChina } from '../../domain/calendar-date.ts';
import { formatCaseNumber, numberSeries } from '../../domain/case/case-number.ts';
import { nextInSeries, numberingLineage } from '../../store/case-number.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import { UseCaseError } from '../app-context.ts';

export async function allocateCaseNumber(tx: Tx, unitId: string, at: Date): Promise<string> {
  const lineage = await numberingLineage(tx, unitId);
  if (lineage.length === 0) throw new UseCaseError('NOT_FOUND', '单位不存在');
  const { prefix } = numberSeries(lineage);
  const year = Number(todayInChina(at).slice(0, 4));
  return formatCaseNumber(prefix, year, await nextInSeries(tx, prefix, year));
}
