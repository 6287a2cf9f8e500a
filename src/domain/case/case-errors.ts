// Refusals of the case procedure as values with stable codes (STYLE.md, habit 4): the
// codes are a contract with the app and HTTP layers and the web client; the messages are
// for people and may change.

export type CaseErrorCode =
  /** The case is not in a state where this may be done (also for records, not only transitions). */
  | 'INVALID_TRANSITION'
  /** Wrong role, wrong unit, someone else's case, or an administrator. */
  | 'FORBIDDEN'
  /** The engine's determination on the recorded facts is not `determined`. */
  | 'MISSING_FACTS'
  /** Not all six factors of 综合分析研判 are recorded. */
  | 'ASSESSMENT_INCOMPLETE'
  /** A conclusion other than the engine's outcome, without a reason. */
  | 'DEPARTURE_REASON_REQUIRED'
  /** Refusal, objection, change on review, closing without publication: each needs a reason. */
  | 'REASON_REQUIRED'
  /** The objection period has ended. */
  | 'DEADLINE_PASSED'
  | 'OBJECTION_PERIOD_OPEN'
  /** A conclusion that is not an outcome of the case's policy (or, on review, no change). */
  | 'INVALID_CONCLUSION'
  /** A publication scope the policy does not list. */
  | 'INVALID_SCOPE'
  /** A publication text with personal information in it (姓名、身份证号、电话…). */
  | 'PERSONAL_INFORMATION_IN_PUBLICATION'
  /** The conduct ended before any version of the unit's regime was in force. */
  | 'POLICY_NOT_IN_FORCE'
  /** A malformed payload the request schema could not catch: blank title, future meeting date, ... */
  | 'INVALID_INPUT'
  /** A notification id that is not one of the case's. */
  | 'NOT_FOUND'
  /** Optimistic concurrency: the case moved since the client read it (checked by the store). */
  | 'STALE_VERSION'
  /** An assessment factor recorded without a finding. */
  | 'FINDING_REQUIRED'
  | 'EVIDENCE_TOO_LARGE'
  | 'EVIDENCE_TYPE_NOT_ALLOWED'
  /** The decision while a review the policy requires (法制审核) is not recorded. */
  | 'REVIEW_REQUIRED'
  /** The decision's members present include the officer concerned or a recused person (回避). */
  | 'MEMBER_RECUSED'
  /** A notice delivered after its due date, without the reason it is late. */
  | 'LATE_REASON_REQUIRED'
  /** A related unit that is not of the case's system (本系统). */
  | 'UNIT_OUTSIDE_SYSTEM'
  /** A field of enforcement (执法领域) that the case's policy version does not list. */
  | 'UNKNOWN_FIELD'
  /** An error type (错误类型) that the case's policy version does not list. */
  | 'UNKNOWN_ERROR_TYPE'
  /** Submitting for decision before the case's field and error type are set. */
  | 'CLASSIFICATION_REQUIRED';

export interface CaseError {
  readonly code: CaseErrorCode;
  readonly message: string;
}

/** The outcome of a check that changes nothing: allowed, or refused with a stable code. */
export type CaseCheck = { readonly ok: true } | { readonly ok: false; readonly error: CaseError };

export const CHECK_OK: CaseCheck = Object.freeze({ ok: true });

export function refusal(code: CaseErrorCode, message: string): { ok: false; error: CaseError } {
  return { ok: false, error: { code, message } };
}

export { isBlank } from '../input-checks.ts';
