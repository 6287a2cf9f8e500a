// What the case procedure's states and scopes mean beyond their names (the names and
// labels are in ../vocabulary.ts): which states end a case, which an objection returns
// to, and which publication scopes a policy allows.

import { assertNever } from '../assert-never.ts';
import type { CaseState } from '../vocabulary.ts';
import type { ProcedureParams } from '../policy/policy-model.ts';

/** A case in one of these states accepts no transition and no record. */
export function isTerminalState(state: CaseState): boolean {
  switch (state) {
    case 'closed':
    case 'refused':
    case 'withdrawn':
      return true;
    case 'submitted':
    case 'investigating':
    case 'assessing':
    case 'awaiting_decision':
    case 'decided':
    case 'notified':
    case 'published':
    case 'objection_review':
      return false;
    default:
      return assertNever(state);
  }
}

/** The states an objection can be raised from, and that its review returns to. */
export const OBJECTION_RETURN_STATES = ['notified', 'published'] as const;
export type ObjectionReturnState = (typeof OBJECTION_RETURN_STATES)[number];

/**
 * A publication scope (公开范围) is one of the strings the policy lists (本单位, 本系统,
 * 社会公开, ...): each regime names its own, so the type is the policy's, not ours.
 */
export type PublicationScope = string;

export function isPublicationScope(procedure: ProcedureParams, scope: string): boolean {
  return procedure.publication.scopes.includes(scope);
}
