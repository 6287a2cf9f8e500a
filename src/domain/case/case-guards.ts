// Whether an action may be taken now, before its payload is read: who (access), from
// where (the table) and the guards that need no payload (facts settled, assessment
// complete, objection period). `allowedActions` gives the interface its buttons from
// the same checks the deciders make.

import { assertNever } from '../assert-never.ts';
import type { CaseError } from './case-errors.ts';
import { authorize } from './case-access.ts';
import { isClassified } from './classification.ts';
import { reviewGuard } from './case-reviews.ts';
import {
  NO_CASE,
  OPENING_TRANSITIONS,
  TRANSITION_NAMES,
  TRANSITIONS,
  type FromState,
  type TransitionDef,
  type TransitionName,
} from './case-transitions.ts';
import type { Actor, CaseContext, CaseView } from './case-view.ts';
import { ASSESSMENT_FACTORS, ASSESSMENT_FACTOR_LABELS, CASE_STATE_LABELS } from '../vocabulary.ts';

/** Closing a case that was notified but not published must say why it is not published. */
export function closeNeedsReason(caseView: Pick<CaseView, 'state'>): boolean {
  return caseView.state === 'notified';
}

function determinedGuard(caseView: CaseView): CaseError | null {
  if (caseView.determination.status === 'determined' && caseView.determination.outcome !== null) {
    return null;
  }
  return { code: 'MISSING_FACTS', message: '已记录的事实尚不足以得出认定结论' };
}

function caseGuard(
  caseView: CaseView,
  action: TransitionName,
  context: CaseContext,
): CaseError | null {
  switch (action) {
    case 'submit_application':
    case 'initiate':
    case 'accept':
    case 'refuse':
    case 'send_notification':
    case 'publish':
    case 'withdraw':
      return null;
    case 'close':
      // Closing inside the objection period would take away the party's right to object.
      if (caseView.objectionDue !== null && context.today <= caseView.objectionDue) {
        return {
          code: 'OBJECTION_PERIOD_OPEN',
          message: `异议期限至 ${caseView.objectionDue} 届满，期满后方可办结`,
        };
      }
      return null;
    case 'complete_investigation':
      return determinedGuard(caseView);
    case 'submit_for_decision': {
      const missing = ASSESSMENT_FACTORS.filter((f) => !caseView.recordedFactors.includes(f));
      if (missing.length > 0) {
        const labels = missing.map((f) => ASSESSMENT_FACTOR_LABELS[f]).join('、');
        return { code: 'ASSESSMENT_INCOMPLETE', message: `综合分析研判尚缺：${labels}` };
      }
      // The warnings of 第十八条 count decided cases by field and error type.
      if (!isClassified(caseView))
        return {
          code: 'CLASSIFICATION_REQUIRED',
          message: '提请研究决定前，须选定本案的执法领域和错误类型',
        };
      return determinedGuard(caseView);
    }
    case 'record_decision':
      // The opinions the policy requires (法制审核) come before the deciding body decides.
      return determinedGuard(caseView) ?? reviewGuard(caseView, context.procedure);
    case 'raise_objection':
      if (caseView.objectionDue === null || context.today > caseView.objectionDue) {
        const due = caseView.objectionDue ?? '（未起算）';
        return { code: 'DEADLINE_PASSED', message: `异议期限已届满（${due}）` };
      }
      return null;
    case 'review_objection':
      if (caseView.stateBeforeObjection === null || caseView.decision === null) {
        return { code: 'INVALID_TRANSITION', message: '案件缺少异议前的状态或原结论' };
      }
      return null;
    default:
      return assertNever(action);
  }
}

/**
 * The refusal of `action` before its payload is read, or null: FORBIDDEN (role, unit,
 * own case, administrator), then INVALID_TRANSITION (state), then the payload-free
 * guards (MISSING_FACTS, ASSESSMENT_INCOMPLETE, REVIEW_REQUIRED, DEADLINE_PASSED,
 * OBJECTION_PERIOD_OPEN).
 * The context is read only for a case that exists.
 */
export function checkAllowed(
  caseView: CaseView | null,
  action: TransitionName,
  actor: Actor,
  context: CaseContext | null,
): CaseError | null {
  // Who before what: an actor without the right learns nothing about the case's state.
  const denied = authorize(caseView, action, actor);
  if (denied) return denied;
  const from: FromState = caseView?.state ?? NO_CASE;
  const def: TransitionDef = TRANSITIONS[action];
  if (!def.from.includes(from)) {
    const where = from === NO_CASE ? '案件尚未建立' : `案件${CASE_STATE_LABELS[from]}`;
    return { code: 'INVALID_TRANSITION', message: `${where}，不能${def.label}` };
  }
  if (caseView === null) return null;
  if (context === null) throw new Error('a case action is checked with its context');
  return caseGuard(caseView, action, context);
}

/**
 * The transitions the actor may fire on the case now, for the interface's buttons: role,
 * unit, state and the guards that need no payload (facts, assessment, objection period)
 * all pass.
 */
export function allowedActions(
  caseView: CaseView,
  actor: Actor,
  context: CaseContext,
): readonly TransitionName[] {
  return TRANSITION_NAMES.filter((name) => checkAllowed(caseView, name, actor, context) === null);
}

/**
 * How the actor may open a new case (提出申请, 启动核查), for the "new case" page and the
 * menu; `actor.inUnitScope` says whether the unit the case would be opened in is theirs.
 */
export function newCaseActions(actor: Actor): readonly TransitionName[] {
  return OPENING_TRANSITIONS.filter((name) => checkAllowed(null, name, actor, null) === null);
}
