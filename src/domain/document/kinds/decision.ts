// 容错免责认定决定书: the deciding body's decision on the case, issued under the organ's
// 版头: the officer, the facts found by their provisions, the reasons (the engine's
// reading of the ground, or why the body departed from it), the conclusion with its
// ground and the article's text, and the time to object and how it is counted.

import { formatChineseDate, type CalendarDate } from '../../calendar-date.ts';
import type { TimeLimit } from '../../policy/policy-model.ts';
import { chineseNumeral } from '../chinese-numerals.ts';
import { DOCUMENT_KIND_DEFS } from '../document-kinds.ts';
import type { DocumentBlock, OfficialDocument } from '../official-document.ts';
import type { AssessmentFactor } from '../../vocabulary.ts';
import {
  assessmentText,
  conductPeriodText,
  groundText,
  limitFrom,
  officeOf,
  officerText,
  provisionText,
  sentence,
  type CaseBasics,
  type CaseConclusion,
  type CaseOrgan,
  type CasePolicy,
  type FoundFact,
} from './case-document-parts.ts';

export interface DecisionInput {
  readonly organ: CaseOrgan;
  readonly policy: CasePolicy;
  readonly case: CaseBasics;
  readonly factsFound: readonly FoundFact[];
  readonly meetingDate: CalendarDate;
  readonly conclusion: CaseConclusion;
  /** The findings of 综合分析研判 recorded, the reasons the body weighed. */
  readonly assessments: Readonly<Partial<Record<AssessmentFactor, string>>>;
  /** The engine's outcome, by its label, when the decision was taken; null when undetermined. */
  readonly engineLabel: string | null;
  /** Why the conclusion departs from the engine's; null when it does not. */
  readonly departureReason: string | null;
  /** The period to object (异议), from the policy's procedure. */
  readonly objection: Pick<TimeLimit, 'days' | 'counting'>;
  /** The related units told of the decision (相关单位), by name. */
  readonly relatedUnits: readonly string[];
  /** The decision row: a changed conclusion on an objection's review is a paper of its own. */
  readonly decisionId: string;
  /** Taken on an objection's review (复核): said so, and no second objection is offered. */
  readonly onReview: boolean;
}

export function buildDecision(input: DecisionInput, number: string | null): OfficialDocument {
  const { organ, policy, conclusion } = input;
  const c = input.case;
  const body: DocumentBlock[] = [
    { kind: 'paragraph', text: `当事人：${officerText(c)}。`, indent: false },
    {
      kind: 'paragraph',
      text: input.onReview
        ? `当事人对${organ.name}就其${conductPeriodText(c)}“${c.title}”一事（案号：${c.number}）作出的认定提出异议，${organ.decidingBody}于${formatChineseDate(input.meetingDate)}集体研究进行了复核。经复核查明：`
        : `${organ.name}对当事人${conductPeriodText(c)}“${c.title}”一事（案号：${c.number}）进行了调查核实和综合分析研判，${organ.decidingBody}于${formatChineseDate(input.meetingDate)}集体研究作出认定。现查明：`,
    },
    ...factBlocks(input.factsFound),
    ...reasonBlocks(input),
    {
      kind: 'paragraph',
      text: `${groundText(policy, conclusion)}，经${organ.decidingBody}集体研究，决定如下：`,
    },
    { kind: 'paragraph', text: `对${c.officer.name}的上述履职行为，认定为：${conclusion.label}。` },
    // A review's decision is the last word of this procedure (第十四条): no second objection.
    input.onReview
      ? { kind: 'paragraph', text: '本决定为复核决定。' }
      : {
          kind: 'paragraph',
          text: `当事人如对本决定有异议，可${limitFrom('收到本决定', input.objection)}向${organ.decidingBody}提出，由其复核。`,
        },
  ];
  return {
    kind: 'decision',
    title: DOCUMENT_KIND_DEFS.decision.title,
    head: { organMark: organ.name, number },
    numberLine: null,
    addressee: null,
    body,
    attachments: [],
    signature: { organ: organ.decidingBody, date: input.meetingDate },
    record: {
      copyTo: copyTo(input),
      printedBy: officeOf(organ.name),
      printedOn: input.meetingDate,
    },
    asOf: input.meetingDate,
  };
}

/** The findings weighed, and why the body departed from the engine when it did. */
function reasonBlocks(input: DecisionInput): DocumentBlock[] {
  const weighed = assessmentText(input.assessments);
  const blocks: DocumentBlock[] =
    weighed === null ? [] : [{ kind: 'paragraph', text: `经综合分析研判：${weighed}` }];
  if (input.departureReason !== null) {
    const engine = input.engineLabel === null ? '' : `（${input.engineLabel}）`;
    blocks.push({
      kind: 'paragraph',
      text: `经集体研究，本机关未采纳系统认定意见${engine}，理由是：${sentence(input.departureReason)}`,
    });
  }
  return blocks;
}

function factBlocks(facts: readonly FoundFact[]): DocumentBlock[] {
  if (facts.length === 0)
    return [{ kind: 'paragraph', text: '经调查核实，未认定容错免责制度所列情形属实。' }];
  return facts.map((f, i) => ({
    kind: 'paragraph',
    text: `${chineseNumeral(i + 1)}是当事人的履职行为符合${provisionText(f)}所列情形。`,
  }));
}

/** 抄送: the related units told, and the officer's unit; never the issuing organ itself. */
function copyTo(input: DecisionInput): string[] {
  const units = [...input.relatedUnits, input.case.officer.unitName];
  return [...new Set(units)].filter((u) => u !== input.organ.name);
}
