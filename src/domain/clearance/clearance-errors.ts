// Refusals of the clearance procedure (澄清正名, 第十九条) as values with stable codes; src/http
// maps them to statuses (http-errors.ts), the messages are for people.

export type ClearanceErrorCode =
  /** Wrong role, another unit's report, a person the report is about acting on it. */
  | 'FORBIDDEN'
  /** The step is not taken in the clearance's state. */
  | 'INVALID_TRANSITION'
  /** A blank text, no method… what the request schema could not catch. */
  | 'INVALID_INPUT'
  /** A day in the future, or before the step it follows. */
  | 'INVALID_DATE'
  /**
   * The report's finding does not call for a clearance (not untrue or unfounded with a
   * malice kind, nor tolerated and asked for), or the person is not one the report accused.
   */
  | 'CLEARANCE_NOT_ALLOWED'
  /** A clearance of this person on this report is decided already. */
  | 'CLEARANCE_EXISTS'
  /** The clearance would reach fewer people than the accusation did. */
  | 'SCOPE_TOO_NARROW'
  /** 公开发布 outside a public scope, or a public scope without a public release. */
  | 'METHODS_SCOPE_MISMATCH';

export interface ClearanceError {
  readonly code: ClearanceErrorCode;
  readonly message: string;
}

export interface ClearanceRefusal {
  readonly ok: false;
  readonly error: ClearanceError;
}

export type ClearanceCheck = { readonly ok: true } | ClearanceRefusal;

export const CHECK_OK: ClearanceCheck = Object.freeze({ ok: true });

export function clearanceRefusal(code: ClearanceErrorCode, message: string): ClearanceRefusal {
  return { ok: false, error: { code, message } };
}
