// Intake and investigation (受理, 调查核实, 综合分析研判): accepting or refusing an
// application, ending the investigation, and sending the case to the deciding body with
// the engine's determination as it stands.

import type { CalendarDate } from '../calendar-date.ts';
import type { ActionOf } from './case-actions.ts';
import { isBlank, refusal } from './case-errors.ts';
import { succeed, type TransitionResult } from './case-effects.ts';
import type { CaseView } from './case-view.ts';

export function decideAccept(caseView: CaseView): TransitionResult {
  return succeed('accept', caseView.state, 'investigating', null, []);
}

export function decideRefuse(caseView: CaseView, action: ActionOf<'refuse'>): TransitionResult {
  if (isBlank(action.reason)) return refusal('REASON_REQUIRED', '不予受理应当说明理由');
  return succeed('refuse', caseView.state, 'refused', action.reason.trim(), []);
}

export function decideCompleteInvestigation(caseView: CaseView): TransitionResult {
  return succeed('complete_investigation', caseView.state, 'assessing', null, []);
}

/** The deciding body receives the determination as it is now; it is kept from here on. */
export function decideSubmitForDecision(caseView: CaseView, today: CalendarDate): TransitionResult {
  return succeed('submit_for_decision', caseView.state, 'awaiting_decision', null, [
    { kind: 'record_determination', determination: caseView.determination, submittedOn: today },
  ]);
}
