// Accounts in the API's shape: the session's user with what the domain lets them open,
// units with their kind in Chinese, users without anything secret.

import type { SessionView } from '../../app/account/sessions.ts';
import type { Officer, Session, Unit, User } from '../../contract/account.schemas.ts';
import type { listUnits, listUsers } from '../../app/account/administration.ts';
import type { listOfficers } from '../../app/account/officers.ts';
import { isoOrNull } from '../route-kit.ts';
import { numberSeries } from '../../domain/case/case-number.ts';
import { numberingLineageIn } from './unit-numbering.presenter.ts';
import { ROLE_LABELS, UNIT_KIND_LABELS, type UnitKind } from '../../domain/vocabulary.ts';

export function presentSession({ actor, newCaseActions }: SessionView): Session {
  return {
    user: {
      id: actor.id,
      username: actor.username,
      displayName: actor.displayName,
      unitId: actor.unitId,
      roles: [...actor.roles],
      roleLabels: actor.roles.map((r) => ROLE_LABELS[r]),
      newCaseActions: [...newCaseActions],
      mustChangePassword: actor.mustChangePassword,
    },
    csrfToken: actor.csrfToken,
  };
}

type UnitRow = Awaited<ReturnType<typeof listUnits>>[number];
type AccountRow = Awaited<ReturnType<typeof listUsers>>[number];
type OfficerRow = Awaited<ReturnType<typeof listOfficers>>[number];

/** A unit with the series its cases are numbered in, read from `all` (the unit tree). */
export function presentUnit(u: UnitRow, all: readonly UnitRow[]): Unit {
  const series = numberSeries(numberingLineageIn(all, u));
  return {
    id: u.id,
    parentId: u.parent_id,
    name: u.name,
    kind: u.kind,
    kindLabel: UNIT_KIND_LABELS[u.kind as UnitKind] ?? u.kind,
    policyId: u.policy_id,
    caseNumberPrefix: u.case_number_prefix ?? null,
    caseNumberPrefixInEffect: series.prefix,
    caseNumberPrefixIsDefault: series.isDefault,
  };
}

export function presentUser(u: AccountRow): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    unitId: u.unit_id,
    roles: u.roles as User['roles'],
    badgeNumber: u.badge_number,
    disabled: u.disabled,
    lockedUntil: isoOrNull(u.locked_until),
    mustChangePassword: u.must_change_password,
  };
}

export function presentOfficer(o: OfficerRow): Officer {
  return {
    id: o.id,
    displayName: o.display_name,
    badgeNumber: o.badge_number,
    unitId: o.unit_id,
    unitName: o.unit_name,
  };
}
