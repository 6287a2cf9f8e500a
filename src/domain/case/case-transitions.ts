// The case procedure as a pure state machine (第十四至十九条, docs/design/case-procedure.md):
// one table of transitions, one function that decides whether an action may happen and
// what it changes, and the access rules (who may read and do what).
//
// The app layer loads a `CaseView` snapshot, calls `decideTransition`, and persists the
// returned effects (with an audit event) in one transaction, checking the case's version
// (STALE_VERSION) as it writes. Nothing here reads a clock, a file or a database.

import type { CalendarDate } from '../calendar-date.ts';
import { isCalendarDate } from '../calendar-date.ts';
import { computeDeadline, type Deadline } from '../deadline/deadline.ts';
import type { WorkCalendar } from '../deadline/work-calendar.ts';
import type { CompiledPolicy } from '../policy/compile-policy.ts';
import {
  GROUND_LABELS,
  OUTCOME_CODES,
  type OutcomeCode,
  type ProcedureParams,
} from '../policy/policy-model.ts';
import { isBlank, refusal, type CaseError } from './case-errors.ts';
import {
  ASSESSMENT_FACTOR_LABELS,
  ASSESSMENT_FACTORS,
  assertNever,
  CASE_STATE_LABELS,
  isAdminRole,
  isEnforcementAction,
  isPublicationScope,
  type AssessmentFactor,
  type CaseOrigin,
  type CaseRole,
  type CaseState,
  type EnforcementAction,
  type ObjectionReturnState,
  type RecipientKind,
  type Role,
} from './case-state.ts';

// ---------------------------------------------------------------------------------------
// Inputs

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
  /**
   * The engine's determination on the recorded facts under the case's policy version:
   * computed afresh before `submit_for_decision`, the recorded one after it.
   */
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
}

export interface CaseDetermination {
  readonly status: 'determined' | 'undetermined';
  readonly outcome: OutcomeCode | null;
}

export interface NotificationView {
  readonly id: string;
  readonly recipientKind: RecipientKind;
  /** The officer's user id, or the related unit's id. */
  readonly recipient: string;
  readonly due: CalendarDate;
  readonly sent: boolean;
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
}

/** The outcomes of a compiled policy: its grounds in precedence order, then `no_ground`. */
export function outcomeCodesOf(policy: CompiledPolicy): readonly OutcomeCode[] {
  const defined = new Set<OutcomeCode>(policy.grounds.map((g) => g.code));
  defined.add('no_ground');
  return OUTCOME_CODES.filter((code) => defined.has(code));
}

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

// ---------------------------------------------------------------------------------------
// The table

/** Before a case exists: the state the opening transitions start from. */
export const NO_CASE = 'none';
export type FromState = CaseState | typeof NO_CASE;

export interface TransitionDef {
  readonly from: readonly FromState[];
  /** The state after; `previous` returns to `stateBeforeObjection`. */
  readonly to: CaseState | 'previous';
  readonly roles: readonly CaseRole[];
  readonly label: string;
}

/**
 * Every transition of the procedure. `send_notification` moves to `notified` only with
 * the last unsent notification; before that it stays in `decided`.
 */
