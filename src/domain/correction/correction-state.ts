// The states of a correction (纠错, 第十六条), as the database checks them: opened by a
// decision whose conclusion the policy lists, cancelled when a review changes the
// conclusion to one that does not open it. Its own procedure (notice, items, deadline,
// follow-up) is still to come.

export const CORRECTION_STATES = ['open', 'completed', 'cancelled'] as const;
export type CorrectionState = (typeof CORRECTION_STATES)[number];

export const CORRECTION_STATE_LABELS: Readonly<Record<CorrectionState, string>> = {
  open: '进行中',
  completed: '已完成',
  cancelled: '已撤销',
};

export function isCorrectionState(value: string): value is CorrectionState {
  return (CORRECTION_STATES as readonly string[]).includes(value);
}
