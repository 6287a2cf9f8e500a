// 容错认定申请表: the officer's own application (origin `application`), as the case was
// opened: who applies, the conduct in question and under which regime, on which day.

import { formatChineseDate, type CalendarDate } from '../../calendar-date.ts';
import { DOCUMENT_KIND_DEFS } from '../document-kinds.ts';
import type { OfficialDocument } from '../official-document.ts';
import {
  caseFormRows,
  policyName,
  type CaseBasics,
  type CaseOrgan,
  type CasePolicy,
} from './case-document-parts.ts';

export interface ApplicationInput {
  readonly organ: CaseOrgan;
  readonly policy: CasePolicy;
  readonly case: CaseBasics;
  /** The day the application was submitted (the case opened). */
  readonly appliedOn: CalendarDate;
}

export function buildApplication(input: ApplicationInput, number: string | null): OfficialDocument {
  const { organ, policy } = input;
  return {
    kind: 'application',
    title: DOCUMENT_KIND_DEFS.application.title,
    head: null,
    numberLine: number,
    addressee: null,
    body: [
      {
        kind: 'form',
        rows: [
          ...caseFormRows(input.case),
          { label: '申请依据', value: policyName(policy) },
          {
            label: '申请事项',
            value: `请求${organ.decidingBody}依据${policyName(policy)}对上述履职行为作出容错免责认定。`,
          },
          {
            label: '受理机关',
            value: organ.name,
            label2: '申请日期',
            value2: formatChineseDate(input.appliedOn),
          },
        ],
      },
      { kind: 'signature-line', labels: ['申请人（签名）', '日期'] },
    ],
    attachments: [],
    signature: null,
    record: null,
    asOf: input.appliedOn,
  };
}
