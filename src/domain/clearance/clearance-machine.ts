// Who reads and who acts on a clearance (澄清正名, 第十九条), and its one step:
//
//   decided --carry_out--> carried_out
//
// A clearance is decided on a report; whoever may read the report (信访举报工作人员,
// investigators, secretaries and reviewers of the report's unit or above, never one of the
// people it accuses) may read its clearances, and the cleared officer reads their own
// (never the report). Deciding and carrying out are for the petitions staff and the
// secretary who records the deciding body's decision.

import { isAdminRole } from '../account/roles.ts';
import { readAccess } from '../report/report-machine.ts';
import type { Actor } from '../case/case-view.ts';
import type { ClearanceState, Role } from '../vocabulary.ts';
import { CHECK_OK, clearanceRefusal, type ClearanceCheck } from './clearance-errors.ts';

export type { Actor };

/** What a clearance is decided on: its basis in the report's finding. */
export const CLEARANCE_BASIS_LABELS = {
  malicious: '举报经查不实且属恶意举报',
  tolerated: '经认定容错免责，本人申请澄清',
} as const;
export type ClearanceBasis = keyof typeof CLEARANCE_BASIS_LABELS;
export const CLEARANCE_BASES = Object.freeze(
  Object.keys(CLEARANCE_BASIS_LABELS) as ClearanceBasis[],
);

/** The steps taken on a clearance, with the words of their buttons. */
export const CLEARANCE_STEP_LABELS = {
  decide: '作出澄清正名决定',
  carry_out: '登记澄清正名已实施',
} as const;
export type ClearanceAction = keyof typeof CLEARANCE_STEP_LABELS;

/** Who decides and carries out a clearance for the unit. */
const CLEARANCE_ACTOR_ROLES: readonly Role[] = ['petitions', 'secretary'];

/** What reading and acting need to know of a clearance or of the report it is decided on. */
export interface ClearanceSubject {
  /** The cleared officer; null while a clearance is only being decided. */
  readonly officerId: string | null;
  /** Every person the report accuses. */
  readonly reportOfficerIds: readonly string[];
}

/**
 * Whether the actor reads the report's clearances for the unit (not as the cleared
 * officer): whoever reads the report (readAccess), never one it accuses.
 */
export function readsForUnit(subject: ClearanceSubject, actor: Actor): boolean {
  return readAccess({ officerIds: subject.reportOfficerIds }, actor) === 'reader';
}

/** Whether the actor may read the clearance: for the unit, or as the officer cleared. */
export function canReadClearance(subject: ClearanceSubject, actor: Actor): boolean {
  return (
    (subject.officerId !== null && subject.officerId === actor.id) || readsForUnit(subject, actor)
  );
}

/** FORBIDDEN unless the actor may decide or carry out clearances on this report. */
export function authorizeClearance(
  subject: ClearanceSubject,
  actor: Actor,
  action: ClearanceAction,
): ClearanceCheck {
  const label = CLEARANCE_STEP_LABELS[action];
  if (actor.roles.some(isAdminRole)) return clearanceRefusal('FORBIDDEN', '管理员不办理澄清正名');
  if (subject.reportOfficerIds.includes(actor.id) || subject.officerId === actor.id)
    return clearanceRefusal('FORBIDDEN', `举报涉及您本人，您不能${label}`);
  if (!actor.roles.some((r) => CLEARANCE_ACTOR_ROLES.includes(r)))
    return clearanceRefusal('FORBIDDEN', `需要信访举报工作人员或党委/党组秘书角色才能${label}`);
  if (!actor.inUnitScope)
    return clearanceRefusal('FORBIDDEN', `该举报不属于您所在单位或下级单位，您不能${label}`);
  return CHECK_OK;
}

/** The state after each step, and the states it is taken in. */
export const CLEARANCE_STEPS: Readonly<
  Record<
    Exclude<ClearanceAction, 'decide'>,
    { from: readonly ClearanceState[]; to: ClearanceState }
  >
> = {
  carry_out: { from: ['decided'], to: 'carried_out' },
};

/** Whether the actor may carry out the clearance now: role, then state. */
export function checkCarryOut(
  view: ClearanceSubject & { readonly state: ClearanceState },
  actor: Actor,
): ClearanceCheck {
  const authorized = authorizeClearance(view, actor, 'carry_out');
  if (!authorized.ok) return authorized;
  if (!CLEARANCE_STEPS.carry_out.from.includes(view.state))
    return clearanceRefusal('INVALID_TRANSITION', '澄清正名已实施，不能重复登记');
  return CHECK_OK;
}

/** The steps the reader may take on the clearance now (the page's buttons). */
export function allowedClearanceActions(
  view: ClearanceSubject & { readonly state: ClearanceState },
  actor: Actor,
): readonly 'carry_out'[] {
  return checkCarryOut(view, actor).ok ? ['carry_out'] : [];
}
