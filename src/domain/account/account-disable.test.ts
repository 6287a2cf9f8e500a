import { describe, expect, it } from 'vitest';
import { checkDisable } from './account-disable.ts';

describe('checkDisable', () => {
  it('lets the system administrator disable a case worker or an account without roles', () => {
    expect(checkDisable('sys', { id: 'u1', roles: ['officer'] })).toBeNull();
    expect(checkDisable('sys', { id: 'u2', roles: [] })).toBeNull();
  });

  it('refuses their own account and any administrator’s (三员分立)', () => {
    expect(checkDisable('sys', { id: 'sys', roles: ['sysadmin'] })?.message).toBe(
      '不得停用或启用自己的账号',
    );
    expect(checkDisable('sys', { id: 'sec', roles: ['secadmin'] })?.message).toContain('三员分立');
    expect(checkDisable('sys', { id: 'aud', roles: ['auditadmin'] })?.code).toBe('FORBIDDEN');
  });
});
