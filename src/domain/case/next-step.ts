// What comes next on a case (第十四条's procedure, docs/design/case-procedure.md): the
// step, who takes it, by when, and what a party may do meanwhile; or, for a case that has
// ended, why nothing comes next. The case page shows it, and the to-do list (我的待办,
// worklist.ts) is exactly the cases whose next step the reader may take now: one rule.

import type { CaseRole } from '../account/roles.ts';
import { assertNever } from '../assert-never.ts';
import { addDays, type CalendarDate } from '../calendar-date.ts';
import { computeDeadline } from '../deadline/deadline.ts';
import { checkAllowed } from './case-guards.ts';
import { isClassified } from './classification.ts';
import {
  checkRecordAccess,
  RECORD_KEEPER,
  RECORD_KINDS,
  RECORD_STATES,
  type RecordKind,
} from './case-records.ts';
import {
  TRANSITION_NAMES,
  TRANSITIONS,
  type FromState,
  type TransitionName,
} from './case-transitions.ts';
import { checkReviewAccess, missingReviews, REVIEW_STATE, REVIEWER } from './case-reviews.ts';
import type { Actor, CaseContext, CaseView } from './case-view.ts';
import {
  ASSESSMENT_FACTORS,
  ASSESSMENT_FACTOR_LABELS,
  REVIEW_KIND_LABELS,
  type CaseState,
  type RecipientKind,
  type ReviewKind,
} from '../vocabulary.ts';

/**
 * The transitions that are a party's right rather than a step of the procedure: the
 * applicant may withdraw before the decision, the officer concerned may object within
 * the objection period. Nobody must take them, so they are on no one's to-do list.
 */
export const PARTY_RIGHTS = ['withdraw', 'raise_objection'] as const;
type PartyRight = (typeof PARTY_RIGHTS)[number];

function isPartyRight(name: TransitionName): name is PartyRight {
  return (PARTY_RIGHTS as readonly TransitionName[]).includes(name);
}

/** The transitions that take a case on from `state`: every one but the parties' rights. */
export function stepTransitions(state: FromState): readonly TransitionName[] {
  return TRANSITION_NAMES.filter(
    (name) =>
      !isPartyRight(name) && (TRANSITIONS[name].from as readonly FromState[]).includes(state),
  );
}

/** The records kept in `state` as part of its step (facts and evidence, the assessment). */
export function stepRecords(state: CaseState): readonly RecordKind[] {
  return RECORD_KINDS.filter((k) => RECORD_STATES[k] === state);
}

/**
 * The roles that take the step of a case in `state`: the transitions', the records' and,
 * before the decision, the reviewers' (法制审核).
 */
export function stepRoles(state: CaseState): readonly CaseRole[] {
  const roles = new Set<CaseRole>();
  for (const name of stepTransitions(state)) for (const r of TRANSITIONS[name].roles) roles.add(r);
  if (stepRecords(state).length > 0) roles.add(RECORD_KEEPER);
  if (state === REVIEW_STATE) roles.add(REVIEWER);
  return [...roles];
}

/** Who takes a step: the holders of a role over the case's unit, or the officer concerned. */
export type StepParty =
  | { readonly kind: 'role'; readonly role: CaseRole; readonly unitId: string }
  | { readonly kind: 'officer'; readonly userId: string; readonly applicant: boolean };

/** A date the step or the case runs against. */
export type StepDate =
  | {
      readonly kind: 'notification';
      readonly date: CalendarDate;
      readonly recipientKind: RecipientKind;
      readonly recipient: string;
    }
  /** The last day an objection may be raised. */
  | { readonly kind: 'objection'; readonly date: CalendarDate }
  /** The last day of the publication period (公示期). */
  | { readonly kind: 'publication'; readonly date: CalendarDate };

/** A party's right open meanwhile: to withdraw (before the decision), to object (until a date). */
export interface OpenRight {
  readonly action: PartyRight;
  readonly by: StepParty;
  /** The last day it may be exercised; null when it lasts until a step (the decision). */
  readonly until: CalendarDate | null;
}

export interface PendingStep {
  readonly kind: 'step';
  readonly state: CaseState;
  /** The step in words: 受理或不予受理, 送达告知（还有2份）, 异议期限届满后办结 … */
  readonly step: string;
  /** What is still missing for it, in words; null when nothing is. */
  readonly detail: string | null;
  readonly by: StepParty;
  /** The transitions that take it, and the records kept for it. */
  readonly actions: readonly TransitionName[];
  readonly records: readonly RecordKind[];
  /** The review opinions the policy requires and the case lacks (法制审核), recorded for it. */
  readonly reviews: readonly ReviewKind[];
  /**
   * The due dates the case has for it, earliest first; empty when the procedure sets no
   * time limit for the step (none is invented).
   */
  readonly dates: readonly StepDate[];
  /** The first day the step may be taken, when that is not today (closing after the objection period). */
  readonly notBefore: CalendarDate | null;
  readonly rights: readonly OpenRight[];
}

