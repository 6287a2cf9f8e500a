// 认定结论告知书 (第十四条 告知): one notice to each recipient, the officer and each related
// unit, each beginning on a page of its own in one file and each signed by the organ: the
// conclusion with its ground and the article's text, the time limit of the notice and how
// it was counted, and to the officer the time to object.

import { formatChineseDate, type CalendarDate } from '../../calendar-date.ts';
import type { TimeLimit } from '../../policy/policy-model.ts';
import type { DeadlineCounting, RecipientKind } from '../../vocabulary.ts';
import { chineseNumeral } from '../chinese-numerals.ts';
import { articleCitation } from '../../policy/citation.ts';
import { DOCUMENT_KIND_DEFS } from '../document-kinds.ts';
import type { DocumentBlock, OfficialDocument } from '../official-document.ts';
import {
  groundText,
  limitFrom,
  policyName,
  type CaseBasics,
  type CaseConclusion,
  type CaseOrgan,
  type CasePolicy,
} from './case-document-parts.ts';

/** One notification row: to whom, and its time limit as it was computed. */
export interface NoticeTo {
  readonly recipientKind: RecipientKind;
  /** The officer's name, or the related unit's. */
  readonly recipient: string;
  /** The day the limit counts from (the decision), never counted itself. */
  readonly from: CalendarDate;
  readonly days: number;
  readonly counting: DeadlineCounting;
  readonly due: CalendarDate;
  /** The N-th day when it fell on a rest day and the due date moved past it. */
  readonly extendedFrom: CalendarDate | null;
  readonly extensionRest: 'holiday' | 'weekend' | null;
}

export interface DecisionNoticeInput {
  readonly organ: CaseOrgan;
  readonly policy: CasePolicy;
  readonly case: CaseBasics;
  readonly meetingDate: CalendarDate;
  readonly conclusion: CaseConclusion;
  /** The article that requires the notice (第十四条). */
  readonly notificationArticle: number;
  readonly objection: Pick<TimeLimit, 'days' | 'counting'>;
  /** The officer first, then each related unit. */
  readonly notices: readonly NoticeTo[];
  /** The decision row told of: a review's changed conclusion is told under its own 文号. */
  readonly decisionId: string;
  /** Taken on an objection's review: no second objection is offered. */
  readonly onReview: boolean;
}

const REST_WORDS = { holiday: '法定节假日', weekend: '休息日' } as const;

export function buildDecisionNotice(
  input: DecisionNoticeInput,
  number: string | null,
): OfficialDocument {
  const body = input.notices.flatMap((n, i): DocumentBlock[] => [
    ...(i === 0 ? [] : [{ kind: 'page-break' } as const]),
    ...noticeBlocks(input, n),
  ]);
  return {
    kind: 'decision-notice',
    title: DOCUMENT_KIND_DEFS['decision-notice'].title,
    head: { organMark: input.organ.name, number },
    numberLine: null,
    // Each notice names its own addressee on its page.
    addressee: null,
    body,
    attachments: [],
    // Each notice is signed on its own page.
    signature: null,
    record: null,
    asOf: input.meetingDate,
  };
}

function noticeBlocks(input: DecisionNoticeInput, n: NoticeTo): DocumentBlock[] {
  const { organ, policy, conclusion } = input;
  const c = input.case;
  const party = n.recipientKind === 'party';
  const subject = party ? '你' : `${c.officer.unitName}执法人员${c.officer.name}`;
  return [
    { kind: 'paragraph', text: `${n.recipient}：`, indent: false },
    {
      kind: 'paragraph',
      text: `关于${party ? '你' : c.officer.name}“${c.title}”一事（案号：${c.number}），${organ.decidingBody}于${formatChineseDate(input.meetingDate)}集体研究，${groundText(policy, conclusion)}，认定${subject}：${conclusion.label}。`,
    },
    {
      kind: 'paragraph',
      text: input.onReview
        ? '本认定结论为复核结论。'
        : party
          ? `你如对认定结论有异议，可${limitFrom('收到本告知书', input.objection)}向${organ.decidingBody}提出，由其复核。`
          : '现将认定结论告知你单位。',
    },
    { kind: 'paragraph', text: limitText(policy, input.notificationArticle, n) },
    { kind: 'paragraph', text: '特此告知。' },
    { kind: 'paragraph', text: organ.name, align: 'right' },
    { kind: 'paragraph', text: formatChineseDate(input.meetingDate), align: 'right' },
  ];
}

/** 告知期限: 依照…第十四条，自作出决定之次日起七日内（自然日）告知，至2026年3月8日. */
function limitText(policy: CasePolicy, article: number, n: NoticeTo): string {
  const moved =
    n.extendedFrom === null
      ? ''
      : `（第${chineseNumeral(n.days)}日${formatChineseDate(n.extendedFrom)}${n.extensionRest === null ? '为休息日' : `为${REST_WORDS[n.extensionRest]}`}，顺延至其后第一个工作日）`;
  return `告知期限：依照${policyName(policy)}${articleCitation(article)}，${limitFrom(`${formatChineseDate(n.from)}作出决定`, n)}告知，至${formatChineseDate(n.due)}止${moved}。`;
}
