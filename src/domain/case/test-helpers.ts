// Deciding on the fixtures' cases, and reading the result: the code of a refusal, the
// effects of an acceptance, the kinds of the changes.

import type { CaseAction } from './case-actions.ts';
import type { CaseChange, TransitionEffects, TransitionResult } from './case-effects.ts';
import type { FromState, TransitionName } from './case-transitions.ts';
import type { Actor, CaseContext } from './case-view.ts';
import { decideTransition } from './decide-transition.ts';
import { caseIn, subject, validAction } from './test-fixtures.ts';
import type { CaseState } from '../vocabulary.ts';

/** The code of a refusal; null for an accepted transition. */
export function code(result: TransitionResult): string | null {
  return result.ok ? null : result.error.code;
}

/** The effects of an accepted transition; a refusal fails the test with its code and message. */
export function effectsOf(result: TransitionResult): TransitionEffects {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.effects;
}

/** The effects the tests expect of an accepted transition: no reason unless one is given. */
export function accepted(
  action: TransitionName,
  from: FromState,
  state: CaseState,
  changes: readonly CaseChange[],
  reason: string | null = null,
): TransitionEffects {
  return { action, from, state, reason, changes };
}

export function kinds(changes: readonly CaseChange[]): string[] {
  return changes.map((c) => c.kind);
}

/** `decideTransition` on the fixtures' case in `state` (`caseIn`). */
export function decideIn(
  state: CaseState,
  action: CaseAction,
  actor: Actor,
  context: CaseContext,
): TransitionResult {
  return decideTransition(caseIn(state), action, actor, context);
}

/** `decideTransition` of the valid action of `name` on the fixtures' case in `from` (or none). */
export function decideValid(
  name: TransitionName,
  from: FromState,
  actor: Actor,
  context: CaseContext,
): TransitionResult {
  return decideTransition(subject(from), validAction(name), actor, context);
}
