// 文号 of an official document: the unit's case-number prefix, the kind's mark, the year in
// 六角括号 and the number without leading zeros (锡盟应急容决〔2026〕3号), one series per
// unit, kind and year. A document is given its number once, when first generated, and keeps it.

import { formatCaseNumber } from '../case/case-number.ts';
import { DOCUMENT_KIND_DEFS, type DocumentKind } from './document-kinds.ts';

/**
 * The series' key among the counters the case numbers use: 〔文书〕锡盟应急容决, the 文号's own
 * head. Keyed by the head as written, not by prefix and mark apart, so that two that write
 * alike (P + 不受, P不 + 受) count in one series and never print the same 文号.
 */
export function documentSeriesKey(prefix: string, kind: DocumentKind): string {
  const mark = DOCUMENT_KIND_DEFS[kind].numberMark;
  if (mark === null) throw new Error(`${kind} is not numbered`);
  return `〔文书〕${prefix}${mark}`;
}

export function formatDocumentNumber(
  prefix: string,
  kind: DocumentKind,
  year: number,
  n: number,
): string {
  const mark = DOCUMENT_KIND_DEFS[kind].numberMark;
  if (mark === null) throw new Error(`${kind} is not numbered`);
  return formatCaseNumber(`${prefix}${mark}`, year, n);
}