export const TRANSITIONS = {
  submit_application: {
    from: [NO_CASE],
    to: 'submitted',
    roles: ['officer'],
    label: '提出容错认定申请',
  },
  initiate: { from: [NO_CASE], to: 'investigating', roles: ['investigator'], label: '启动核查' },
  accept: { from: ['submitted'], to: 'investigating', roles: ['investigator'], label: '受理' },
  refuse: { from: ['submitted'], to: 'refused', roles: ['investigator'], label: '不予受理' },
  complete_investigation: {
    from: ['investigating'],
    to: 'assessing',
    roles: ['investigator'],
    label: '完成调查核实',
  },
  submit_for_decision: {
    from: ['assessing'],
    to: 'awaiting_decision',
    roles: ['investigator'],
    label: '提请研究决定',
  },
  record_decision: {
    from: ['awaiting_decision'],
    to: 'decided',
    roles: ['secretary'],
    label: '登记研究决定',
  },
  send_notification: {
    from: ['decided'],
    to: 'notified',
    roles: ['secretary'],
    label: '送达告知',
  },
  publish: { from: ['notified'], to: 'published', roles: ['secretary'], label: '公开' },
  raise_objection: {
    from: ['notified', 'published'],
    to: 'objection_review',
    roles: ['officer'],
    label: '提出异议',
  },
  review_objection: {
    from: ['objection_review'],
    to: 'previous',
    roles: ['secretary'],
    label: '异议复核',
  },
  close: { from: ['notified', 'published'], to: 'closed', roles: ['secretary'], label: '办结' },
  withdraw: {
    from: ['submitted', 'investigating', 'assessing', 'awaiting_decision'],
    to: 'withdrawn',
    roles: ['officer'],
    label: '撤回申请',
  },
} as const satisfies Record<string, TransitionDef>;

export type TransitionName = keyof typeof TRANSITIONS;

export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as readonly TransitionName[];

export function transitionDef(name: TransitionName): TransitionDef {
  return TRANSITIONS[name];
}

export function isTransitionName(value: string): value is TransitionName {
  return Object.hasOwn(TRANSITIONS, value);
}

// ---------------------------------------------------------------------------------------
// Effects

