// 集体研究决定记录: the deciding body's meeting on the case (第十四条 集体研究决定): its date,
// the members present and those who stood aside (回避), the review opinions read before
// it (法制审核意见, 纪检监察意见), the engine's opinion and the conclusion, with the
// reasons for departing from the engine when the conclusion does.

import { formatChineseDate, type CalendarDate } from '../../calendar-date.ts';
import {
  RECUSAL_KIND_LABELS,
  REVIEW_KIND_LABELS,
  type RecusalKind,
  type ReviewKind,
} from '../../vocabulary.ts';
import { chineseNumeral } from '../chinese-numerals.ts';
import { DOCUMENT_KIND_DEFS } from '../document-kinds.ts';
import type { FormRow, OfficialDocument } from '../official-document.ts';
import {
  caseFormRows,
  groundText,
  sentence,
  type CaseBasics,
  type CaseConclusion,
  type CaseOrgan,
  type CasePolicy,
} from './case-document-parts.ts';

export interface ReviewOpinion {
  readonly kind: ReviewKind;
  readonly opinion: string;
  /** Whether the reviewer agreed with the engine's determination. */
  readonly agrees: boolean;
  readonly reviewedOn: CalendarDate;
  readonly reviewer: string;
}

export interface DecisionRecordInput {
  readonly organ: CaseOrgan;
  readonly policy: CasePolicy;
  readonly case: CaseBasics;
  readonly meetingDate: CalendarDate;
  readonly members: readonly string[];
  /** Members of the deciding body who stood aside, with the reason. */
  readonly recusedMembers: readonly { readonly name: string; readonly reason: string }[];
  /** People recused from the case itself (回避), with how and why. */
  readonly caseRecusals: readonly {
    readonly name: string;
    readonly kind: RecusalKind;
    readonly reason: string;
  }[];
  readonly reviews: readonly ReviewOpinion[];
  /** The engine's outcome when the decision was taken; null when it was undetermined. */
  readonly engine: CaseConclusion | null;
  readonly conclusion: CaseConclusion;
  /** Why the conclusion departs from the engine's; null when it does not. */
  readonly departureReason: string | null;
  /** True when the decision is the one an objection review changed it to. */
  readonly onReview: boolean;
  /** Who is to be told: the officer, then each related unit. */
  readonly recipients: readonly string[];
}

export function buildDecisionRecord(
  input: DecisionRecordInput,
  number: string | null,
): OfficialDocument {
  const { organ, policy, conclusion } = input;
  const rows: FormRow[] = [
    ...caseFormRows(input.case),
    {
      label: '会议日期',
      value: formatChineseDate(input.meetingDate),
      label2: '决定机关',
      value2: organ.decidingBody,
    },
    {
      label: '出席人员',
      value: `${input.members.join('、')}（共${chineseNumeral(input.members.length)}人）`,
    },
    { label: '回避情况', value: recusalText(input) },
    ...input.reviews.map((r): FormRow => ({
      label: REVIEW_KIND_LABELS[r.kind],
      value: `${sentence(r.opinion)}（${r.agrees ? '同意' : '不同意'}系统认定意见；审核人：${r.reviewer}；${formatChineseDate(r.reviewedOn)}）`,
    })),
    {
      label: '系统认定意见',
      value:
        input.engine === null
          ? '尚不能作出认定'
          : `${input.engine.label}${input.engine.citation === null ? '' : `（${input.engine.citation}）`}`,
    },
    {
      label: '研究意见',
      value:
        input.departureReason === null
          ? '同意系统认定意见。'
          : `不同意系统认定意见。理由：${sentence(input.departureReason)}`,
    },
    {
      label: '决定结论',
      value: `${groundText(policy, conclusion)}，认定为：${conclusion.label}。${input.onReview ? '（异议复核后变更）' : ''}`,
    },
    { label: '告知对象', value: input.recipients.join('、') },
  ];
  return {
    kind: 'decision-record',
    title: DOCUMENT_KIND_DEFS['decision-record'].title,
    head: null,
    numberLine: number,
    addressee: null,
    body: [
      { kind: 'form', rows },
      { kind: 'signature-line', labels: ['主持人（签名）', '记录人（签名）'] },
    ],
    attachments: [],
    signature: null,
    record: null,
    asOf: input.meetingDate,
  };
}

function recusalText(input: DecisionRecordInput): string {
  const lines = [
    ...input.recusedMembers.map((m) => `${m.name}（${m.reason.trim()}）`),
    ...input.caseRecusals.map(
      (r) => `${r.name}（${RECUSAL_KIND_LABELS[r.kind]}：${r.reason.trim()}）`,
    ),
  ];
  return lines.length === 0 ? '无' : lines.join('；');
}
