// 受理通知书: the organ tells the applicant that their application is accepted and that
// the investigation (调查核实) begins; dated the day it was accepted.

import { formatChineseDate, type CalendarDate } from '../../calendar-date.ts';
import { DOCUMENT_KIND_DEFS } from '../document-kinds.ts';
import type { OfficialDocument } from '../official-document.ts';
import {
  policyName,
  type CaseBasics,
  type CaseOrgan,
  type CasePolicy,
} from './case-document-parts.ts';

export interface AcceptanceInput {
  readonly organ: CaseOrgan;
  readonly policy: CasePolicy;
  readonly case: CaseBasics;
  readonly appliedOn: CalendarDate;
  /** The day of the accept step (the audit event's day in China). */
  readonly acceptedOn: CalendarDate;
}

export function buildAcceptance(input: AcceptanceInput, number: string | null): OfficialDocument {
  const c = input.case;
  return {
    kind: 'acceptance',
    title: DOCUMENT_KIND_DEFS.acceptance.title,
    head: { organMark: input.organ.name, number },
    numberLine: null,
    addressee: c.officer.name,
    body: [
      {
        kind: 'paragraph',
        text: `你于${formatChineseDate(input.appliedOn)}提出的“${c.title}”容错免责认定申请（案号：${c.number}），本机关已收悉。经审查，决定予以受理。`,
      },
      {
        kind: 'paragraph',
        text: `本机关将依照${policyName(input.policy)}对你的履职行为开展调查核实、综合分析研判，并提请${input.organ.decidingBody}研究决定。请你如实说明情况，配合调查核实，提供相关证据材料。`,
      },
      { kind: 'paragraph', text: '特此通知。' },
    ],
    attachments: [],
    signature: { organ: input.organ.name, date: input.acceptedOn },
    record: null,
    asOf: input.acceptedOn,
  };
}
