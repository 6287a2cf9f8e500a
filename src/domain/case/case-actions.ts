// The actions a person takes on a case, each tagged by the name of its transition, with
// the payload as it arrives: strings from people, checked by the deciders.

import type { CalendarDate } from '../calendar-date.ts';
import type { EnforcementAction } from '../vocabulary.ts';

/** A new case's common fields, as the person opening it writes them. */
export interface CaseOpening {
  /** The unit the case belongs to: the applicant's own unit, or the initiating unit. */
  readonly unitId: string;
  readonly title: string;
  /** The conduct in question (履职行为), in the words of the applicant or investigator. */
  readonly conduct: string;
  readonly enforcementAction: EnforcementAction;
}

export interface DecisionPayload {
  readonly meetingDate: CalendarDate;
  readonly members: readonly string[];
  /** An outcome code; a string because it comes from a person and is checked here. */
  readonly conclusion: string;
}

/** An action with its payload, tagged by the transition's name. */
export type CaseAction =
  | ({ readonly kind: 'submit_application' } & CaseOpening)
  | ({ readonly kind: 'initiate'; readonly officerId: string } & CaseOpening)
  | { readonly kind: 'accept' }
  | { readonly kind: 'refuse'; readonly reason: string }
  | { readonly kind: 'complete_investigation' }
  | { readonly kind: 'submit_for_decision' }
  | ({
      readonly kind: 'record_decision';
      readonly departureReason?: string | null;
      /** The related units (相关单位) to notify besides the officer. */
      readonly relatedUnitIds: readonly string[];
    } & DecisionPayload)
  | { readonly kind: 'send_notification'; readonly notificationId: string }
  | { readonly kind: 'publish'; readonly scope: string }
  | { readonly kind: 'raise_objection'; readonly reason: string }
  | { readonly kind: 'review_objection'; readonly result: 'confirm' }
  | ({
      readonly kind: 'review_objection';
      readonly result: 'change';
      readonly reason: string;
    } & DecisionPayload)
  | { readonly kind: 'close'; readonly reason?: string | null }
  | { readonly kind: 'withdraw'; readonly reason?: string | null };

/** The action of one transition. */
export type ActionOf<K extends CaseAction['kind']> = Extract<CaseAction, { kind: K }>;

/** The units an action names (the related units of a decision), for the app to look up. */
export function unitsNamedBy(action: CaseAction): readonly string[] {
  return action.kind === 'record_decision' && Array.isArray(action.relatedUnitIds)
    ? action.relatedUnitIds
    : [];
}