export interface EndedCase {
  readonly kind: 'ended';
  readonly state: CaseState;
  /** Why nothing comes next. */
  readonly reason: string;
}

export type NextStep = PendingStep | EndedCase;

/** What the next step reads beyond the view: the day the case was published, if it was. */
export interface NextStepExtras {
  readonly publishedOn: CalendarDate | null;
}

const NO_EXTRAS: NextStepExtras = { publishedOn: null };

/** Each review as a step of the procedure. */
const REVIEW_STEPS: Readonly<Record<ReviewKind, string>> = {
  legal: '法制审核',
  discipline: '纪检审核',
};

function unitRole(caseView: CaseView, role: CaseRole): StepParty {
  return { kind: 'role', role, unitId: caseView.unitId };
}

function officerOf(caseView: CaseView): StepParty {
  return { kind: 'officer', userId: caseView.officerId, applicant: false };
}

/** The applicant's right to withdraw, before the decision, for an application. */
function withdrawal(caseView: CaseView): readonly OpenRight[] {
  if (caseView.origin !== 'application' || caseView.applicantId === null) return [];
  return [
    {
      action: 'withdraw',
      by: { kind: 'officer', userId: caseView.applicantId, applicant: true },
      until: null,
    },
  ];
}

/** Whether the objection period is open today. */
function objectionOpen(caseView: CaseView, today: CalendarDate): boolean {
  return caseView.objectionDue !== null && today <= caseView.objectionDue;
}

function objectionRight(caseView: CaseView, today: CalendarDate): readonly OpenRight[] {
  if (!objectionOpen(caseView, today)) return [];
  return [{ action: 'raise_objection', by: officerOf(caseView), until: caseView.objectionDue }];
}

function step(
  caseView: CaseView,
  fields: Pick<PendingStep, 'step' | 'by'> & Partial<PendingStep>,
): PendingStep {
  return {
    kind: 'step',
    state: caseView.state,
    detail: null,
    actions: stepTransitions(caseView.state),
    records: stepRecords(caseView.state),
    reviews: [],
    dates: [],
    notBefore: null,
    rights: [],
    ...fields,
  };
}

/** The objection period's end and the publication period's, as far as the case has them. */
function periodDates(caseView: CaseView, context: CaseContext, extras: NextStepExtras): StepDate[] {
  const dates: StepDate[] = [];
  if (caseView.objectionDue !== null)
    dates.push({ kind: 'objection', date: caseView.objectionDue });
  if (extras.publishedOn !== null) {
    const { days, counting } = context.procedure.publication.period;
    const end = computeDeadline(context.calendar, { from: extras.publishedOn, days, counting });
    dates.push({ kind: 'publication', date: end.due });
  }
  return dates.sort((a, b) => a.date.localeCompare(b.date));
}

