// Objections (异议): the officer objects within the period opened by the last notice,
// and the deciding body reviews, confirming the conclusion or changing it (a new
// decision, to which 第十五、十六条 apply again). The case returns to where it was.

import { assertNever } from '../assert-never.ts';
import type { ActionOf } from './case-actions.ts';
import { isBlank, refusal } from './case-errors.ts';
import { succeed, type TransitionResult } from './case-effects.ts';
import type { ObjectionReturnState } from './case-state.ts';
import type { Actor, CaseContext, CaseView } from './case-view.ts';
import { conclusionChanges } from './conclusion-effects.ts';
import { checkDecisionPayload, decisionRecord } from './decide-decision.ts';
import type { CaseState } from '../vocabulary.ts';

function objectionReturnState(state: CaseState): ObjectionReturnState {
  switch (state) {
    case 'notified':
    case 'published':
      return state;
    case 'submitted':
    case 'investigating':
    case 'assessing':
    case 'awaiting_decision':
    case 'decided':
    case 'objection_review':
    case 'closed':
    case 'refused':
    case 'withdrawn':
      throw new Error(`unreachable: no objection from ${state}`);
    default:
      return assertNever(state);
  }
}

export function decideObjection(
  caseView: CaseView,
  action: ActionOf<'raise_objection'>,
  actor: Actor,
  context: CaseContext,
): TransitionResult {
  if (isBlank(action.reason)) return refusal('REASON_REQUIRED', '提出异议应当说明理由');
  const reason = action.reason.trim();
  return succeed('raise_objection', caseView.state, 'objection_review', reason, [
    {
      kind: 'create_objection',
      raisedBy: actor.id,
      raisedOn: context.today,
      reason,
      // The guard has checked both against today.
      due: caseView.objectionDue!,
      returnTo: objectionReturnState(caseView.state),
    },
  ]);
}

export function decideReview(
  caseView: CaseView,
  action: ActionOf<'review_objection'>,
  context: CaseContext,
): TransitionResult {
  // The guard has made sure both are there.
  const back = caseView.stateBeforeObjection!;
  const before = caseView.decision!.conclusion;
  const { today, procedure } = context;
  switch (action.result) {
    case 'confirm':
      return succeed('review_objection', caseView.state, back, null, [
        { kind: 'resolve_objection', result: 'confirmed', reviewedOn: today },
      ]);
    case 'change': {
      // A review meets after the decision it reviews.
      const checked = checkDecisionPayload(action, context, caseView.decision?.meetingDate ?? null);
      if (!checked.ok) return checked;
      const { conclusion } = checked;
      if (conclusion === before) {
        return refusal('INVALID_CONCLUSION', '变更后的结论与原结论相同；维持原结论请选择“维持”');
      }
      if (isBlank(action.reason)) return refusal('REASON_REQUIRED', '变更结论应当说明理由');
      const reason = action.reason.trim();
      const engineOutcome = caseView.determination.outcome;
      return succeed('review_objection', caseView.state, back, reason, [
        { kind: 'resolve_objection', result: 'changed', reviewedOn: today },
        decisionRecord(
          action,
          conclusion,
          engineOutcome,
          conclusion === engineOutcome ? null : reason,
          true,
        ),
        // 第十五、十六条 apply again, to the new conclusion.
        ...conclusionChanges(procedure, caseView.officerId, before, conclusion),
      ]);
    }
    default:
      return assertNever(action);
  }
}
