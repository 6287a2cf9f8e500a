// The correction procedure's state machine (纠错, 第十六至十八条; 教育局 第十五至十七条): which
// step may be taken in which state, by whom, and what a reader may do now. Its own table,
// not more rows in the case's: a correction is linked to its case but runs on after it.
//
//   opened --issue_notice--> in_progress --claim_completion--> completion_claimed
//   completion_claimed --close--> completed;  completion_claimed --send_back--> in_progress
//   in_progress: report_progress, request_extension, decide_extension (stay)
//   in_progress, completion_claimed: follow_up (stay); cancelled by an objection review.

import { isAdminRole } from '../account/roles.ts';
import type { CalendarDate } from '../calendar-date.ts';
import { readScopeOf } from '../case/case-access.ts';
import type { Actor } from '../case/case-view.ts';
import type { WorkCalendar } from '../deadline/work-calendar.ts';
import type { ProcedureParams } from '../policy/policy-model.ts';
import type { CorrectionState } from '../vocabulary.ts';
import {
  CORRECTION_ACTIONS,
  CORRECTION_ACTION_LABELS,
  CORRECTION_ACTORS,
  type CorrectionAction,
} from './correction-actions.ts';
import {
  CHECK_OK,
  correctionRefusal,
  type CorrectionCheck,
  type CorrectionRefusal,
} from './correction-errors.ts';

export type { Actor };

/** What the machine needs to know of a correction. */
export interface CorrectionView {
  readonly id: string;
  readonly state: CorrectionState;
  /** 纠错对象: the case's officer. */
  readonly officerId: string;
  /** The day the correction was opened (the decision's record), in China. */
  readonly openedOn: CalendarDate;
  readonly notifiedOn: CalendarDate | null;
  readonly due: CalendarDate | null;
  readonly items: readonly { readonly id: string; readonly done: boolean }[];
  /** Every extension request, decided or not. */
  readonly extensions: readonly {
    readonly id: string;
    readonly state: 'pending' | 'approved' | 'refused';
    readonly requestedDue: CalendarDate;
  }[];
  /** The day of the last completion claim, while one stands. */
  readonly claimedOn: CalendarDate | null;
}

/** The policy's parameters, the calendar and today. */
export interface CorrectionContext {
  /** Today in China Standard Time. */
  readonly today: CalendarDate;
  readonly params: ProcedureParams['correction'];
  readonly calendar: WorkCalendar;
}

/** In which states each step is taken. */
export const CORRECTION_STEPS: Readonly<
  Record<
    CorrectionAction,
    { readonly from: readonly CorrectionState[]; readonly to: CorrectionState | null }
  >
> = {
  issue_notice: { from: ['opened'], to: 'in_progress' },
  report_progress: { from: ['in_progress'], to: null },
  claim_completion: { from: ['in_progress'], to: 'completion_claimed' },
  close: { from: ['completion_claimed'], to: 'completed' },
  send_back: { from: ['completion_claimed'], to: 'in_progress' },
  request_extension: { from: ['in_progress'], to: null },
  // A request made in time is decided even if the officer has claimed completion since.
  decide_extension: { from: ['in_progress', 'completion_claimed'], to: null },
  follow_up: { from: ['in_progress', 'completion_claimed'], to: null },
};

/** The state after a step: its own, or the state it was taken in for a step that stays. */
export function stateAfter(action: CorrectionAction, from: CorrectionState): CorrectionState {
  return CORRECTION_STEPS[action].to ?? from;
}

export function isTerminalCorrectionState(state: CorrectionState): boolean {
  return state === 'completed' || state === 'cancelled';
}

/**
 * Who may read a correction: the correction object, and whoever reads the cases of its
 * unit (the case's read scope: investigators, secretaries, reviewers of the unit or above).
 */
export function canReadCorrection(view: Pick<CorrectionView, 'officerId'>, actor: Actor): boolean {
  const scope = readScopeOf(actor.roles);
  return (
    (scope.unitSubtree && actor.inUnitScope) || (scope.ownCases && view.officerId === actor.id)
  );
}

/** Whether the actor is one of the step's actors for this correction (state aside). */
export function mayTake(view: CorrectionView, actor: Actor, action: CorrectionAction): boolean {
  if (actor.roles.some(isAdminRole)) return false;
  return CORRECTION_ACTORS[action].some((who) =>
    who === 'object'
      ? actor.id === view.officerId
      : // No one acts for the unit on a correction about themselves.
        actor.roles.includes(who) && actor.inUnitScope && actor.id !== view.officerId,
  );
}

