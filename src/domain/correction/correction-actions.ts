// The steps of the correction procedure (纠错, 第十六至十八条 in the emergency regime,
// 第十五至十七条 in the education regime): their codes, the words on their buttons, and
// who takes each. The table in correction-machine.ts says in which states each is taken.

import type { CaseRole } from '../account/roles.ts';

/** Each step with the words of its button. */
export const CORRECTION_ACTION_LABELS = {
  issue_notice: '下发纠错通知',
  report_progress: '报告整改进展',
  claim_completion: '报告整改完成',
  close: '验收办结',
  send_back: '退回整改',
  request_extension: '申请延长整改期限',
  decide_extension: '审批延期申请',
  follow_up: '记录跟踪了解',
} as const;

export type CorrectionAction = keyof typeof CORRECTION_ACTION_LABELS;
export const CORRECTION_ACTIONS = Object.freeze(
  Object.keys(CORRECTION_ACTION_LABELS) as CorrectionAction[],
);

export function isCorrectionAction(value: string): value is CorrectionAction {
  return Object.hasOwn(CORRECTION_ACTION_LABELS, value);
}

/**
 * Who takes each step. `officer` is the correction object (纠错对象) himself, whatever
 * unit he is in; the case roles are the unit's staff, of the correction's unit or a unit
 * above it (as case access rules), never the correction object acting on his own.
 * The extension is decided by the deciding body (党委/党组); its secretary records it.
 */
export const CORRECTION_ACTORS: Readonly<
  Record<CorrectionAction, readonly ('object' | Exclude<CaseRole, 'officer' | 'reviewer'>)[]>
> = {
  issue_notice: ['secretary'],
  report_progress: ['object'],
  claim_completion: ['object'],
  close: ['secretary', 'investigator'],
  send_back: ['secretary', 'investigator'],
  request_extension: ['object'],
  decide_extension: ['secretary'],
  follow_up: ['secretary', 'investigator'],
};