/** One thing to write besides the case's state, tagged by `kind` for the app layer's switch. */
export type CaseChange =
  | {
      readonly kind: 'create_case';
      readonly origin: CaseOrigin;
      readonly unitId: string;
      readonly officerId: string;
      readonly applicantId: string | null;
      readonly title: string;
      readonly conduct: string;
      readonly enforcementAction: EnforcementAction;
    }
  | {
      /** Store the engine's determination with the policy id, version and explanation. */
      readonly kind: 'record_determination';
      readonly outcome: OutcomeCode;
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
      readonly sentOn: CalendarDate;
    }
  | { readonly kind: 'open_objection_period'; readonly deadline: Deadline }
  | {
      readonly kind: 'create_publication';
      readonly scope: string;
      readonly publishedOn: CalendarDate;
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
      readonly result: 'confirmed' | 'changed';
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

// ---------------------------------------------------------------------------------------
// Access

function isAdmin(actor: Actor): boolean {
  return actor.roles.some(isAdminRole);
}

/** Whether the actor may see the case at all. */
export function canRead(caseView: CaseView, actor: Actor): boolean {
  // No account holds an administrator role and a case role; if one did, it sees no case.
  if (isAdmin(actor)) return false;
  return actor.roles.some((role) => roleMayRead(role, caseView, actor));
}

function roleMayRead(role: Role, caseView: CaseView, actor: Actor): boolean {
  switch (role) {
    case 'officer':
      return caseView.officerId === actor.id || caseView.applicantId === actor.id;
    case 'investigator':
    case 'secretary':
    case 'reviewer':
      return actor.inUnitScope;
    case 'sysadmin':
    case 'secadmin':
    case 'auditadmin':
      return false;
    default:
      return assertNever(role);
  }
}

/** Whether the actor, holding `role`, may fire `action` on this case (or open a new one). */
function roleMayAct(
  role: CaseRole,
  caseView: CaseView | null,
  action: TransitionName | 'record',
  actor: Actor,
): boolean {
  switch (role) {
    case 'officer':
      // A new case opened by an officer is about the officer (submit_application).
      if (caseView === null) return true;
      if (action === 'withdraw') {
        return caseView.origin === 'application' && caseView.applicantId === actor.id;
      }
      return caseView.officerId === actor.id;
    case 'investigator':
    case 'secretary':
    case 'reviewer':
      return actor.inUnitScope;
    default:
      return assertNever(role);
  }
}

/**
 * Whether the actor may act on the case in `role`: fire `action`, or (`record`) keep the
 * case's records (facts, evidence, assessment).
 */
export function mayActInRole(
  caseView: CaseView | null,
  actor: Actor,
  role: CaseRole,
  action: TransitionName | 'record',
): boolean {
  if (isAdmin(actor) || !actor.roles.includes(role)) return false;
  if (caseView !== null && !canRead(caseView, actor)) return false;
  return roleMayAct(role, caseView, action, actor);
}

function authorize(
  caseView: CaseView | null,
  action: TransitionName,
  actor: Actor,
): CaseError | null {
  if (isAdmin(actor)) {
    return { code: 'FORBIDDEN', message: '管理员不办理容错案件' };
  }
  const def = TRANSITIONS[action];
  if (def.roles.some((role) => mayActInRole(caseView, actor, role, action))) return null;
  return { code: 'FORBIDDEN', message: `无权${def.label}` };
}

// ---------------------------------------------------------------------------------------
// Guards that do not depend on the payload (used by `allowedActions` as well)

function caseGuard(
  caseView: CaseView | null,
  action: TransitionName,
  context: CaseContext,
): CaseError | null {
  if (caseView === null) return null;
  switch (action) {
    case 'submit_application':
    case 'initiate':
    case 'accept':
    case 'refuse':
    case 'send_notification':
    case 'publish':
      return null;
    case 'close':
      // Closing inside the objection period would take away the party's right to object.
      if (caseView.objectionDue !== null && context.today <= caseView.objectionDue) {
        return {
          code: 'OBJECTION_PERIOD_OPEN',
          message: `异议期限至 ${caseView.objectionDue} 届满，期满后方可办结`,
        };
      }
      return null;
    case 'withdraw':
      return null;
    case 'complete_investigation':
      return determinedGuard(caseView);
    case 'submit_for_decision': {
      const missing = ASSESSMENT_FACTORS.filter((f) => !caseView.recordedFactors.includes(f));
      if (missing.length > 0) {
        const labels = missing.map((f) => ASSESSMENT_FACTOR_LABELS[f]).join('、');
        return { code: 'ASSESSMENT_INCOMPLETE', message: `综合分析研判尚缺：${labels}` };
      }
      return determinedGuard(caseView);
    }
    case 'record_decision':
      return determinedGuard(caseView);
    case 'raise_objection':
      if (caseView.objectionDue === null || context.today > caseView.objectionDue) {
        const due = caseView.objectionDue ?? '（未起算）';
        return { code: 'DEADLINE_PASSED', message: `异议期限已届满（${due}）` };
      }
      return null;
    case 'review_objection':
      if (caseView.stateBeforeObjection === null || caseView.decision === null) {
        return { code: 'INVALID_TRANSITION', message: '案件缺少异议前的状态或原结论' };
      }
      return null;
    default:
      return assertNever(action);
  }
}

function determinedGuard(caseView: CaseView): CaseError | null {
  if (caseView.determination.status === 'determined' && caseView.determination.outcome !== null) {
    return null;
  }
  return { code: 'MISSING_FACTS', message: '已记录的事实尚不足以得出认定结论' };
}

function checkAllowed(
  caseView: CaseView | null,
  action: TransitionName,
  actor: Actor,
  context: CaseContext,
): CaseError | null {
  // Who before what: an actor without the right learns nothing about the case's state.
  const denied = authorize(caseView, action, actor);
  if (denied) return denied;
  const from: FromState = caseView?.state ?? NO_CASE;
  const def: TransitionDef = TRANSITIONS[action];
  if (!def.from.includes(from)) {
    const where = from === NO_CASE ? '案件尚未建立' : `案件${CASE_STATE_LABELS[from]}`;
    return { code: 'INVALID_TRANSITION', message: `${where}，不能${def.label}` };
  }
  return caseGuard(caseView, action, context);
}

/**
 * The transitions the actor may fire now, for the interface's buttons: role, unit, state
 * and the guards that need no payload (facts, assessment, objection period) all pass.
 * Pass `null` for the "new case" page.
 */
export function allowedActions(
  caseView: CaseView | null,
  actor: Actor,
  context: CaseContext,
): readonly TransitionName[] {
  return TRANSITION_NAMES.filter((name) => checkAllowed(caseView, name, actor, context) === null);
}

// ---------------------------------------------------------------------------------------
// 第十五条 and 第十六条

/** 第十五条: an enforcement error record is created unless the conclusion is one of the grounds listed. */
export function needsEnforcementErrorRecord(
  procedure: ProcedureParams,
  conclusion: OutcomeCode,
): boolean {
  return !(procedure.notEnforcementError.grounds as readonly OutcomeCode[]).includes(conclusion);
}

/** 第十六条: a correction opens for the conclusions listed. */
export function opensCorrection(procedure: ProcedureParams, conclusion: OutcomeCode): boolean {
  return (procedure.correction.opensOn as readonly OutcomeCode[]).includes(conclusion);
}

/** The records to create or revoke when the conclusion goes from `before` (null: none yet) to `after`. */
function conclusionChanges(
  procedure: ProcedureParams,
  officerId: string,
  before: OutcomeCode | null,
  after: OutcomeCode,
): CaseChange[] {
  const changes: CaseChange[] = [];
  const errorArticle = procedure.notEnforcementError.article;
  const hadError = before !== null && needsEnforcementErrorRecord(procedure, before);
  const hasError = needsEnforcementErrorRecord(procedure, after);
  if (hasError && !hadError) {
    changes.push({ kind: 'create_enforcement_error_record', officerId, article: errorArticle });
  } else if (hadError && !hasError) {
    changes.push({ kind: 'revoke_enforcement_error_record', officerId, article: errorArticle });
  }
  const correctionArticle = procedure.correction.article;
  const hadCorrection = before !== null && opensCorrection(procedure, before);
  const hasCorrection = opensCorrection(procedure, after);
  if (hasCorrection && !hadCorrection) {
    changes.push({ kind: 'open_correction', article: correctionArticle });
  } else if (hadCorrection && !hasCorrection) {
    changes.push({ kind: 'cancel_correction', article: correctionArticle });
  }
  return changes;
}

// ---------------------------------------------------------------------------------------
// The decision

/**
 * Whether `action` may happen to the case (`null`: a case not yet created) by `actor`
 * today, and if so what to persist. A refusal changes nothing and carries a stable code,
 * checked in this order: FORBIDDEN (role, unit, own case, administrator),
 * INVALID_TRANSITION (state), the payload-free guards (MISSING_FACTS,
 * ASSESSMENT_INCOMPLETE, DEADLINE_PASSED), then the payload's.
 */
export function decideTransition(
  caseView: CaseView | null,
  action: CaseAction,
  actor: Actor,
  context: CaseContext,
): TransitionResult {
  const refused = checkAllowed(caseView, action.kind, actor, context);
  if (refused) return { ok: false, error: refused };
  // checkAllowed has placed every action but the two openings on an existing case.
  switch (action.kind) {
    case 'submit_application':
      return open(action, 'application', actor.id, actor.id);
    case 'initiate':
      if (isBlank(action.officerId)) return refusal('INVALID_INPUT', '请指定被核查的执法人员');
      return open(action, 'initiation', action.officerId, null);
    default:
      return decideOnCase(existing(caseView), action, actor, context);
  }
}

function existing(caseView: CaseView | null): CaseView {
  if (caseView === null) throw new Error('unreachable: the table places this action on a case');
  return caseView;
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

function decideOnCase(
  caseView: CaseView,
  action: Exclude<CaseAction, { kind: 'submit_application' | 'initiate' }>,
  actor: Actor,
  context: CaseContext,
): TransitionResult {
  const { state: from } = caseView;
  const { today, procedure } = context;
  switch (action.kind) {
    case 'accept':
      return succeed('accept', from, 'investigating', null, []);
    case 'refuse':
      if (isBlank(action.reason)) return refusal('REASON_REQUIRED', '不予受理应当说明理由');
      return succeed('refuse', from, 'refused', action.reason.trim(), []);
    case 'complete_investigation':
      return succeed('complete_investigation', from, 'assessing', null, []);
    case 'submit_for_decision':
      return succeed('submit_for_decision', from, 'awaiting_decision', null, [
        // The guard has made sure the determination is determined with an outcome.
        { kind: 'record_determination', outcome: caseView.determination.outcome! },
      ]);
    case 'record_decision':
      return recordDecision(caseView, action, context);
    case 'send_notification':
      return sendNotification(caseView, action.notificationId, context);
    case 'publish':
      if (!isPublicationScope(procedure, action.scope)) {
        return refusal(
          'INVALID_SCOPE',
          `公开范围须为${procedure.publication.scopes.join('、')}之一：${String(action.scope)}`,
        );
      }
      return succeed('publish', from, 'published', null, [
        { kind: 'create_publication', scope: action.scope, publishedOn: today },
      ]);
    case 'raise_objection':
      if (isBlank(action.reason)) return refusal('REASON_REQUIRED', '提出异议应当说明理由');
      return succeed('raise_objection', from, 'objection_review', action.reason.trim(), [
        {
          kind: 'create_objection',
          raisedBy: actor.id,
          raisedOn: today,
          reason: action.reason.trim(),
          // The guard has checked both against today.
          due: caseView.objectionDue!,
          returnTo: objectionReturnState(from),
        },
      ]);
    case 'review_objection':
      return reviewObjection(caseView, action, context);
    case 'close':
      if (from === 'notified' && isBlank(action.reason)) {
        return refusal('REASON_REQUIRED', '不予公开而办结的，应当说明理由');
      }
      return succeed(
        'close',
        from,
        'closed',
        isBlank(action.reason) ? null : action.reason!.trim(),
        [],
      );
    case 'withdraw':
      return succeed(
        'withdraw',
        from,
        'withdrawn',
        isBlank(action.reason) ? null : action.reason!.trim(),
        [],
      );
    default:
      return assertNever(action);
  }
}

function objectionReturnState(state: CaseState): ObjectionReturnState {
  switch (state) {
    case 'notified':
    case 'published':
      return state;
    case 'submitted':
    case 'investigating':
    case 'assessing':
    case 'awaiting_decision':
    case 'decided':
    case 'objection_review':
    case 'closed':
    case 'refused':
    case 'withdrawn':
      throw new Error(`unreachable: no objection from ${state}`);
    default:
      return assertNever(state);
  }
}

/** Checks a committee decision's payload; the conclusion as an outcome code, or a refusal. */
function checkDecisionPayload(
  payload: DecisionPayload,
  context: CaseContext,
): { ok: true; conclusion: OutcomeCode } | { ok: false; error: CaseError } {
  const { meetingDate, members, conclusion } = payload;
  if (typeof meetingDate !== 'string' || !isCalendarDate(meetingDate)) {
    return refusal('INVALID_INPUT', `会议日期无效：${String(meetingDate)}`);
  }
  if (meetingDate > context.today) {
    return refusal('INVALID_INPUT', `会议日期不能晚于今天：${meetingDate}`);
  }
  if (!Array.isArray(members) || members.length === 0 || members.some(isBlank)) {
    return refusal('INVALID_INPUT', '请列明参会人员');
  }
  const outcome = context.outcomes.find((code) => code === conclusion);
  if (outcome === undefined) {
    return refusal('INVALID_CONCLUSION', `认定结论不是本制度的认定结果：${String(conclusion)}`);
  }
  return { ok: true, conclusion: outcome };
}

function recordDecision(
  caseView: CaseView,
  action: Extract<CaseAction, { kind: 'record_decision' }>,
  context: CaseContext,
): TransitionResult {
  const checked = checkDecisionPayload(action, context);
  if (!checked.ok) return checked;
  const { conclusion } = checked;
  const engineOutcome = caseView.determination.outcome;
  const departs = conclusion !== engineOutcome;
  if (departs && isBlank(action.departureReason)) {
    return refusal(
      'DEPARTURE_REASON_REQUIRED',
      `研究决定（${GROUND_LABELS[conclusion]}）与系统认定（${engineOutcome === null ? '无' : GROUND_LABELS[engineOutcome]}）不一致，应当说明理由`,
    );
  }
  const related = action.relatedUnitIds;
  if (
    !Array.isArray(related) ||
    related.some(isBlank) ||
    new Set(related).size !== related.length
  ) {
    return refusal('INVALID_INPUT', '相关单位列表有空项或重复');
  }
  const { procedure, calendar } = context;
  // 告知: counted from the decision, i.e. the committee's meeting, not the day it is entered.
  const deadline = computeDeadline(calendar, {
    from: action.meetingDate,
    days: procedure.notification.days,
    counting: procedure.notification.counting,
  });
  const recipients: { recipientKind: RecipientKind; recipient: string }[] = [
    { recipientKind: 'party', recipient: caseView.officerId },
    ...related.map((unitId) => ({ recipientKind: 'unit' as const, recipient: unitId })),
  ];
  return succeed('record_decision', caseView.state, 'decided', null, [
    {
      kind: 'record_decision',
      meetingDate: action.meetingDate,
      members: action.members.map((m) => m.trim()),
      conclusion,
      engineOutcome,
      departureReason: departs ? action.departureReason!.trim() : null,
      onReview: false,
    },
    ...recipients.map((r): CaseChange => ({ kind: 'create_notification', ...r, deadline })),
    ...conclusionChanges(procedure, caseView.officerId, null, conclusion),
  ]);
}

function sendNotification(
  caseView: CaseView,
  notificationId: string,
  context: CaseContext,
): TransitionResult {
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

function reviewObjection(
  caseView: CaseView,
  action: Extract<CaseAction, { kind: 'review_objection' }>,
  context: CaseContext,
): TransitionResult {
  // The guard has made sure both are there.
  const back = caseView.stateBeforeObjection!;
  const before = caseView.decision!.conclusion;
  const { today, procedure } = context;
  switch (action.result) {
    case 'confirm':
      return succeed('review_objection', caseView.state, back, null, [
        { kind: 'resolve_objection', result: 'confirmed', reviewedOn: today },
      ]);
    case 'change': {
      const checked = checkDecisionPayload(action, context);
      if (!checked.ok) return checked;
      const { conclusion } = checked;
      if (conclusion === before) {
        return refusal('INVALID_CONCLUSION', '变更后的结论与原结论相同；维持原结论请选择“维持”');
      }
      if (isBlank(action.reason)) return refusal('REASON_REQUIRED', '变更结论应当说明理由');
      const reason = action.reason.trim();
      const engineOutcome = caseView.determination.outcome;
      return succeed('review_objection', caseView.state, back, reason, [
        { kind: 'resolve_objection', result: 'changed', reviewedOn: today },
        {
          kind: 'record_decision',
          meetingDate: action.meetingDate,
          members: action.members.map((m) => m.trim()),
          conclusion,
          engineOutcome,
          departureReason: conclusion === engineOutcome ? null : reason,
          onReview: true,
        },
        // 第十五、十六条 apply again, to the new conclusion.
        ...conclusionChanges(procedure, caseView.officerId, before, conclusion),
      ]);
    }
    default:
      return assertNever(action);
  }
}

function succeed(
  action: TransitionName,
  from: FromState,
  state: CaseState,
  reason: string | null,
  changes: readonly CaseChange[],
): TransitionResult {
  return { ok: true, effects: { action, from, state, reason, changes } };
}
