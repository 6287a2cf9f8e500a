// The states of a correction (纠错, 第十六条), as the database checks them: opened by a
// decision whose conclusion the policy lists, cancelled when a review changes the
// conclusion to one that does not open it. Its own procedure (notice, items, deadline,
// follow-up) is still to come.

import { codesOf, isCodeOf } from '../vocabulary.ts';

export const CORRECTION_STATE_LABELS = {
  open: '进行中',
  completed: '已完成',
  cancelled: '已撤销',
} as const;
export type CorrectionState = keyof typeof CORRECTION_STATE_LABELS;
export const CORRECTION_STATES = codesOf(CORRECTION_STATE_LABELS);

export function isCorrectionState(value: string): value is CorrectionState {
  return isCodeOf(CORRECTION_STATE_LABELS, value);
}
