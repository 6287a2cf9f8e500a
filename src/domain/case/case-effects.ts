// What a transition changes, as complete data: the app layer writes each change as it
// is, without going back to the case for anything the change does not carry.

import type { CalendarDate } from '../calendar-date.ts';
import type { Deadline } from '../deadline/deadline.ts';
import type { OutcomeCode } from '../policy/policy-model.ts';
import type { RecusedMember } from './case-actions.ts';
import type { CaseError } from './case-errors.ts';
import type { ObjectionReturnState } from './case-state.ts';
import type { PublicationAudience } from './publication-audience.ts';
import type { FromState, TransitionName } from './case-transitions.ts';
import type { CaseDetermination } from './case-view.ts';
import type {
  CaseOrigin,
  CaseState,
  DeliveryMethod,
  EnforcementAction,
  ObjectionResult,
  RecipientKind,
} from '../vocabulary.ts';

/** One thing to write besides the case's state, tagged by `kind` for the effect writer's switch. */
export type CaseChange =
  | {
      readonly kind: 'create_case';
      readonly origin: CaseOrigin;
      readonly unitId: string;
      readonly officerId: string;
      readonly applicantId: string | null;
      readonly title: string;
      readonly conduct: string;
      readonly conductDate: CalendarDate;
      readonly conductEndDate: CalendarDate | null;
      readonly enforcementAction: EnforcementAction;
      readonly field: string | null;
      readonly errorType: string | null;
    }
  | {
      /** The engine's determination as the deciding body receives it, with policy version and explanation. */
      readonly kind: 'record_determination';
      readonly determination: CaseDetermination;
      /** The day the case goes to the deciding body: the earliest a meeting may be dated. */
      readonly submittedOn: CalendarDate;
    }
  | {
      /** A row of `decisions`; an objection review that changes the conclusion appends one. */
      readonly kind: 'record_decision';
      readonly meetingDate: CalendarDate;
      readonly members: readonly string[];
      readonly conclusion: OutcomeCode;
      readonly engineOutcome: OutcomeCode | null;
      readonly departureReason: string | null;
      readonly onReview: boolean;
      /** Members recorded as recused (回避) from the decision. */
      readonly recusedMembers: readonly RecusedMember[];
    }
  | {
      readonly kind: 'create_notification';
      readonly recipientKind: RecipientKind;
      readonly recipient: string;
      /** from = the decision date; days and counting per the policy; `provisional` to keep. */
      readonly deadline: Deadline;
    }
  | {
      readonly kind: 'mark_notification_sent';
      readonly notificationId: string;
      /** The delivery date (送达日期). */
      readonly sentOn: CalendarDate;
      readonly method: DeliveryMethod;
      /** 受送达人. */
      readonly deliveredTo: string;
      /** Why it was delivered after its due date; null when it was not late. */
      readonly lateReason: string | null;
    }
  | { readonly kind: 'open_objection_period'; readonly deadline: Deadline }
  | {
      readonly kind: 'create_publication';
      readonly scope: string;
      readonly publishedOn: CalendarDate;
      /** The text published, checked free of personal information. */
      readonly text: string;
      /** Who reads it: the circle of the scope, in the case's organ and system that day. */
      readonly audience: PublicationAudience;
      /** 公示期: from the day of publication, per the policy's procedure.publication.period. */
      readonly period: Deadline;
    }
  | {
      readonly kind: 'create_objection';
      readonly raisedBy: string;
      readonly raisedOn: CalendarDate;
      readonly reason: string;
      readonly due: CalendarDate;
      readonly returnTo: ObjectionReturnState;
    }
  | {
      readonly kind: 'resolve_objection';
      readonly result: ObjectionResult;
      readonly reviewedOn: CalendarDate;
    }
  /** 第十五条 (numbered per policy): the officer gets an enforcement error record … */
  | {
      readonly kind: 'create_enforcement_error_record';
      readonly officerId: string;
      readonly article: number;
    }
  /** … or loses it when a review changes the conclusion to a ground that excludes it. */
  | {
      readonly kind: 'revoke_enforcement_error_record';
      readonly officerId: string;
      readonly article: number;
    }
  /** 第十六条: a correction (纠错) opens, or is cancelled when a review changes the conclusion. */
  | { readonly kind: 'open_correction'; readonly article: number }
  | { readonly kind: 'cancel_correction'; readonly article: number };

export interface TransitionEffects {
  readonly action: TransitionName;
  readonly from: FromState;
  /** The state after the action; equal to `from` for a notification that is not the last. */
  readonly state: CaseState;
  /** The reason given (refusal, objection, change, closing without publication, withdrawal). */
  readonly reason: string | null;
  readonly changes: readonly CaseChange[];
}

export type TransitionResult =
  | { readonly ok: true; readonly effects: TransitionEffects }
  | { readonly ok: false; readonly error: CaseError };

export function succeed(
  action: TransitionName,
  from: FromState,
  state: CaseState,
  reason: string | null,
  changes: readonly CaseChange[],
): TransitionResult {
  return { ok: true, effects: { action, from, state, reason, changes } };
}
