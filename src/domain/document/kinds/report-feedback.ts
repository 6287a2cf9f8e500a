// 信访举报处理结果反馈函 (第十九条 属实名举报的，按规定向举报人反馈结果): to the named
// reporter, the report's number and day of receipt, what it said, the finding and its
// reasons, and whether the feedback came within its limit or late, and why. It carries
// nothing of the accused officers but what the report itself says.

import { formatChineseDate, type CalendarDate } from '../../calendar-date.ts';
import {
  FEEDBACK_CHANNEL_LABELS,
  REPORT_CHANNEL_LABELS,
  REPORT_FINDING_LABELS,
  type DeadlineCounting,
  type FeedbackChannel,
  type ReportChannel,
  type ReportFinding,
} from '../../vocabulary.ts';
import type { OfficialDocument } from '../official-document.ts';
import {
  articleQuotes,
  citationsOf,
  countedLimitText,
  sentence,
  unitHead,
  unitSignature,
  type PolicyBasis,
} from './oversight-document-parts.ts';

export interface ReportFeedbackInput {
  /** The handling unit. */
  readonly unitName: string;
  /** The reporter's name, opened from the sealed identity. */
  readonly reporterName: string;
  readonly reportNumber: string;
  readonly receivedOn: CalendarDate;
  readonly channel: ReportChannel;
  /** 举报内容摘要, as recorded: what the report says, in its own words. */
  readonly summary: string;
  readonly finding: ReportFinding;
  readonly findingReasons: string;
  readonly feedback: {
    readonly givenOn: CalendarDate;
    readonly channel: FeedbackChannel;
    readonly content: string;
    /** Why it came after the limit; null when in time. */
    readonly lateReason: string | null;
  };
  /** 反馈期限: the policy's limit and the day it ended. */
  readonly limit: {
    readonly days: number;
    readonly counting: DeadlineCounting;
    readonly due: CalendarDate;
  };
  /** The article on reports. */
  readonly basis: PolicyBasis;
}

export function buildReportFeedback(
  input: ReportFeedbackInput,
  number: string | null,
): OfficialDocument {
  const { feedback } = input;
  const late = feedback.givenOn > input.limit.due;
  const limit = countedLimitText({
    from: input.receivedOn,
    days: input.limit.days,
    counting: input.limit.counting,
    due: input.limit.due,
    movedFrom: null,
    restDay: null,
  });
  const timing = late
    ? `本件反馈期限为${limit}。处理结果于${formatChineseDate(feedback.givenOn)}反馈，已超过反馈期限，逾期原因：${sentence(feedback.lateReason ?? '未说明')}`
    : `本件反馈期限为${limit}。处理结果于${formatChineseDate(feedback.givenOn)}在期限内反馈。`;
  return {
    kind: 'report-feedback',
    title: '信访举报处理结果反馈函',
    head: unitHead(input.unitName, number),
    numberLine: null,
    addressee: input.reporterName,
    body: [
      {
        kind: 'paragraph',
        text:
          `${formatChineseDate(input.receivedOn)}，本单位受理您以${REPORT_CHANNEL_LABELS[input.channel]}方式反映的问题` +
          `（编号：${input.reportNumber}）。根据《${input.basis.policyTitle}》${citationsOf(input.basis.articles)}的规定，现将处理结果反馈如下：`,
      },
      { kind: 'heading', level: 1, text: '一、反映的问题' },
      { kind: 'paragraph', text: sentence(input.summary) },
      { kind: 'heading', level: 1, text: '二、调查核实情况' },
      {
        kind: 'paragraph',
        text: `经调查核实，您反映的问题${REPORT_FINDING_LABELS[input.finding]}。${sentence(input.findingReasons)}`,
      },
      { kind: 'heading', level: 1, text: '三、处理结果' },
      { kind: 'paragraph', text: sentence(feedback.content) },
      {
        kind: 'paragraph',
        text: `${timing}反馈方式：${FEEDBACK_CHANNEL_LABELS[feedback.channel]}。`,
      },
      { kind: 'heading', level: 1, text: '四、依据' },
      ...articleQuotes(input.basis),
      { kind: 'paragraph', text: '感谢您对我们工作的关心和支持。' },
      { kind: 'paragraph', text: '特此函复。' },
    ],
    attachments: [],
    signature: unitSignature(input.unitName, feedback.givenOn),
    record: null,
    asOf: feedback.givenOn,
  };
}
