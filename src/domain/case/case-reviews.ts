// The review opinions recorded before the deciding body decides (法制审核意见, 纪检监察意见):
// by a reviewer (法制、纪检审核人员) of the case's unit, while the case awaits the decision.
// Whether each is required is the policy's (procedure.review); a required one that is
// missing holds the decision back (REVIEW_REQUIRED, case-guards.ts).

import type { CaseRole } from '../account/roles.ts';
import { isCalendarDate, formatChineseDate, type CalendarDate } from '../calendar-date.ts';
import type { ProcedureParams } from '../policy/policy-model.ts';
import { mayActInRole, recusalRefusal } from './case-access.ts';
import { CHECK_OK, isBlank, refusal, type CaseCheck, type CaseError } from './case-errors.ts';
import type { Actor, CaseView } from './case-view.ts';
import {
  CASE_STATE_LABELS,
  REVIEW_KINDS,
  REVIEW_KIND_LABELS,
  isReviewKind,
  type CaseState,
  type ReviewKind,
} from '../vocabulary.ts';

/** A day as the person wrote it: in Chinese when it is a day at all. */
function shown(day: unknown): string {
  return typeof day === 'string' && isCalendarDate(day) ? formatChineseDate(day) : String(day);
}

/** Who records the opinions. */
export const REVIEWER: CaseRole = 'reviewer';

/** The one state the opinions are recorded in: before the deciding body meets. */
export const REVIEW_STATE: CaseState = 'awaiting_decision';

/** The kinds of review the policy requires before the decision. */
export function requiredReviews(procedure: ProcedureParams): readonly ReviewKind[] {
  return REVIEW_KINDS.filter((kind) => procedure.review[kind].required);
}

/** The required reviews not yet recorded on the case. */
export function missingReviews(
  caseView: Pick<CaseView, 'reviews'>,
  procedure: ProcedureParams,
): readonly ReviewKind[] {
  return requiredReviews(procedure).filter((k) => !caseView.reviews.some((r) => r.kind === k));
}

/** REVIEW_REQUIRED while a required review is missing: the decision's guard. */
export function reviewGuard(
  caseView: Pick<CaseView, 'reviews'>,
  procedure: ProcedureParams,
): CaseError | null {
  const missing = missingReviews(caseView, procedure);
  if (missing.length === 0) return null;
  const names = missing.map((k) => REVIEW_KIND_LABELS[k]).join('、');
  return { code: 'REVIEW_REQUIRED', message: `尚未记录${names}，不能登记研究决定` };
}

/** Role, unit, recusal and state: whether the actor may record a review opinion now. */
export function checkReviewAccess(caseView: CaseView, actor: Actor): CaseCheck {
  if (!mayActInRole(caseView, actor, REVIEWER, 'record')) {
    const recused = recusalRefusal(caseView, actor, [REVIEWER]);
    if (recused) return { ok: false, error: recused };
    return refusal('FORBIDDEN', '只有本单位的法制、纪检审核人员可以记录审核意见');
  }
  if (caseView.state !== REVIEW_STATE) {
    return refusal(
      'INVALID_TRANSITION',
      `案件${CASE_STATE_LABELS[caseView.state]}，只有在${CASE_STATE_LABELS[REVIEW_STATE]}时才能记录审核意见`,
    );
  }
  return CHECK_OK;
}

/** The kinds of review the actor may record now, for the interface. */
export function allowedReviews(caseView: CaseView, actor: Actor): readonly ReviewKind[] {
  return checkReviewAccess(caseView, actor).ok ? REVIEW_KINDS : [];
}

/** The required reviews the actor may record now and that are missing: their to-do. */
export function reviewsOwed(
  caseView: CaseView,
  actor: Actor,
  procedure: ProcedureParams,
): readonly ReviewKind[] {
  return checkReviewAccess(caseView, actor).ok ? missingReviews(caseView, procedure) : [];
}

export interface ReviewInput {
  readonly kind: string;
  readonly opinion: string;
  /** Whether the reviewer agrees with the engine's determination. */
  readonly agrees: boolean;
  readonly reviewedOn: string;
}

/**
 * An opinion: its kind, its text, agreement with the engine's determination, and the day
 * it was given, between the submission for decision and today.
 */
export function checkRecordReview(
  caseView: CaseView,
  actor: Actor,
  input: ReviewInput,
  today: CalendarDate,
): CaseCheck {
  const access = checkReviewAccess(caseView, actor);
  if (!access.ok) return access;
  if (!isReviewKind(input.kind)) {
    return refusal(
      'INVALID_INPUT',
      `审核意见须为法制审核意见或纪检监察意见：${String(input.kind)}`,
    );
  }
  if (isBlank(input.opinion)) {
    return refusal('INVALID_INPUT', `请填写${REVIEW_KIND_LABELS[input.kind]}`);
  }
  if (typeof input.agrees !== 'boolean') {
    return refusal('INVALID_INPUT', '请选择是否同意系统认定意见');
  }
  const earliest = caseView.submittedForDecisionOn;
  if (
    typeof input.reviewedOn !== 'string' ||
    !isCalendarDate(input.reviewedOn) ||
    input.reviewedOn > today ||
    (earliest !== null && input.reviewedOn < earliest)
  ) {
    const from = earliest === null ? '' : `${formatChineseDate(earliest)}（提请研究决定之日）至`;
    return refusal(
      'INVALID_INPUT',
      `审核日期应在${from}${formatChineseDate(today)}之间：${shown(input.reviewedOn)}`,
    );
  }
  return CHECK_OK;
}
