// After the decision: serving each notice (送达告知, which opens the objection period
// with the last one) and publishing the result within a scope the policy lists (公开).

import { formatChineseDate, isCalendarDate, type CalendarDate } from '../calendar-date.ts';
import { computeDeadline } from '../deadline/deadline.ts';
import type { ActionOf } from './case-actions.ts';
import { isBlank, refusal, type CaseError } from './case-errors.ts';
import { succeed, type CaseChange, type TransitionResult } from './case-effects.ts';
import { isPublicationScope } from './case-state.ts';
import {
  composePublication,
  normalizePublicationText,
  personalInformationMessage,
} from './publication.ts';
import { audienceOf } from './publication-audience.ts';
import type { CaseContext, CaseView, NotificationView } from './case-view.ts';
import {
  DELIVERY_METHODS,
  DELIVERY_METHOD_LABELS,
  isDeliveryMethod,
  type DeliveryMethod,
} from '../vocabulary.ts';

/** The delivery of one notice, checked: method, date, recipient and, if late, why. */
function checkDelivery(
  action: ActionOf<'send_notification'>,
  notification: NotificationView,
  meetingDate: CalendarDate | null,
  today: CalendarDate,
):
  | {
      ok: true;
      delivery: {
        sentOn: CalendarDate;
        method: DeliveryMethod;
        deliveredTo: string;
        lateReason: string | null;
      };
    }
  | { ok: false; error: CaseError } {
  const { method, deliveredOn, deliveredTo, lateReason } = action;
  if (!isDeliveryMethod(method)) {
    const names = DELIVERY_METHODS.map((m) => DELIVERY_METHOD_LABELS[m]).join('、');
    return refusal('INVALID_INPUT', `请选择送达方式（${names}）`);
  }
  if (
    typeof deliveredOn !== 'string' ||
    !isCalendarDate(deliveredOn) ||
    deliveredOn > today ||
    (meetingDate !== null && deliveredOn < meetingDate)
  ) {
    const range =
      meetingDate === null
        ? `不晚于${formatChineseDate(today)}`
        : `${formatChineseDate(meetingDate)}（研究决定之日）至${formatChineseDate(today)}之间`;
    return refusal(
      'INVALID_INPUT',
      `送达日期应在${range}：${typeof deliveredOn === 'string' && isCalendarDate(deliveredOn) ? formatChineseDate(deliveredOn) : String(deliveredOn)}`,
    );
  }
  if (isBlank(deliveredTo)) {
    return refusal('INVALID_INPUT', '请填写受送达人（送达单位的，填写签收人）');
  }
  const late = deliveredOn > notification.due;
  if (late && isBlank(lateReason)) {
    return refusal(
      'LATE_REASON_REQUIRED',
      `送达日期${formatChineseDate(deliveredOn)}已超过告知期限${formatChineseDate(notification.due)}，应当说明逾期送达的理由`,
    );
  }
  return {
    ok: true,
    delivery: {
      sentOn: deliveredOn,
      method,
      deliveredTo: deliveredTo.trim(),
      lateReason: late ? lateReason!.trim() : null,
    },
  };
}

/**
 * 送达告知: one notice, by a method, on a day between the decision and today, to a named
 * recipient; a late one says why. The last one opens the objection period.
 */
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
  const delivery = checkDelivery(
    action,
    notification,
    caseView.decision?.meetingDate ?? null,
    today,
  );
  if (!delivery.ok) return delivery;
  const sent: CaseChange = {
    kind: 'mark_notification_sent',
    notificationId,
    ...delivery.delivery,
  };
  const last = caseView.notifications.every((n) => n.sent || n.id === notificationId);
  if (!last) return succeed('send_notification', caseView.state, caseView.state, null, [sent]);
  // The objection period runs from the last notice delivered (the policy's
  // procedure.objection): the latest delivery date, this one's or an earlier notice's.
  const from = caseView.notifications
    .map((n) => n.sentOn ?? null)
    .reduce<CalendarDate>((a, b) => (b !== null && b > a ? b : a), delivery.delivery.sentOn);
  const deadline = computeDeadline(calendar, {
    from,
    days: procedure.objection.days,
    counting: procedure.objection.counting,
  });
  return succeed('send_notification', caseView.state, 'notified', null, [
    sent,
    { kind: 'open_objection_period', deadline },
  ]);
}

/**
 * 公开: within a scope the policy lists, a text free of personal information (the server's
 * redacted draft, or the secretary's edit of it, checked again), shown for the policy's
 * period (公示期) to the readers of the scope's circle.
 */
export function decidePublish(
  caseView: CaseView,
  action: ActionOf<'publish'>,
  context: CaseContext,
): TransitionResult {
  const { procedure, today, calendar, publication } = context;
  if (!isPublicationScope(procedure, action.scope)) {
    return refusal(
      'INVALID_SCOPE',
      `公开范围须为${procedure.publication.scopes.join('、')}之一：${String(action.scope)}`,
    );
  }
  if (publication === undefined)
    throw new Error('decidePublish: the app layer loads the publication');
  const { source, lineage } = publication;
  const text =
    action.text === undefined || action.text === null
      ? composePublication(source).text
      : typeof action.text === 'string'
        ? normalizePublicationText(action.text)
        : '';
  if (text === '') return refusal('INVALID_INPUT', '公示文本不能为空');
  const personal = personalInformationMessage(text, source.known);
  if (personal !== null) return refusal('PERSONAL_INFORMATION_IN_PUBLICATION', personal);
  const { days, counting } = procedure.publication.period;
  return succeed('publish', caseView.state, 'published', null, [
    {
      kind: 'create_publication',
      scope: action.scope,
      publishedOn: today,
      text,
      audience: audienceOf(action.scope, lineage),
      period: computeDeadline(calendar, { from: today, days, counting }),
    },
  ]);
}
