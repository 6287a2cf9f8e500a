import { describe, expect, it } from 'vitest';
import { ROLES } from '../vocabulary.ts';
import { ADMIN_ROLES, CASE_ROLES, isAdminRole } from './roles.ts';

describe('roles', () => {
  it('splits the roles into case roles and the three administrators', () => {
    expect([...CASE_ROLES, ...ADMIN_ROLES].sort()).toEqual([...ROLES].sort());
    expect(ROLES.filter(isAdminRole)).toEqual([...ADMIN_ROLES]);
    expect(ROLES.filter((r) => !isAdminRole(r))).toEqual([...CASE_ROLES]);
  });
});
