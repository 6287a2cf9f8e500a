// The deadlines a case has open in its state: the notices (告知) not yet served of a
// decided case, the objection period (异议期限) of a notified or published one.

import { assertNever } from '../assert-never.ts';
import type { OpenDeadline } from '../deadline/deadline-watch.ts';
import type { CaseView, NotificationView } from './case-view.ts';

/** What the deadlines of a case depend on: a CaseView has it all. */
export interface DeadlineSubject extends Pick<
  CaseView,
  'id' | 'unitId' | 'state' | 'objectionDue' | 'officerId'
> {
  readonly notifications: readonly Pick<NotificationView, 'id' | 'due' | 'sent'>[];
}

/** The states in which a case may have a deadline open. */
export const STATES_WITH_DEADLINES = ['decided', 'notified', 'published'] as const;

/** The deadlines a case has open in its current state. */
export function openDeadlinesOf(caseView: DeadlineSubject): readonly OpenDeadline[] {
  const base = { caseId: caseView.id, unitId: caseView.unitId };
  switch (caseView.state) {
    case 'decided':
      return caseView.notifications
        .filter((n) => !n.sent)
        .map((n) => ({
          ...base,
          kind: 'notification' as const,
          due: n.due,
          userId: null,
          notificationId: n.id,
        }));
    case 'notified':
    case 'published':
      if (caseView.objectionDue === null) return [];
      return [
        {
          ...base,
          kind: 'objection',
          due: caseView.objectionDue,
          userId: caseView.officerId,
          notificationId: null,
        },
      ];
    case 'submitted':
    case 'investigating':
    case 'assessing':
    case 'awaiting_decision':
    case 'objection_review':
    case 'closed':
    case 'refused':
    case 'withdrawn':
      return [];
    default:
      return assertNever(caseView.state);
  }
}
