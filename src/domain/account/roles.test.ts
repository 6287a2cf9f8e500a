import { describe, expect, it } from 'vitest';
import {
  ADMIN_ROLES,
  CASE_ROLES,
  isAdminRole,
  isCaseRole,
  isRole,
  ROLE_LABELS,
  ROLES,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
} from './roles.ts';

describe('roles and units', () => {
  it('splits the roles into case roles and the three administrators', () => {
    expect([...CASE_ROLES, ...ADMIN_ROLES].sort()).toEqual([...ROLES].sort());
    expect(ROLES.filter(isAdminRole)).toEqual([...ADMIN_ROLES]);
    expect(isRole('officer')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(ROLES.filter(isCaseRole)).toEqual([...CASE_ROLES]);
  });

  it('labels every role and kind of unit in Chinese', () => {
    for (const role of ROLES) expect(ROLE_LABELS[role]).toMatch(/\p{Script=Han}/u);
    expect(UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k])).toEqual(['盟', '局', '科室', '旗县局']);
  });
});
