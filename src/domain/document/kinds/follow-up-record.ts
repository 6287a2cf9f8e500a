// 整改情况跟踪记录 (第十八条 应当采取适当方式，跟踪了解纠错对象的整改情况): the unit's follow-ups
// of one correction as a table (date, method, findings, by whom), the officer's progress
// reports beside them, and the result of the check that closed it, if it is closed.

import { formatChineseDate, type CalendarDate } from '../../calendar-date.ts';
import { FOLLOW_UP_METHOD_LABELS, type FollowUpMethod } from '../../vocabulary.ts';
import type { DocumentBlock, OfficialDocument } from '../official-document.ts';
import {
  articleQuotes,
  countWords,
  pairRow,
  sentence,
  type PolicyBasis,
} from './oversight-document-parts.ts';

export interface FollowUpRecordInput {
  readonly unitName: string;
  /** 纠错对象. */
  readonly officerName: string;
  readonly caseNumber: string;
  readonly caseTitle: string;
  readonly notifiedOn: CalendarDate;
  /** The due date in force (moved by an approved extension). */
  readonly due: CalendarDate;
  /** 跟踪了解, oldest first. */
  readonly followUps: readonly {
    readonly checkedOn: CalendarDate;
    readonly method: FollowUpMethod;
    readonly findings: string;
    readonly recordedBy: string;
  }[];
  /** The officer's progress reports, oldest first. */
  readonly reports: readonly {
    readonly reportedOn: CalendarDate;
    readonly text: string;
    readonly reportedBy: string;
  }[];
  /** The check that closed the correction, if it is closed. */
  readonly closing: {
    readonly closedOn: CalendarDate;
    readonly result: string;
    readonly causeAnalysis: string;
    readonly improvements: string;
    readonly closedBy: string;
  } | null;
  /** The article on following up. */
  readonly basis: PolicyBasis;
}

/** The day of the last record the paper shows: its date. */
export function followUpRecordDate(input: Omit<FollowUpRecordInput, 'basis'>): CalendarDate {
  const days = [
    ...input.followUps.map((f) => f.checkedOn),
    ...input.reports.map((r) => r.reportedOn),
    ...(input.closing === null ? [] : [input.closing.closedOn]),
  ];
  if (days.length === 0) throw new Error('a follow-up record shows at least one record');
  return days.reduce((a, b) => (a > b ? a : b));
}

export function buildFollowUpRecord(
  input: FollowUpRecordInput,
  number: string | null,
): OfficialDocument {
  const reports: DocumentBlock[] =
    input.reports.length === 0
      ? [{ kind: 'paragraph', text: '纠错对象尚未报告整改进展。' }]
      : [
          {
            kind: 'paragraph',
            text: `纠错对象报告整改进展${countWords(input.reports.length, '次')}。`,
          },
          {
            kind: 'table',
            header: ['序号', '报告日期', '报告内容', '报告人'],
            rows: input.reports.map((r, i) => [
              String(i + 1),
              formatChineseDate(r.reportedOn),
              r.text,
              r.reportedBy,
            ]),
            widths: [1, 3, 7, 2],
          },
        ];
  const closing: DocumentBlock[] =
    input.closing === null
      ? [{ kind: 'paragraph', text: '整改尚未验收办结。' }]
      : [
          {
            kind: 'form',
            rows: [
              pairRow(
                '验收日期',
                formatChineseDate(input.closing.closedOn),
                '验收人',
                input.closing.closedBy,
              ),
              { label: '整改结果', value: sentence(input.closing.result) },
              { label: '原因分析', value: sentence(input.closing.causeAnalysis) },
              { label: '完善制度、健全机制', value: sentence(input.closing.improvements) },
            ],
          },
        ];
  return {
    kind: 'follow-up-record',
    title: '整改情况跟踪记录',
    head: null,
    numberLine: number,
    addressee: null,
    body: [
      {
        kind: 'form',
        rows: [
          pairRow('纠错对象', input.officerName, '案件编号', input.caseNumber),
          { label: '案件名称', value: input.caseTitle },
          pairRow(
            '纠错通知日期',
            formatChineseDate(input.notifiedOn),
            '整改期限',
            formatChineseDate(input.due),
          ),
          { label: '跟踪单位', value: input.unitName },
        ],
      },
      { kind: 'heading', level: 1, text: '一、跟踪了解情况' },
      {
        kind: 'paragraph',
        text: `跟踪了解${countWords(input.followUps.length, '次')}。`,
      },
      {
        kind: 'table',
        header: ['序号', '日期', '方式', '了解情况', '记录人'],
        rows: input.followUps.map((f, i) => [
          String(i + 1),
          formatChineseDate(f.checkedOn),
          FOLLOW_UP_METHOD_LABELS[f.method],
          f.findings,
          f.recordedBy,
        ]),
        widths: [1, 3, 2, 6, 2],
      },
      { kind: 'heading', level: 1, text: '二、整改进展报告' },
      ...reports,
      { kind: 'heading', level: 1, text: '三、整改结果' },
      ...closing,
      { kind: 'heading', level: 1, text: '四、依据' },
      ...articleQuotes(input.basis),
    ],
    attachments: [],
    signature: null,
    record: null,
    asOf: followUpRecordDate(input),
  };
}
