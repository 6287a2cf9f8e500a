// The case procedure's one entry point: whether an action may happen to a case by an
// actor today, and if so what to persist. The app layer loads a `CaseView`, calls
// `decideTransition`, and writes the returned effects with an audit event in one
// transaction, checking the case's version (STALE_VERSION) as it writes.

import { assertNever } from '../assert-never.ts';
import type { CaseAction } from './case-actions.ts';
import type { TransitionResult } from './case-effects.ts';
import { checkAllowed } from './case-guards.ts';
import type { Actor, CaseContext, CaseView } from './case-view.ts';
import { decideClose, decideWithdraw } from './decide-closing.ts';
import { decideRecordDecision } from './decide-decision.ts';
import {
  decideAccept,
  decideCompleteInvestigation,
  decideRefuse,
  decideSubmitForDecision,
} from './decide-investigation.ts';
import { decideNotification, decidePublish } from './decide-notification.ts';
import { decideObjection, decideReview } from './decide-objection.ts';
import { decideInitiate, decideSubmitApplication } from './decide-opening.ts';

/**
 * Whether `action` may happen to the case (`null`: a case not yet created) by `actor`
 * today, and if so what to persist. A refusal changes nothing and carries a stable code,
 * checked in this order: FORBIDDEN (role, unit, own case, administrator),
 * INVALID_TRANSITION (state), the payload-free guards (MISSING_FACTS,
 * ASSESSMENT_INCOMPLETE, DEADLINE_PASSED), then the payload's.
 */
export function decideTransition(
  caseView: CaseView | null,
  action: CaseAction,
  actor: Actor,
  context: CaseContext,
): TransitionResult {
  const refused = checkAllowed(caseView, action.kind, actor, context);
  if (refused) return { ok: false, error: refused };
  if (action.kind === 'submit_application')
    return decideSubmitApplication(action, actor, context.today);
  if (action.kind === 'initiate') {
    // 回避: an investigator does not open a case about their own conduct.
    if (action.officerId === actor.id) {
      return { ok: false, error: { code: 'FORBIDDEN', message: '不能对本人启动核查，应当回避' } };
    }
    return decideInitiate(action, context.today);
  }
  // checkAllowed has placed every action but the two openings on an existing case.
  if (caseView === null) throw new Error('unreachable: the table places this action on a case');
  switch (action.kind) {
    case 'accept':
      return decideAccept(caseView);
    case 'refuse':
      return decideRefuse(caseView, action);
    case 'complete_investigation':
      return decideCompleteInvestigation(caseView);
    case 'submit_for_decision':
      return decideSubmitForDecision(caseView, context.today);
    case 'record_decision':
      return decideRecordDecision(caseView, action, context);
    case 'send_notification':
      return decideNotification(caseView, action, context);
    case 'publish':
      return decidePublish(caseView, action, context);
    case 'raise_objection':
      return decideObjection(caseView, action, actor, context);
    case 'review_objection':
      return decideReview(caseView, action, context);
    case 'close':
      return decideClose(caseView, action);
    case 'withdraw':
      return decideWithdraw(caseView, action);
    default:
      return assertNever(action);
  }
}
