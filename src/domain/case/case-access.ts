// Who may read a case and who may act on it. What a reader may read is one value, the
// read scope: `canRead` applies it to one case, and the store turns the same value into
// the SQL filter of every list (src/store/case-read-scope.sql.ts); a test holds the two
// to each other (test/api/read-scope.test.ts).

import { isAdminRole, type CaseRole } from '../account/roles.ts';
import { assertNever } from '../assert-never.ts';
import type { CaseError } from './case-errors.ts';
import { TRANSITIONS, type TransitionName } from './case-transitions.ts';
import type { Actor, CaseView } from './case-view.ts';
import type { Role } from '../vocabulary.ts';

/** What a reader may read, as data. */
export interface ReadScope {
  /** The cases of the reader's unit and of every unit below it. */
  readonly unitSubtree: boolean;
  /** The cases about the reader, or that the reader applied for. */
  readonly ownCases: boolean;
}

const NOTHING: ReadScope = Object.freeze({ unitSubtree: false, ownCases: false });

function roleReadScope(role: Role): ReadScope {
  switch (role) {
    case 'officer':
      return { unitSubtree: false, ownCases: true };
    case 'investigator':
    case 'secretary':
    case 'reviewer':
    case 'petitions':
      return { unitSubtree: true, ownCases: false };
    case 'sysadmin':
    case 'secadmin':
    case 'auditadmin':
      return NOTHING;
    default:
      return assertNever(role);
  }
}

/** The union of the roles' scopes; nothing at all for an administrator (三员 read no case). */
export function readScopeOf(roles: readonly Role[]): ReadScope {
  // No account holds an administrator role and a case role; if one did, it sees no case.
  if (roles.some(isAdminRole)) return NOTHING;
  const scopes = roles.map(roleReadScope);
  return {
    unitSubtree: scopes.some((s) => s.unitSubtree),
    ownCases: scopes.some((s) => s.ownCases),
  };
}

/** Whether the scope admits a case of that unit (as `inUnitScope`) about those people. */
export function scopeAdmits(
  scope: ReadScope,
  readerId: string,
  inUnitScope: boolean,
  subject: Pick<CaseView, 'officerId' | 'applicantId'>,
): boolean {
  return (
    (scope.unitSubtree && inUnitScope) ||
    (scope.ownCases && (subject.officerId === readerId || subject.applicantId === readerId))
  );
}

/** Whether the actor may see the case at all; `actor.inUnitScope` is the case's unit in the actor's. */
export function canRead(
  subject: Pick<CaseView, 'officerId' | 'applicantId'>,
  actor: Actor,
): boolean {
  return scopeAdmits(readScopeOf(actor.roles), actor.id, actor.inUnitScope, subject);
}

/**
 * An officer's record (履职档案): the officer themself, or whoever reads the cases of
 * the officer's unit.
 */
export function canReadOfficerRecord(
  scope: ReadScope,
  readerId: string,
  officerId: string,
  officerInUnitScope: boolean,
): boolean {
  return readerId === officerId || (scope.unitSubtree && officerInUnitScope);
}

function isAdmin(actor: Actor): boolean {
  return actor.roles.some(isAdminRole);
}

/** Whether the actor, holding `role`, may fire `action` on this case (or open a new one). */
function roleMayAct(
  role: CaseRole,
  caseView: CaseView | null,
  action: TransitionName | 'record',
  actor: Actor,
): boolean {
  switch (role) {
    case 'officer':
      // A new case opened by an officer is about the officer (submit_application).
      if (caseView === null) return true;
      if (action === 'withdraw') {
        return caseView.origin === 'application' && caseView.applicantId === actor.id;
      }
      return caseView.officerId === actor.id;
    case 'investigator':
    case 'secretary':
    case 'reviewer':
      // 回避: no one acts for the unit on a case about themselves, or one they stand aside from.
      return actor.inUnitScope && (caseView === null || !standsAside(caseView, actor.id));
    case 'petitions':
      // Reads the unit's cases to link reports to them; takes no step of the procedure.
      return false;
    default:
      return assertNever(role);
  }
}

/** Whether the person is the case's subject (the officer, the applicant) or recused from it. */
export function standsAside(
  caseView: Pick<CaseView, 'officerId' | 'applicantId' | 'recusedIds'>,
  userId: string,
): boolean {
  return (
    caseView.officerId === userId ||
    caseView.applicantId === userId ||
    caseView.recusedIds.includes(userId)
  );
}

/**
 * FORBIDDEN in words of recusal when it is recusal alone that keeps the actor, holding
 * one of `roles` for the case's unit, from acting; null otherwise.
 */
export function recusalRefusal(
  caseView: CaseView | null,
  actor: Actor,
  roles: readonly CaseRole[],
): CaseError | null {
  if (caseView === null || !actor.inUnitScope || !standsAside(caseView, actor.id)) return null;
  if (!roles.some((r) => r !== 'officer' && actor.roles.includes(r))) return null;
  const own = caseView.officerId === actor.id || caseView.applicantId === actor.id;
  return {
    code: 'FORBIDDEN',
    message: own ? '本案涉及您本人，依照回避规定，您不能办理本案' : '您已回避本案，不能办理本案',
  };
}

/**
 * Whether the actor may act on the case in `role`: fire `action`, or (`record`) keep the
 * case's records (facts, evidence, assessment).
 */
export function mayActInRole(
  caseView: CaseView | null,
  actor: Actor,
  role: CaseRole,
  action: TransitionName | 'record',
): boolean {
  if (isAdmin(actor) || !actor.roles.includes(role)) return false;
  if (caseView !== null && !canRead(caseView, actor)) return false;
  return roleMayAct(role, caseView, action, actor);
}

/** FORBIDDEN unless one of the transition's roles lets the actor fire it on this case. */
export function authorize(
  caseView: CaseView | null,
  action: TransitionName,
  actor: Actor,
): CaseError | null {
  if (isAdmin(actor)) {
    return { code: 'FORBIDDEN', message: '管理员不办理容错案件' };
  }
  const def = TRANSITIONS[action];
  if (def.roles.some((role) => mayActInRole(caseView, actor, role, action))) return null;
  return (
    recusalRefusal(caseView, actor, def.roles) ?? { code: 'FORBIDDEN', message: `无权${def.label}` }
  );
}
