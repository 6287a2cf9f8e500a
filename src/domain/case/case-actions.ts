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
  /** The day of the conduct, or the first day of a conduct over a period. */
  readonly conductDate: CalendarDate;
  /** The last day of a conduct over a period; null or absent for one day. */
  readonly conductEndDate?: CalendarDate | null;
  readonly enforcementAction: EnforcementAction;
  /** 执法领域 and 错误类型, codes of the version's taxonomy; optional at opening (classification.ts). */
  readonly field?: string | null;
  readonly errorType?: string | null;
}

export interface DecisionPayload {
  readonly meetingDate: CalendarDate;
  readonly members: readonly string[];
  /** An outcome code; a string because it comes from a person and is checked here. */
  readonly conclusion: string;
}

/** A member of the deciding body recorded as recused (回避) from the decision. */
export interface RecusedMember {
  readonly name: string;
  readonly reason: string;
}

/** How a notice was delivered (送达), as the secretary records it. */
export interface DeliveryPayload {
  /** A delivery method code (DELIVERY_METHODS); a string because it comes from a person. */
  readonly method: string;
  /** The day it was delivered (送达日期). */
  readonly deliveredOn: string;
  /** 受送达人: the person served; for a unit, the person who signed for it. */
  readonly deliveredTo: string;
  /** Why it is delivered after its due date; required then. */
  readonly lateReason?: string | null;
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
      /** Members of the deciding body who stood aside (回避), with the reason. */
      readonly recusedMembers?: readonly RecusedMember[];
    } & DecisionPayload)
  | ({ readonly kind: 'send_notification'; readonly notificationId: string } & DeliveryPayload)
  | {
      readonly kind: 'publish';
      readonly scope: string;
      /** The text to publish, as the secretary edited it; absent: the server's own draft. */
      readonly text?: string | null;
    }
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
