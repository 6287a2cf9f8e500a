// Who marks a published case as typical (典型案例), and when; who withdraws the mark. The
// deciding unit marks it (第十四条: the 党委/党组 of the organ that decided), through its
// secretary (办公室), the role that records the committee's decisions and publishes them:
// a secretary whose own organ is the organ whose committee decided, who is neither the
// case's officer nor its applicant nor recused from it. Only a published case is marked:
// the typical case's text is its publication's, already redacted; and not while an
// objection is under review, since the conclusion may yet change.

import { standsAside } from '../case/case-access.ts';
import type { CaseView } from '../case/case-view.ts';
import type { CaseState, Role } from '../vocabulary.ts';

export type TypicalCaseErrorCode =
  | 'FORBIDDEN'
  | 'NOT_PUBLISHED'
  | 'OBJECTION_UNDER_REVIEW'
  | 'ALREADY_TYPICAL'
  | 'NOT_TYPICAL'
  | 'REASON_REQUIRED';

export interface TypicalCaseError {
  readonly code: TypicalCaseErrorCode;
  readonly message: string;
}

/** What the rule reads about the case, the reader and the mark. */
export interface MarkingFacts {
  readonly actor: { readonly id: string; readonly roles: readonly Role[] };
  /** The organ (本单位, organOf) of the actor's unit. */
  readonly actorOrganId: string;
  /** The organ whose committee recorded the case's current decision; null before it. */
  readonly decidingOrganId: string | null;
  readonly caseView: Pick<CaseView, 'officerId' | 'applicantId' | 'recusedIds'> & {
    readonly state: CaseState;
  };
  /** Whether the case has a publication (公示). */
  readonly published: boolean;
  /** Whether the case is a typical case now (a mark not withdrawn). */
  readonly typical: boolean;
}

/** FORBIDDEN unless the actor is a secretary of the deciding organ who does not stand aside. */
function deciderRefusal(f: MarkingFacts, verb: string): TypicalCaseError | null {
  if (!f.actor.roles.includes('secretary'))
    return { code: 'FORBIDDEN', message: `只有作出决定单位的办公室（秘书）人员可以${verb}` };
  if (f.decidingOrganId !== null && f.decidingOrganId !== f.actorOrganId)
    return { code: 'FORBIDDEN', message: `只有作出决定的单位可以${verb}，本案不是本单位决定的` };
  if (standsAside(f.caseView, f.actor.id))
    return { code: 'FORBIDDEN', message: `本案涉及您本人或您已回避，不能${verb}` };
  return null;
}

/** Null when the actor may mark the case as typical now; the refusal otherwise. */
export function markingRefusal(f: MarkingFacts): TypicalCaseError | null {
  const verb = '标记典型案例';
  if (!f.actor.roles.includes('secretary')) return deciderRefusal(f, verb);
  if (!f.published || f.decidingOrganId === null)
    return { code: 'NOT_PUBLISHED', message: '本案尚未公开，只有已公开的案件可以标记为典型案例' };
  const who = deciderRefusal(f, verb);
  if (who) return who;
  if (f.caseView.state === 'objection_review')
    return {
      code: 'OBJECTION_UNDER_REVIEW',
      message: '本案异议正在复核，结论可能变更，复核后再标记为典型案例',
    };
  if (f.typical) return { code: 'ALREADY_TYPICAL', message: '本案已是典型案例' };
  return null;
}

/** Null when the actor may withdraw the mark with this reason; the refusal otherwise. */
export function withdrawalRefusal(f: MarkingFacts, reason: string): TypicalCaseError | null {
  const who = deciderRefusal(f, '撤销典型案例标记');
  if (who) return who;
  if (!f.typical) return { code: 'NOT_TYPICAL', message: '本案不是典型案例，或标记已撤销' };
  if (reason.trim() === '')
    return { code: 'REASON_REQUIRED', message: '撤销典型案例标记须说明理由' };
  return null;
}
