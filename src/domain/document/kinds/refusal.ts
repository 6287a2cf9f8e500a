// 不予受理通知书: the organ tells the applicant that their application is refused, and why,
// in the words recorded with the refusal; dated the day it was refused.

import { formatChineseDate, type CalendarDate } from '../../calendar-date.ts';
import { DOCUMENT_KIND_DEFS } from '../document-kinds.ts';
import type { OfficialDocument } from '../official-document.ts';
import {
  policyName,
  type CaseBasics,
  type CaseOrgan,
  type CasePolicy,
} from './case-document-parts.ts';

export interface RefusalInput {
  readonly organ: CaseOrgan;
  readonly policy: CasePolicy;
  readonly case: CaseBasics;
  readonly appliedOn: CalendarDate;
  /** The day of the refuse step (the audit event's day in China). */
  readonly refusedOn: CalendarDate;
  /** The reason recorded with the refusal. */
  readonly reason: string;
}

export function buildRefusal(input: RefusalInput, number: string | null): OfficialDocument {
  const c = input.case;
  const reason = input.reason.trim().replace(/[。；;.]+$/u, '');
  return {
    kind: 'refusal',
    title: DOCUMENT_KIND_DEFS.refusal.title,
    head: { organMark: input.organ.name, number },
    numberLine: null,
    addressee: c.officer.name,
    body: [
      {
        kind: 'paragraph',
        text: `你于${formatChineseDate(input.appliedOn)}提出的“${c.title}”容错免责认定申请（案号：${c.number}），本机关已收悉。经审查，依照${policyName(input.policy)}，决定不予受理。`,
      },
      { kind: 'paragraph', text: `不予受理的理由：${reason}。` },
      { kind: 'paragraph', text: '特此通知。' },
    ],
    attachments: [],
    signature: { organ: input.organ.name, date: input.refusedOn },
    record: null,
    asOf: input.refusedOn,
  };
}
