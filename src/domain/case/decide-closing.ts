// Ending a case: closing it after notification (办结) or the officer withdrawing the
// application (撤回申请).

import type { ActionOf } from './case-actions.ts';
import { isBlank, refusal } from './case-errors.ts';
import { succeed, type TransitionResult } from './case-effects.ts';
import { closeNeedsReason } from './case-guards.ts';
import type { CaseView } from './case-view.ts';

function optionalReason(reason: string | null | undefined): string | null {
  return isBlank(reason) ? null : reason!.trim();
}

export function decideClose(caseView: CaseView, action: ActionOf<'close'>): TransitionResult {
  if (closeNeedsReason(caseView) && isBlank(action.reason)) {
    return refusal('REASON_REQUIRED', '不予公开而办结的，应当说明理由');
  }
  return succeed('close', caseView.state, 'closed', optionalReason(action.reason), []);
}

export function decideWithdraw(caseView: CaseView, action: ActionOf<'withdraw'>): TransitionResult {
  return succeed('withdraw', caseView.state, 'withdrawn', optionalReason(action.reason), []);
}
