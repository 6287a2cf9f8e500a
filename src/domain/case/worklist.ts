// A person's to-do list (我的待办): the cases, of those they may read, on which they may
// take a step of the procedure or keep a record now. `actingStates`, read off the table,
// narrows the cases to look at; `hasWorkOn` asks the same checks as the buttons do.

import { isAdminRole } from '../account/roles.ts';
import { checkAllowed } from './case-guards.ts';
import { checkRecordAccess, RECORD_KEEPER, RECORD_KINDS, RECORD_STATES } from './case-records.ts';
import { isTerminalState } from './case-state.ts';
import { TRANSITION_NAMES, TRANSITIONS, type FromState } from './case-transitions.ts';
import type { Actor, CaseContext, CaseView } from './case-view.ts';
import { CASE_STATES, type CaseState, type Role } from '../vocabulary.ts';

/** The states in which a holder of these roles has something to do, in the table's order. */
export function actingStates(roles: readonly Role[]): readonly CaseState[] {
  // As in access: an account holding an administrator role works on no case.
  if (roles.some(isAdminRole)) return [];
  const acting = new Set<FromState>();
  for (const name of TRANSITION_NAMES) {
    const def = TRANSITIONS[name];
    if (def.roles.some((r) => roles.includes(r))) for (const from of def.from) acting.add(from);
  }
  if (roles.includes(RECORD_KEEPER))
    for (const state of Object.values(RECORD_STATES)) acting.add(state);
  return CASE_STATES.filter((s) => acting.has(s) && !isTerminalState(s));
}

/** Whether the actor has something to do on the case now: a step to take or a record to keep. */
export function hasWorkOn(caseView: CaseView, actor: Actor, context: CaseContext): boolean {
  // The first allowed one answers: this runs on every candidate of a to-do list.
  return (
    TRANSITION_NAMES.some((name) => checkAllowed(caseView, name, actor, context) === null) ||
    RECORD_KINDS.some((kind) => checkRecordAccess(caseView, actor, kind).ok)
  );
}
