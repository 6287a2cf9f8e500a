// Writes what a transition changes (the domain's CaseChange), each change as it comes:
// the change carries everything written, so nothing is read back from the case here.

import type { CaseChange } from '../domain/case/case-effects.ts';
import type { Tx } from './transaction.ts';

export interface ChangeContext {
  readonly caseId: string;
  /** Who fired the transition. */
  readonly actorId: string;
  readonly at: Date;
}

export async function writeCaseChange(tx: Tx, change: CaseChange, c: ChangeContext) {
  const { caseId, actorId, at } = c;
  switch (change.kind) {
    case 'create_case':
      // A new case is a row of its own (case.repository.ts insertCase), not a change to one.
      throw new Error('create_case is written by insertCase');
    case 'record_determination':
      await tx
        .updateTable('cases')
        .set({
          determination: JSON.stringify(change.determination),
          submitted_for_decision_on: change.submittedOn,
        })
        .where('id', '=', caseId)
        .execute();
      return;
    case 'record_decision':
      await tx
        .insertInto('decisions')
        .values({
          case_id: caseId,
          meeting_date: change.meetingDate,
          members: [...change.members],
          conclusion: change.conclusion,
          engine_outcome: change.engineOutcome,
          departure_reason: change.departureReason,
          on_review: change.onReview,
          recused_members: JSON.stringify(change.recusedMembers),
          decided_by: actorId,
          decided_at: at,
        })
        .execute();
      return;
    case 'create_notification':
      await tx
        .insertInto('notifications')
        .values({
          case_id: caseId,
          recipient_kind: change.recipientKind,
          recipient: change.recipient,
          from_date: change.deadline.from,
          days: change.deadline.days,
          counting: change.deadline.counting,
          due: change.deadline.due,
          provisional: change.deadline.provisional,
          extended_from: change.deadline.extension?.lastDay ?? null,
          extension_rest: change.deadline.extension?.restDay ?? null,
        })
        .execute();
      return;
    case 'mark_notification_sent':
      await tx
        .updateTable('notifications')
        .set({
          sent_on: change.sentOn,
          sent_at: at,
          sent_by: actorId,
          delivery_method: change.method,
          delivered_to: change.deliveredTo,
          late_reason: change.lateReason,
        })
        .where('id', '=', change.notificationId)
        .where('case_id', '=', caseId)
        .execute();
      return;
    case 'open_objection_period':
      await tx
        .updateTable('cases')
        .set({ objection_due: change.deadline.due })
        .where('id', '=', caseId)
        .execute();
      return;
    case 'create_publication':
      await tx
        .insertInto('publications')
        .values({
          case_id: caseId,
          scope: change.scope,
          published_on: change.publishedOn,
          published_at: at,
          published_by: actorId,
          text: change.text,
          circle: change.audience.circle,
          organ_unit_id: change.audience.organUnitId,
          system_unit_id: change.audience.systemUnitId,
          period_days: change.period.days,
          period_counting: change.period.counting,
          period_end: change.period.due,
          period_provisional: change.period.provisional,
        })
        .execute();
      return;
    case 'create_objection':
      await tx
        .insertInto('objections')
        .values({
          case_id: caseId,
          raised_by: change.raisedBy,
          raised_on: change.raisedOn,
          raised_at: at,
          reason: change.reason,
          due: change.due,
          return_to: change.returnTo,
        })
        .execute();
      return;
    case 'resolve_objection':
      await tx
        .updateTable('objections')
        .set({
          result: change.result,
          reviewed_by: actorId,
          reviewed_on: change.reviewedOn,
          reviewed_at: at,
        })
        .where('case_id', '=', caseId)
        .where('result', 'is', null)
        .execute();
      return;
    case 'create_enforcement_error_record':
      await tx
        .insertInto('enforcement_error_records')
        .values({
          case_id: caseId,
          officer_id: change.officerId,
          article: change.article,
          created_at: at,
        })
        .execute();
      return;
    case 'revoke_enforcement_error_record':
      await tx
        .updateTable('enforcement_error_records')
        .set({ revoked_at: at })
        .where('case_id', '=', caseId)
        .where('officer_id', '=', change.officerId)
        .where('revoked_at', 'is', null)
        .execute();
      return;
    case 'open_correction':
      // The correction object and the unit are the case's (migration 0008).
      await tx
        .insertInto('corrections')
        .columns(['case_id', 'article', 'opened_at', 'officer_id', 'unit_id'])
        .expression((eb) =>
          eb
            .selectFrom('cases')
            .select([
              eb.val(caseId).as('case_id'),
              eb.val(change.article).as('article'),
              eb.val(at).as('opened_at'),
              'officer_id',
              'unit_id',
            ])
            .where('id', '=', caseId),
        )
        .execute();
      return;
    case 'cancel_correction':
      await tx
        .updateTable('corrections')
        .set({ state: 'cancelled' })
        .where('case_id', '=', caseId)
        .where('state', 'not in', ['completed', 'cancelled'])
        .execute();
      return;
    default: {
      const unreachable: never = change;
      throw new Error(`unhandled change ${JSON.stringify(unreachable)}`);
    }
  }
}