/** FORBIDDEN, then INVALID_TRANSITION: the role, then the state. */
export function authorizeStep(
  view: CorrectionView,
  actor: Actor,
  action: CorrectionAction,
): CorrectionCheck {
  const label = CORRECTION_ACTION_LABELS[action];
  if (actor.roles.some(isAdminRole)) return correctionRefusal('FORBIDDEN', '管理员不办理纠错');
  if (!mayTake(view, actor, action)) {
    const own = actor.id === view.officerId;
    return correctionRefusal(
      'FORBIDDEN',
      own ? `本纠错涉及您本人，您不能${label}` : `无权${label}`,
    );
  }
  if (!CORRECTION_STEPS[action].from.includes(view.state)) {
    return correctionRefusal('INVALID_TRANSITION', `纠错当前状态下不能${label}`);
  }
  return CHECK_OK;
}

/** The pending extension request, if any. */
export function pendingExtension(view: Pick<CorrectionView, 'extensions'>) {
  return view.extensions.find((e) => e.state === 'pending') ?? null;
}

/**
 * Whether an extension may be asked now, apart from who asks: the policy allows it, the
 * deadline has not passed (因特殊情况难以在规定时间内完成的, asked before it ends), and no
 * other request awaits a decision.
 */
export function extensionCheck(view: CorrectionView, ctx: CorrectionContext): CorrectionCheck {
  if (!ctx.params.extensionAllowed)
    return correctionRefusal('EXTENSION_NOT_ALLOWED', '本制度不允许延长整改期限');
  if (view.due !== null && ctx.today > view.due)
    return correctionRefusal(
      'DEADLINE_PASSED',
      `整改期限已于${view.due}届满，不能再申请延长整改期限`,
    );
  if (pendingExtension(view) !== null)
    return correctionRefusal('EXTENSION_PENDING', '已有延期申请待审批，不能重复申请');
  return CHECK_OK;
}

/** Items of the notice not yet done. */
export function itemsNotDone(view: Pick<CorrectionView, 'items'>): number {
  return view.items.filter((i) => !i.done).length;
}

export function itemsNotDoneRefusal(count: number): CorrectionRefusal {
  return correctionRefusal('ITEMS_NOT_DONE', `尚有 ${count} 项纠错事项未完成，不能验收办结`);
}

/** What must hold, beyond role and state, for a step whose payload is not yet known. */
function guard(
  view: CorrectionView,
  action: CorrectionAction,
  ctx: CorrectionContext,
): CorrectionCheck {
  switch (action) {
    case 'request_extension':
      return extensionCheck(view, ctx);
    case 'decide_extension':
      return pendingExtension(view) === null
        ? correctionRefusal('EXTENSION_NOT_PENDING', '没有待审批的延期申请')
        : CHECK_OK;
    case 'close': {
      const open = itemsNotDone(view);
      return open > 0 ? itemsNotDoneRefusal(open) : CHECK_OK;
    }
    case 'issue_notice':
    case 'report_progress':
    case 'claim_completion':
    case 'send_back':
    case 'follow_up':
      return CHECK_OK;
  }
}

/** Whether the actor may take the step now: role, state, and what the step requires. */
export function checkStep(
  view: CorrectionView,
  actor: Actor,
  action: CorrectionAction,
  ctx: CorrectionContext,
): CorrectionCheck {
  const authorized = authorizeStep(view, actor, action);
  return authorized.ok ? guard(view, action, ctx) : authorized;
}

/** The steps the reader may take now, in the table's order (the page's buttons). */
export function allowedCorrectionActions(
  view: CorrectionView,
  actor: Actor,
  ctx: CorrectionContext,
): readonly CorrectionAction[] {
  return CORRECTION_ACTIONS.filter((action) => checkStep(view, actor, action, ctx).ok);
}

/**
 * The step on the reader's to-do list: for the unit's staff, an extension to decide, a
 * completion to check, a notice to issue; for the correction object, the work itself.
 * A follow-up is never a to-do: the unit tracks when it sees fit.
 */
const TODO_ORDER: readonly CorrectionAction[] = [
  'decide_extension',
  'close',
  'issue_notice',
  'report_progress',
];

export function correctionTodo(
  view: CorrectionView,
  actor: Actor,
  ctx: CorrectionContext,
): CorrectionAction | null {
  return TODO_ORDER.find((action) => checkStep(view, actor, action, ctx).ok) ?? null;
}

/** The states in which some step may put the correction on someone's to-do list. */
export const TODO_STATES: readonly CorrectionState[] = [
  'opened',
  'in_progress',
  'completion_claimed',
];
