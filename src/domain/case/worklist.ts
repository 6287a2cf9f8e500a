// A person's to-do list (我的待办): the cases, of those they may read, whose next step
// (next-step.ts) is theirs to take now: a step of the procedure, a record to keep, a
// review opinion the decision waits for (法制审核). `actingStates`, read off the same
// steps, narrows the cases to look at; `workOn` asks the same checks as the case page's
// next step. A party's rights (withdrawing, objecting) are nobody's to-do.

import { isAdminRole } from '../account/roles.ts';
import { isTerminalState } from './case-state.ts';
import type { Actor, CaseContext, CaseView } from './case-view.ts';
import { isActorsTurn, nextStep, stepRoles, type PendingStep } from './next-step.ts';
import { CASE_STATES, type CaseState, type Role } from '../vocabulary.ts';

/** The states in which a holder of these roles may take the next step, in the states' order. */
export function actingStates(roles: readonly Role[]): readonly CaseState[] {
  // As in access: an account holding an administrator role works on no case.
  if (roles.some(isAdminRole)) return [];
  return CASE_STATES.filter(
    (s) => !isTerminalState(s) && stepRoles(s).some((r) => roles.includes(r)),
  );
}

/** The case's next step when it is the actor's to take now; null otherwise. */
export function workOn(caseView: CaseView, actor: Actor, context: CaseContext): PendingStep | null {
  const next = nextStep(caseView, context);
  return next.kind === 'step' && isActorsTurn(next, caseView, actor, context) ? next : null;
}

/** Whether the case's next step is the actor's to take now (the review included). */
export function hasWorkOn(caseView: CaseView, actor: Actor, context: CaseContext): boolean {
  return workOn(caseView, actor, context) !== null;
}