/** What comes next on the case, today. */
export function nextStep(
  caseView: CaseView,
  context: CaseContext,
  extras: NextStepExtras = NO_EXTRAS,
): NextStep {
  const { today } = context;
  const ended = (reason: string): EndedCase => ({ kind: 'ended', state: caseView.state, reason });
  switch (caseView.state) {
    case 'submitted':
      return step(caseView, {
        step: '受理或不予受理',
        by: unitRole(caseView, 'investigator'),
        rights: withdrawal(caseView),
      });
    case 'investigating': {
      const { status, missing } = caseView.determination;
      const settled = status === 'determined';
      return step(caseView, {
        step: settled ? '完成调查核实' : '调查核实并记录事实',
        detail: settled
          ? '已记录的事实足以得出认定结论'
          : `尚缺 ${missing.length} 项事实，才能得出认定结论`,
        by: unitRole(caseView, 'investigator'),
        rights: withdrawal(caseView),
      });
    }
    case 'assessing': {
      const missing = ASSESSMENT_FACTORS.filter((f) => !caseView.recordedFactors.includes(f));
      // 第十八条's warnings count decided cases by field and error type: chosen before.
      const unclassified = isClassified(caseView) ? '' : '；提请前须选定执法领域和错误类型';
      return step(caseView, {
        step: missing.length === 0 ? '提请研究决定' : '综合分析研判',
        detail:
          (missing.length === 0
            ? '综合分析研判六个方面均已记录'
            : `尚缺：${missing.map((f) => ASSESSMENT_FACTOR_LABELS[f]).join('、')}`) + unclassified,
        by: unitRole(caseView, 'investigator'),
        rights: withdrawal(caseView),
      });
    }
    case 'awaiting_decision': {
      // The opinions the policy requires come before the deciding body (case-reviews.ts).
      const reviews = missingReviews(caseView, context.procedure);
      if (reviews.length > 0) {
        return step(caseView, {
          step: reviews.map((k) => REVIEW_STEPS[k]).join('、'),
          detail: `${context.procedure.decidingBody.name}研究决定前，须由审核人员出具${reviews.map((k) => REVIEW_KIND_LABELS[k]).join('、')}`,
          by: unitRole(caseView, REVIEWER),
          actions: [],
          reviews,
          rights: withdrawal(caseView),
        });
      }
      return step(caseView, {
        step: '党委（党组）研究决定',
        detail: `由${context.procedure.decidingBody.name}研究决定，秘书登记决定`,
        by: unitRole(caseView, 'secretary'),
        rights: withdrawal(caseView),
      });
    }
    case 'decided': {
      const unsent = caseView.notifications.filter((n) => !n.sent);
      return step(caseView, {
        step: `送达告知（还有${unsent.length}份）`,
        by: unitRole(caseView, 'secretary'),
        dates: unsent
          .map((n): StepDate => ({
            kind: 'notification',
            date: n.due,
            recipientKind: n.recipientKind,
            recipient: n.recipient,
          }))
          .sort((a, b) => a.date.localeCompare(b.date)),
      });
    }
    case 'notified':
      return step(caseView, {
        step: '公开或办结',
        detail: objectionOpen(caseView, today)
          ? '可以公开；不予公开的，异议期限届满后办结并说明理由'
          : '可以公开，或说明不予公开的理由后办结',
        by: unitRole(caseView, 'secretary'),
        dates: periodDates(caseView, context, extras),
        rights: objectionRight(caseView, today),
      });
    case 'published': {
      const waiting = objectionOpen(caseView, today);
      return step(caseView, {
        step: waiting ? '异议期限届满后办结' : '办结',
        by: unitRole(caseView, 'secretary'),
        dates: periodDates(caseView, context, extras),
        notBefore: waiting ? addDays(caseView.objectionDue!, 1) : null,
        rights: objectionRight(caseView, today),
      });
    }
    case 'objection_review':
      return step(caseView, {
        step: '异议复核',
        detail: `由${context.procedure.decidingBody.name}复核，维持或变更原结论`,
        by: unitRole(caseView, 'secretary'),
      });
    case 'closed':
      return ended('本案已办结，认定程序终结');
    case 'refused':
      return ended('申请不予受理，认定程序终结');
    case 'withdrawn':
      return ended('申请人已撤回申请，认定程序终结');
    default:
      return assertNever(caseView.state);
  }
}

/** Of the next step, what one actor may take now. */
export interface ReadersStep {
  readonly actions: readonly TransitionName[];
  readonly records: readonly RecordKind[];
  readonly reviews: readonly ReviewKind[];
}

/**
 * Of the next step, what the actor may do now: the transitions that pass every check
 * without a payload, and the records the actor may keep. Both empty when the step is
 * someone else's, not yet due (notBefore), or the case has ended.
 */
export function stepFor(
  next: NextStep,
  caseView: CaseView,
  actor: Actor,
  context: CaseContext,
): ReadersStep {
  if (next.kind === 'ended') return { actions: [], records: [], reviews: [] };
  return {
    actions: next.actions.filter((a) => checkAllowed(caseView, a, actor, context) === null),
    records: next.records.filter((k) => checkRecordAccess(caseView, actor, k).ok),
    reviews: checkReviewAccess(caseView, actor).ok ? next.reviews : [],
  };
}

/** Whether the next step is the actor's to take now: the to-do list's one rule. */
export function isActorsTurn(
  next: NextStep,
  caseView: CaseView,
  actor: Actor,
  context: CaseContext,
): boolean {
  return hasStepToTake(stepFor(next, caseView, actor, context));
}

/** Whether an actor's part of the next step holds anything to take. */
export function hasStepToTake(mine: ReadersStep): boolean {
  return mine.actions.length > 0 || mine.records.length > 0 || mine.reviews.length > 0;
}
