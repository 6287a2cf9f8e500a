// 调查核实报告: what the investigation found (the facts found true, each by its provision),
// the 综合分析研判表 of the six factors of 第十四条, and the engine's opinion on them, for
// the deciding body. Dated the day it went to the deciding body, or before that the day
// of the last assessment recorded.

import type { CalendarDate } from '../../calendar-date.ts';
import {
  ASSESSMENT_FACTORS,
  ASSESSMENT_FACTOR_LABELS,
  CASE_ORIGIN_LABELS,
  ENFORCEMENT_ACTION_LABELS,
  type AssessmentFactor,
} from '../../vocabulary.ts';
import { chineseNumeral } from '../chinese-numerals.ts';
import { DOCUMENT_KIND_DEFS } from '../document-kinds.ts';
import type { DocumentBlock, OfficialDocument } from '../official-document.ts';
import {
  conductPeriodText,
  groundText,
  officerText,
  policyName,
  provisionText,
  type CaseBasics,
  type CaseConclusion,
  type CaseOrgan,
  type CasePolicy,
  type FoundFact,
} from './case-document-parts.ts';

export interface InvestigationReportInput {
  readonly organ: CaseOrgan;
  readonly policy: CasePolicy;
  readonly case: CaseBasics;
  /** The facts recorded true, in the policy's order. */
  readonly factsFound: readonly FoundFact[];
  /** How many facts were recorded as not holding. */
  readonly factsNotHolding: number;
  /** The finding on each factor recorded; a factor absent is not yet assessed. */
  readonly assessments: Readonly<Partial<Record<AssessmentFactor, string>>>;
  /** The engine's opinion on the facts: its conclusion, or null while undetermined. */
  readonly opinion: {
    readonly conclusion: CaseConclusion | null;
    /** The explanation's summary (explain.ts). */
    readonly summary: string;
    /** The explanation of the conclusion's ground, when there is one. */
    readonly reasons: readonly string[];
  };
  readonly reportedOn: CalendarDate;
}

export function buildInvestigationReport(
  input: InvestigationReportInput,
  number: string | null,
): OfficialDocument {
  const c = input.case;
  const body: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: '一、基本情况' },
    {
      kind: 'paragraph',
      text: `案号：${c.number}。事项：${c.title}。案件来源：${CASE_ORIGIN_LABELS[c.origin]}。执法人员：${officerText(c)}。执法行为类别：${ENFORCEMENT_ACTION_LABELS[c.enforcementAction]}。履职时间：${conductPeriodText(c)}。`,
    },
    { kind: 'paragraph', text: `履职行为：${c.conduct}` },
    {
      kind: 'paragraph',
      text: `适用制度：${policyName(input.policy)}，${input.policy.issuer}制定。`,
    },
    { kind: 'heading', level: 1, text: '二、调查认定的事实' },
    ...factsBlocks(input),
    { kind: 'heading', level: 1, text: '三、综合分析研判' },
    {
      kind: 'paragraph',
      text: `依照${policyName(input.policy)}，从${ASSESSMENT_FACTORS.map((f) => ASSESSMENT_FACTOR_LABELS[f]).join('、')}${chineseNumeral(ASSESSMENT_FACTORS.length)}个方面综合分析研判如下：`,
    },
    {
      kind: 'table',
      header: ['序号', '研判方面', '研判意见'],
      widths: [1, 2, 7],
      rows: ASSESSMENT_FACTORS.map((f, i) => [
        chineseNumeral(i + 1),
        ASSESSMENT_FACTOR_LABELS[f],
        input.assessments[f] ?? '（尚未研判）',
      ]),
    },
    { kind: 'heading', level: 1, text: '四、认定意见' },
    ...opinionBlocks(input),
  ];
  return {
    kind: 'investigation-report',
    title: DOCUMENT_KIND_DEFS['investigation-report'].title,
    head: null,
    numberLine: number,
    addressee: input.organ.decidingBody,
    body,
    attachments: [],
    signature: { organ: input.organ.name, date: input.reportedOn },
    record: null,
    asOf: input.reportedOn,
  };
}

function factsBlocks(input: InvestigationReportInput): DocumentBlock[] {
  const found = input.factsFound;
  const rest =
    input.factsNotHolding > 0
      ? `另有${chineseNumeral(input.factsNotHolding)}项情形经核实不成立。`
      : '';
  if (found.length === 0)
    return [
      {
        kind: 'paragraph',
        text: `经调查核实，未认定${policyName(input.policy)}所列情形属实。${rest}`,
      },
    ];
  return [
    {
      kind: 'paragraph',
      text: `经调查核实，认定下列${chineseNumeral(found.length)}项情形属实：`,
    },
    ...found.map((f, i): DocumentBlock => ({
      kind: 'paragraph',
      text: `${chineseNumeral(i + 1)}是符合${provisionText(f)}。${f.note ? `（${f.note.trim()}）` : ''}`,
    })),
    ...(rest === '' ? [] : [{ kind: 'paragraph', text: rest } as const]),
  ];
}

function opinionBlocks(input: InvestigationReportInput): DocumentBlock[] {
  const { conclusion, summary, reasons } = input.opinion;
  if (conclusion === null) return [{ kind: 'paragraph', text: summary }];
  return [
    ...reasons.map((r): DocumentBlock => ({ kind: 'paragraph', text: r })),
    {
      kind: 'paragraph',
      text: `综上，${groundText(input.policy, conclusion)}，建议认定为：${conclusion.label}。提请${input.organ.decidingBody}研究决定。`,
    },
  ];
}
