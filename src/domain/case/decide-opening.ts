// Opening a case: the officer's own application (提出容错认定申请) or the unit's
// initiative (单位启动核查). Who may open it has been checked; here, what it must say.

import type { ActionOf, CaseOpening } from './case-actions.ts';
import { isBlank, refusal } from './case-errors.ts';
import { succeed, type TransitionResult } from './case-effects.ts';
import { NO_CASE, TRANSITIONS } from './case-transitions.ts';
import type { Actor } from './case-view.ts';
import { isEnforcementAction, type CaseOrigin } from '../vocabulary.ts';

/** An application is about the applicant. */
export function decideSubmitApplication(
  action: ActionOf<'submit_application'>,
  actor: Actor,
): TransitionResult {
  return open(action, 'application', actor.id, actor.id);
}

/** An initiated case is about the officer named, with no applicant. */
export function decideInitiate(action: ActionOf<'initiate'>): TransitionResult {
  if (isBlank(action.officerId)) return refusal('INVALID_INPUT', '请指定被核查的执法人员');
  return open(action, 'initiation', action.officerId, null);
}

function open(
  opening: CaseOpening & { readonly kind: 'submit_application' | 'initiate' },
  origin: CaseOrigin,
  officerId: string,
  applicantId: string | null,
): TransitionResult {
  if (isBlank(opening.unitId)) return refusal('INVALID_INPUT', '请指定案件所属单位');
  if (isBlank(opening.title)) return refusal('INVALID_INPUT', '请填写案件名称');
  if (isBlank(opening.conduct)) return refusal('INVALID_INPUT', '请说明所涉履职行为');
  if (!isEnforcementAction(opening.enforcementAction)) {
    return refusal('INVALID_INPUT', `执法行为类别无效：${String(opening.enforcementAction)}`);
  }
  return succeed(opening.kind, NO_CASE, TRANSITIONS[opening.kind].to, null, [
    {
      kind: 'create_case',
      origin,
      unitId: opening.unitId,
      officerId,
      applicantId,
      title: opening.title.trim(),
      conduct: opening.conduct.trim(),
      enforcementAction: opening.enforcementAction,
    },
  ]);
}
