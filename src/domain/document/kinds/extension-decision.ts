// 延长整改期限审批表 (第十七条 因特殊情况难以在规定时间内完成的，可以申请适当延长整改期限):
// one request as the officer made it (reason, the date asked for, when, by whom) and the
// unit's decision on it: approved with the new due date, or refused, with the reasons.

import { formatChineseDate, type CalendarDate } from '../../calendar-date.ts';
import { daysBetween } from '../../deadline/deadline-watch.ts';
import { EXTENSION_STATE_LABELS } from '../../vocabulary.ts';
import { chineseNumeral } from '../chinese-numerals.ts';
import type { FormRow, OfficialDocument } from '../official-document.ts';
import {
  articleQuotes,
  countNumeral,
  pairRow,
  sentence,
  unitSignature,
  type PolicyBasis,
} from './oversight-document-parts.ts';

export interface ExtensionDecisionInput {
  readonly unitName: string;
  /** 纠错对象. */
  readonly officerName: string;
  readonly caseNumber: string;
  readonly caseTitle: string;
  readonly notifiedOn: CalendarDate;
  /** The due date in force when the request was made. */
  readonly dueBefore: CalendarDate;
  /** Which request of the correction this is: 1 for the first. */
  readonly sequence: number;
  readonly request: {
    readonly reason: string;
    readonly requestedDue: CalendarDate;
    readonly requestedOn: CalendarDate;
    readonly requestedBy: string;
  };
  readonly decision: {
    readonly approved: boolean;
    /** The new due date, when approved. */
    readonly newDue: CalendarDate | null;
    readonly reason: string | null;
    readonly decidedOn: CalendarDate;
    readonly decidedBy: string;
  };
  /** The article that allows the extension. */
  readonly basis: PolicyBasis;
}

export function buildExtensionDecision(
  input: ExtensionDecisionInput,
  number: string | null,
): OfficialDocument {
  const { request, decision } = input;
  const asked = daysBetween(input.dueBefore, request.requestedDue);
  const opinion =
    decision.approved && decision.newDue !== null
      ? `${EXTENSION_STATE_LABELS.approved}。同意将整改期限延长至${formatChineseDate(decision.newDue)}（延长${countNumeral(daysBetween(input.dueBefore, decision.newDue))}日）。`
      : `${EXTENSION_STATE_LABELS.refused}。整改期限仍为${formatChineseDate(input.dueBefore)}。`;
  const rows: FormRow[] = [
    pairRow('纠错对象', input.officerName, '案件编号', input.caseNumber),
    { label: '案件名称', value: input.caseTitle },
    pairRow(
      '纠错通知日期',
      formatChineseDate(input.notifiedOn),
      '原整改期限',
      formatChineseDate(input.dueBefore),
    ),
    pairRow('申请人', request.requestedBy, '申请日期', formatChineseDate(request.requestedOn)),
    {
      label: '申请延长至',
      value: `${formatChineseDate(request.requestedDue)}（申请延长${countNumeral(Math.max(asked, 0))}日，第${chineseNumeral(input.sequence)}次申请）`,
    },
    { label: '申请理由', value: sentence(request.reason) },
    { label: '审批意见', value: opinion },
    {
      label: decision.approved ? '批准理由' : '不予批准理由',
      value:
        decision.reason === null || decision.reason.trim() === ''
          ? '无'
          : sentence(decision.reason),
    },
    pairRow('审批人', decision.decidedBy, '审批日期', formatChineseDate(decision.decidedOn)),
  ];
  return {
    kind: 'extension-decision',
    title: '延长整改期限审批表',
    head: null,
    numberLine: number,
    addressee: null,
    body: [{ kind: 'form', rows }, ...articleQuotes(input.basis)],
    attachments: [],
    signature: unitSignature(input.unitName, decision.decidedOn),
    record: null,
    asOf: decision.decidedOn,
  };
}
