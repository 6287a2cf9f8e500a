// Refusals of the reports' handling as values with stable codes; src/http maps them to
// statuses (http-errors.ts), the messages are for people.

export type ReportErrorCode =
  /** Not a petitions staffer in scope, or one of the report's officers. */
  | 'FORBIDDEN'
  /** Anyone but the petitions staff asking for the reporter's identity. */
  | 'IDENTITY_FORBIDDEN'
  /** The step is not taken in the report's state. */
  | 'INVALID_TRANSITION'
  /** A blank text, a malice kind with a finding that has none… */
  | 'INVALID_INPUT'
  /** A day in the future, or before the step it follows. */
  | 'INVALID_DATE'
  /** A named report without the reporter's name and contact. */
  | 'REPORTER_REQUIRED'
  /** Feedback to the reporter of an anonymous report. */
  | 'NOT_NAMED'
  /** An explanation for a named report (its reporter gets feedback). */
  | 'NOT_ANONYMOUS'
  /** A named report closed without feedback. */
  | 'FEEDBACK_REQUIRED'
  /** An anonymous report found untrue, unfounded or tolerated closed without explanation. */
  | 'EXPLANATION_REQUIRED'
  /** Feedback given after its limit without saying why. */
  | 'FEEDBACK_LATE_REASON_REQUIRED'
  /** A tolerated finding without the decided case it rests on. */
  | 'DECIDED_CASE_REQUIRED'
  /** A referral of a report whose finding names no malice. */
  | 'REFERRAL_NOT_ALLOWED'
  /** A second referral. */
  | 'ALREADY_REFERRED';

export interface ReportError {
  readonly code: ReportErrorCode;
  readonly message: string;
}

export type ReportCheck =
  { readonly ok: true } | { readonly ok: false; readonly error: ReportError };

export const CHECK_OK: ReportCheck = Object.freeze({ ok: true });

export interface ReportRefusal {
  readonly ok: false;
  readonly error: ReportError;
}

export function reportRefusal(code: ReportErrorCode, message: string): ReportRefusal {
  return { ok: false, error: { code, message } };
}
