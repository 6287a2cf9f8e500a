// 回避: a person of the unit stands aside from a case. The officer concerned may ask it
// of named people (申请回避) when applying and until the decision; an investigator or a
// secretary records that they stand aside themselves (自行回避) or that someone else must
// (决定回避). A recused person may not act on the case in any role (case-access.ts).

import { mayActInRole, recusalRefusal } from './case-access.ts';
import { isBlank, refusal, type CaseError } from './case-errors.ts';
import type { Actor, CaseView } from './case-view.ts';
import type { CaseRole } from '../account/roles.ts';
import { CASE_STATE_LABELS, type CaseState, type RecusalKind, type Role } from '../vocabulary.ts';

/** The states in which the officer concerned may ask for a recusal: up to the decision. */
export const REQUEST_STATES: readonly CaseState[] = [
  'submitted',
  'investigating',
  'assessing',
  'awaiting_decision',
];

/** The states in which the unit records a recusal: while the case is open. */
export const RECORD_STATES: readonly CaseState[] = [
  ...REQUEST_STATES,
  'decided',
  'notified',
  'published',
  'objection_review',
];

/** The roles that record a recusal for the unit. */
const RECORDERS: readonly CaseRole[] = ['investigator', 'secretary'];

/** The roles of a person who may be recused: those who act on a case for the unit. */
const ACTING_ROLES: readonly Role[] = ['investigator', 'secretary', 'reviewer'];

/** How the actor may record a recusal on the case now, or null when they may not. */
export function recusalKindFor(caseView: CaseView, actor: Actor): 'requested' | 'unit' | null {
  if (
    actor.roles.includes('officer') &&
    caseView.officerId === actor.id &&
    REQUEST_STATES.includes(caseView.state)
  ) {
    return 'requested';
  }
  if (
    RECORD_STATES.includes(caseView.state) &&
    RECORDERS.some((role) => mayActInRole(caseView, actor, role, 'record'))
  ) {
    return 'unit';
  }
  return null;
}

/** The person to be recused, as the app layer found them. */
export interface RecusalCandidate {
  readonly id: string;
  readonly roles: readonly Role[];
  /** Whether the case's unit is in the person's (they could act on it). */
  readonly inUnitScope: boolean;
}

export interface RecusalInput {
  /** null when the named account does not exist. */
  readonly person: RecusalCandidate | null;
  readonly reason: string;
}

/** Whether a person could act on the case for the unit, and so be recused from it. */
export function isRecusable(caseView: CaseView, person: RecusalCandidate): boolean {
  return (
    person.inUnitScope &&
    person.roles.some((r) => ACTING_ROLES.includes(r)) &&
    person.id !== caseView.officerId &&
    person.id !== caseView.applicantId &&
    !caseView.recusedIds.includes(person.id)
  );
}

/** The recusal's kind, or the refusal: who may record it, of whom, and why. */
export function checkRecordRecusal(
  caseView: CaseView,
  actor: Actor,
  input: RecusalInput,
): { ok: true; kind: RecusalKind } | { ok: false; error: CaseError } {
  const how = recusalKindFor(caseView, actor);
  if (how === null) {
    const recused = recusalRefusal(caseView, actor, RECORDERS);
    if (recused) return { ok: false, error: recused };
    if (!RECORD_STATES.includes(caseView.state)) {
      return refusal(
        'INVALID_TRANSITION',
        `案件${CASE_STATE_LABELS[caseView.state]}，不能记录回避`,
      );
    }
    return refusal(
      'FORBIDDEN',
      '只有当事人（研究决定前）或本单位的调查人员、党委/党组秘书可以记录回避',
    );
  }
  const { person } = input;
  if (person === null) return refusal('NOT_FOUND', '要求回避的人员不存在');
  if (person.id === caseView.officerId || person.id === caseView.applicantId) {
    return refusal('INVALID_INPUT', '当事人本人不参与办理本案，无需回避');
  }
  if (caseView.recusedIds.includes(person.id)) {
    return refusal('INVALID_INPUT', '该人员已回避本案');
  }
  if (!isRecusable(caseView, person)) {
    return refusal('INVALID_INPUT', '只能要求可能办理本案的本单位调查、秘书、审核人员回避');
  }
  if (isBlank(input.reason)) return refusal('REASON_REQUIRED', '请说明回避的理由');
  if (how === 'requested') return { ok: true, kind: 'requested' };
  return { ok: true, kind: person.id === actor.id ? 'self' : 'decided' };
}
