// What the case procedure's state machine knows about a case, about the person acting
// and about the day it acts on. The app layer loads these values; nothing here reads a
// clock, a file or a database.

import type { CalendarDate } from '../calendar-date.ts';
import type { WorkCalendar } from '../deadline/work-calendar.ts';
import type { CompiledPolicy } from '../policy/compile-policy.ts';
import type { Evaluation } from '../policy/evaluate.ts';
import type { Explanation } from '../policy/explain.ts';
import { OUTCOME_CODES, type OutcomeCode, type ProcedureParams } from '../policy/policy-model.ts';
import type { ObjectionReturnState } from './case-state.ts';
import type { PublicationSource } from './publication.ts';
import type { LineageUnit } from '../account/unit-scope.ts';
import type {
  AssessmentFactor,
  CaseOrigin,
  CaseState,
  RecipientKind,
  ReviewKind,
  Role,
} from '../vocabulary.ts';

/**
 * The engine's determination on a case's facts under the case's own policy version, with
 * its explanation: live while the case is investigated and assessed, stored as it was
 * when the case went to the deciding body (`submit_for_decision`).
 */
export interface CaseDetermination extends Evaluation {
  readonly policy: string;
  readonly policyVersion: number;
  /** The day it was computed (live) or recorded. */
  readonly asOf: CalendarDate;
  readonly explanation: Explanation;
}

export interface NotificationView {
  readonly id: string;
  readonly recipientKind: RecipientKind;
  /** The officer's user id, or the related unit's id. */
  readonly recipient: string;
  readonly due: CalendarDate;
  readonly sent: boolean;
  /**
   * The delivery date (送达日期) once sent; the objection period runs from the last one.
   * Absent where the sender does not matter (a view built for another step).
   */
  readonly sentOn?: CalendarDate | null;
}

/** A review opinion recorded before the decision (法制审核意见, 纪检监察意见). */
export interface ReviewView {
  readonly kind: ReviewKind;
  /** Whether the reviewer agrees with the engine's determination. */
  readonly agrees: boolean;
}

/** What the state machine needs to know about a case; loaded by the app layer. */
export interface CaseView {
  readonly id: string;
  readonly state: CaseState;
  readonly origin: CaseOrigin;
  readonly unitId: string;
  /** The officer whose conduct the case is about. */
  readonly officerId: string;
  /** The officer who applied (origin `application`); null for an initiated case. */
  readonly applicantId: string | null;
  /** The factors of 综合分析研判 recorded with a finding. */
  readonly recordedFactors: readonly AssessmentFactor[];
  /** Live before `submit_for_decision`, the recorded one after it. */
  readonly determination: CaseDetermination;
  /** The committee's current conclusion (the latest decision row); null before the decision. */
  readonly decision: {
    readonly conclusion: OutcomeCode;
    readonly meetingDate: CalendarDate;
  } | null;
  readonly notifications: readonly NotificationView[];
  /** The last day an objection may be raised; set when the last notification is sent. */
  readonly objectionDue: CalendarDate | null;
  /** The state an objection was raised from, to return to after review. */
  readonly stateBeforeObjection: ObjectionReturnState | null;
  /** The day the case went to the deciding body (submit_for_decision); null before. */
  readonly submittedForDecisionOn: CalendarDate | null;
  /** The people recused from the case (回避): they may not act on it in any role. */
  readonly recusedIds: readonly string[];
  /** The review opinions recorded on the case. */
  readonly reviews: readonly ReviewView[];
  /** 执法领域, a code of the version's taxonomy (classification.ts); null until classified. */
  readonly field: string | null;
  /** 错误类型, a code of the version's taxonomy; null until classified. */
  readonly errorType: string | null;
}

export interface Actor {
  readonly id: string;
  readonly roles: readonly Role[];
  /**
   * Whether the case's unit (for a case not yet created: the unit it is to belong to) is
   * the actor's unit or one of its descendants. The unit tree is the app layer's to walk.
   */
  readonly inUnitScope: boolean;
}

export interface CaseContext {
  /** Today in China Standard Time (`todayInChina`). */
  readonly today: CalendarDate;
  /** The procedure parameters of the case's policy version. */
  readonly procedure: ProcedureParams;
  /** The outcome codes a conclusion may take under the case's policy version (`outcomeCodesOf`). */
  readonly outcomes: readonly OutcomeCode[];
  readonly calendar: WorkCalendar;
  /**
   * Of the units the action names (the related units of a decision), those that exist:
   * the app layer looks them up, the decision refuses the others.
   */
  readonly knownUnitIds: ReadonlySet<string>;
  /**
   * The units of the case's system (本系统, `systemOf`), among which a decision's related
   * units are chosen; loaded by the app layer for the decision only, empty otherwise.
   */
  readonly systemUnitIds: ReadonlySet<string>;
  /**
   * The names of the people who may not sit on the deciding body for this case: the
   * officer concerned and the people recused (回避). Loaded for the decision only.
   */
  readonly excludedMembers: readonly ExcludedMember[];
  /**
   * What a publication is composed from and who it reaches (publication.ts): loaded by the
   * app layer for `publish` only.
   */
  readonly publication?: PublicationContext;
}

/** The case as a publication draws on it, and the lineage of the case's unit. */
export interface PublicationContext {
  readonly source: PublicationSource;
  /** The case's unit, then its ancestors up to the root (for 本单位 and 本系统). */
  readonly lineage: readonly LineageUnit[];
}

/** A name the decision's members present may not include, and why. */
export interface ExcludedMember {
  readonly name: string;
  readonly why: 'officer' | 'recused';
}

/** The outcomes of a compiled policy: its grounds in precedence order, then `no_ground`. */
export function outcomeCodesOf(policy: CompiledPolicy): readonly OutcomeCode[] {
  const defined = new Set<OutcomeCode>(policy.grounds.map((g) => g.code));
  defined.add('no_ground');
  return OUTCOME_CODES.filter((code) => defined.has(code));
}
