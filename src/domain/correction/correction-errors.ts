// Refusals of the correction procedure as values with stable codes; src/http maps them to
// statuses (http-errors.ts), the messages are for people.

export type CorrectionErrorCode =
  /** Wrong role, someone else's correction, the correction object acting for the unit. */
  | 'FORBIDDEN'
  /** The step is not taken in the correction's state. */
  | 'INVALID_TRANSITION'
  /** A blank text, too many items… what the request schema could not catch. */
  | 'INVALID_INPUT'
  /** A day in the future, or before the step it follows. */
  | 'INVALID_DATE'
  /** An extension asked after the deadline (整改期限届满后). */
  | 'DEADLINE_PASSED'
  /** An extension asked while another awaits its decision. */
  | 'EXTENSION_PENDING'
  /** The policy does not allow extensions (`correction.extensionAllowed: false`). */
  | 'EXTENSION_NOT_ALLOWED'
  /** An extension id that is not one of the correction's. */
  | 'EXTENSION_NOT_FOUND'
  /** An extension already decided. */
  | 'EXTENSION_NOT_PENDING'
  /** A requested or approved deadline that is not later than the current one. */
  | 'NEW_DUE_NOT_LATER'
  /** A refusal of an extension without its reason. */
  | 'REASON_REQUIRED'
  /** An item id that is not one of the notice's. */
  | 'ITEM_NOT_FOUND'
  /** Completion claimed, or the correction closed, with an item not done. */
  | 'ITEMS_NOT_DONE';

export interface CorrectionError {
  readonly code: CorrectionErrorCode;
  readonly message: string;
}

export type CorrectionCheck =
  { readonly ok: true } | { readonly ok: false; readonly error: CorrectionError };

export const CHECK_OK: CorrectionCheck = Object.freeze({ ok: true });

export interface CorrectionRefusal {
  readonly ok: false;
  readonly error: CorrectionError;
}

export function correctionRefusal(code: CorrectionErrorCode, message: string): CorrectionRefusal {
  return { ok: false, error: { code, message } };
}
