// 送达回证: one for each notice delivered (认定结论告知书 to the officer and to each related
// unit), each on a page of its own in one file: the paper served, to whom, how and on which
// day, the time limit it was due within and how it was counted, and why it was late if it was.

import { formatChineseDate, type CalendarDate } from '../../calendar-date.ts';
import {
  DELIVERY_METHOD_LABELS,
  RECIPIENT_KIND_LABELS,
  type DeliveryMethod,
} from '../../vocabulary.ts';
import { DOCUMENT_KIND_DEFS } from '../document-kinds.ts';
import type { DocumentBlock, FormRow, OfficialDocument } from '../official-document.ts';
import { limitFrom, type CaseBasics, type CaseOrgan } from './case-document-parts.ts';
import type { NoticeTo } from './decision-notice.ts';

export interface Delivery extends NoticeTo {
  /** 送达方式; null for a notice served before the method was recorded. */
  readonly method: DeliveryMethod | null;
  /** 受送达人: the person served, or who signed for a unit. */
  readonly deliveredTo: string | null;
  readonly deliveredOn: CalendarDate;
  /** Who served it (送达人). */
  readonly deliveredBy: string | null;
  /** Why it was delivered after its due date; null when it was not late. */
  readonly lateReason: string | null;
}

export interface ServiceReceiptInput {
  readonly organ: CaseOrgan;
  readonly case: CaseBasics;
  /** The paper served (认定结论告知书) with its 文号 when it has one. */
  readonly servedDocument: string;
  /** The notices delivered, in the order they were due. */
  readonly deliveries: readonly Delivery[];
}

export function buildServiceReceipt(
  input: ServiceReceiptInput,
  number: string | null,
): OfficialDocument {
  const body = input.deliveries.flatMap((d, i): DocumentBlock[] => [
    ...(i === 0 ? [] : [{ kind: 'page-break' } as const]),
    { kind: 'form', rows: receiptRows(input, d) },
    { kind: 'signature-line', labels: ['受送达人（签名或盖章）', '送达人（签名）'] },
  ]);
  const last = lastDelivery(input);
  return {
    kind: 'service-receipt',
    title: DOCUMENT_KIND_DEFS['service-receipt'].title,
    head: null,
    numberLine: number,
    addressee: null,
    body,
    attachments: [],
    signature: null,
    record: null,
    asOf: last,
  };
}

function receiptRows(input: ServiceReceiptInput, d: Delivery): FormRow[] {
  const late = d.lateReason?.trim();
  return [
    { label: '送达机关', value: input.organ.name, label2: '案号', value2: input.case.number },
    { label: '送达文书', value: input.servedDocument },
    {
      label: '送达对象',
      value: `${d.recipient}（${RECIPIENT_KIND_LABELS[d.recipientKind]}）`,
    },
    { label: '受送达人', value: d.deliveredTo ?? '' },
    {
      label: '送达方式',
      value: d.method === null ? '' : DELIVERY_METHOD_LABELS[d.method],
      label2: '送达日期',
      value2: formatChineseDate(d.deliveredOn),
    },
    {
      label: '送达期限',
      value: `${limitFrom(`${formatChineseDate(d.from)}作出决定`, d)}，至${formatChineseDate(d.due)}止`,
    },
    ...(late ? [{ label: '逾期送达理由', value: late }] : []),
    { label: '送达人', value: d.deliveredBy ?? '' },
  ];
}

/** The day of the last delivery: the receipts' date. */
export function lastDelivery(input: Pick<ServiceReceiptInput, 'deliveries'>): CalendarDate {
  const last = input.deliveries
    .map((d) => d.deliveredOn)
    .sort()
    .at(-1);
  if (last === undefined) throw new Error('a service receipt needs a delivery');
  return last;
}
