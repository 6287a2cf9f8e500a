// After the decision: serving each notice (送达告知, which opens the objection period
// with the last one) and publishing the result within a scope the policy lists (公开).

import { computeDeadline } from '../deadline/deadline.ts';
import type { ActionOf } from './case-actions.ts';
import { refusal } from './case-errors.ts';
import { succeed, type CaseChange, type TransitionResult } from './case-effects.ts';
import { isPublicationScope } from './case-state.ts';
import type { CaseContext, CaseView } from './case-view.ts';

export function decideNotification(
  caseView: CaseView,
  action: ActionOf<'send_notification'>,
  context: CaseContext,
): TransitionResult {
  const { notificationId } = action;
  const notification = caseView.notifications.find((n) => n.id === notificationId);
  if (notification === undefined) {
    return refusal('NOT_FOUND', `本案没有这份告知：${String(notificationId)}`);
  }
  if (notification.sent) return refusal('INVALID_TRANSITION', '这份告知已经送达');
  const { today, calendar, procedure } = context;
  const sent: CaseChange = { kind: 'mark_notification_sent', notificationId, sentOn: today };
  const last = caseView.notifications.every((n) => n.sent || n.id === notificationId);
  if (!last) return succeed('send_notification', caseView.state, caseView.state, null, [sent]);
  // The objection period runs from the last notice (the policy's procedure.objection).
  const deadline = computeDeadline(calendar, {
    from: today,
    days: procedure.objection.days,
    counting: procedure.objection.counting,
  });
  return succeed('send_notification', caseView.state, 'notified', null, [
    sent,
    { kind: 'open_objection_period', deadline },
  ]);
}

export function decidePublish(
  caseView: CaseView,
  action: ActionOf<'publish'>,
  context: CaseContext,
): TransitionResult {
  const { procedure, today } = context;
  if (!isPublicationScope(procedure, action.scope)) {
    return refusal(
      'INVALID_SCOPE',
      `公开范围须为${procedure.publication.scopes.join('、')}之一：${String(action.scope)}`,
    );
  }
  return succeed('publish', caseView.state, 'published', null, [
    { kind: 'create_publication', scope: action.scope, publishedOn: today },
  ]);
}
