// The roles of an account (三员分立 and the case roles) and the kinds of unit, with
// their Chinese labels: one vocabulary for the domain, the API and the web.

import { assertNever } from '../assert-never.ts';
import { codesOf, isCodeOf } from '../vocabulary.ts';

export const ROLE_LABELS = {
  officer: '执法人员',
  investigator: '调查人员',
  secretary: '党委/党组秘书',
  reviewer: '法制、纪检审核人员',
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditadmin: '审计管理员',
} as const;

export type Role = keyof typeof ROLE_LABELS;
export const ROLES = codesOf(ROLE_LABELS);

/** Roles that work on cases; the administrators (三员) never do. */
export const CASE_ROLES = ['officer', 'investigator', 'secretary', 'reviewer'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditadmin'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export function isRole(value: string): value is Role {
  return isCodeOf(ROLE_LABELS, value);
}

export function isAdminRole(role: Role): role is AdminRole {
  switch (role) {
    case 'sysadmin':
    case 'secadmin':
    case 'auditadmin':
      return true;
    case 'officer':
    case 'investigator':
    case 'secretary':
    case 'reviewer':
      return false;
    default:
      return assertNever(role);
  }
}

export function isCaseRole(role: Role): role is CaseRole {
  return !isAdminRole(role);
}

/** The kinds of unit in the tree 盟 → 局 → 科室 / 旗县局. */
export const UNIT_KIND_LABELS = {
  league: '盟',
  bureau: '局',
  section: '科室',
  county_bureau: '旗县局',
} as const;
export type UnitKind = keyof typeof UNIT_KIND_LABELS;
export const UNIT_KINDS = codesOf(UNIT_KIND_LABELS);
