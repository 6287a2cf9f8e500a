// The request of a step of the procedure as the domain's action: the route names the
// step, the body carries its payload. Checking the payload is the domain's.

import { UseCaseError } from '../../app/app-context.ts';
import type { ActionBody } from '../../contract/case-requests.schemas.ts';
import { assertNever } from '../../domain/assert-never.ts';
import type { CaseAction } from '../../domain/case/case-actions.ts';
import type { TransitionName } from '../../domain/case/case-transitions.ts';

export function toAction(name: TransitionName, b: ActionBody): CaseAction {
  const decision = {
    meetingDate: b.meetingDate ?? '',
    members: b.members ?? [],
    conclusion: b.conclusion ?? '',
  };
  switch (name) {
    case 'submit_application':
    case 'initiate':
      throw new UseCaseError('INVALID_TRANSITION', '新建案件请使用 POST /api/v1/cases');
    case 'accept':
    case 'complete_investigation':
    case 'submit_for_decision':
      return { kind: name };
    case 'refuse':
    case 'raise_objection':
      return { kind: name, reason: b.reason ?? '' };
    case 'close':
    case 'withdraw':
      return { kind: name, reason: b.reason ?? null };
    case 'record_decision':
      return {
        kind: name,
        ...decision,
        departureReason: b.departureReason ?? null,
        relatedUnitIds: b.relatedUnitIds ?? [],
        recusedMembers: b.recusedMembers ?? [],
      };
    case 'send_notification':
      return {
        kind: name,
        notificationId: b.notificationId ?? '',
        method: b.deliveryMethod ?? '',
        deliveredOn: b.deliveredOn ?? '',
        deliveredTo: b.deliveredTo ?? '',
        lateReason: b.lateReason ?? null,
      };
    case 'publish':
      return { kind: name, scope: b.scope ?? '', text: b.text ?? null };
    case 'review_objection':
      return b.result === 'change'
        ? { kind: name, result: 'change', reason: b.reason ?? '', ...decision }
        : { kind: name, result: 'confirm' };
    default:
      return assertNever(name);
  }
}
