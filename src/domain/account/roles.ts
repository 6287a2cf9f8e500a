// The roles of an account split in two (the names and labels are in ../vocabulary.ts):
// the case roles, and the three administrators (三员分立), who work on no case.

import { assertNever } from '../assert-never.ts';
import type { Role } from '../vocabulary.ts';

/**
 * Roles that work on cases; the administrators (三员) never do. 信访举报工作人员 (petitions)
 * handle the reports about officers (第十九条) and read their unit's cases to link a
 * report to them, but take no step of the procedure.
 */
export const CASE_ROLES = [
  'officer',
  'investigator',
  'secretary',
  'reviewer',
  'petitions',
] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditadmin'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

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
    case 'petitions':
      return false;
    default:
      return assertNever(role);
  }
}
