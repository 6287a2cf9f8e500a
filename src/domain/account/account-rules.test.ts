import { describe, expect, it } from 'vitest';
import {
  afterFailedLogin,
  checkPassword,
  checkPasswordReset,
  checkRoleChange,
  checkRoles,
  FRESH_LOGIN_STATE,
  isForgotten,
  isIdle,
  isLocked,
  type LoginState,
} from './account-rules.ts';

describe('roles', () => {
  it('keeps the three administrators apart and out of case work', () => {
    expect(checkRoles(['officer', 'investigator'])).toBeNull();
    expect(checkRoles(['auditadmin'])).toBeNull();
    expect(checkRoles(['sysadmin', 'secadmin'])?.code).toBe('ROLE_CONFLICT');
    expect(checkRoles(['secadmin', 'secretary'])?.code).toBe('ROLE_CONFLICT');
    expect(checkRoles([])?.code).toBe('INVALID_ROLES');
    expect(checkRoles(['officer', 'officer'])?.code).toBe('INVALID_ROLES');
    expect(checkRoles(['root'])?.code).toBe('INVALID_ROLES');
  });

  it('lets no administrator change an administrator’s roles, nor make one of a case worker', () => {
    const fresh = { id: 'u-new', roles: [] };
    expect(checkRoleChange('sec', fresh, ['officer'])).toBeNull();
    expect(checkRoleChange('sec', fresh, ['auditadmin'])).toBeNull();
    expect(checkRoleChange('sec', { id: 'u-lina', roles: ['investigator'] }, ['secretary'])).toBe(
      null,
    );
    expect(checkRoleChange('sec', { id: 'sec', roles: ['secadmin'] }, ['secadmin'])?.message).toBe(
      '不得修改自己的角色',
    );
    for (const admin of ['sysadmin', 'auditadmin'])
      expect(checkRoleChange('sec', { id: 'a', roles: [admin] }, ['officer'])?.code).toBe(
        'FORBIDDEN',
      );
    expect(
      checkRoleChange('sec', { id: 'u-lina', roles: ['investigator'] }, ['auditadmin'])?.code,
    ).toBe('FORBIDDEN');
  });

  it('lets the system administrator reset no administrator’s password, nor their own', () => {
    expect(checkPasswordReset('sys', { id: 'u', roles: ['officer'] })).toBeNull();
    expect(checkPasswordReset('sys', { id: 'u', roles: [] })).toBeNull();
    expect(checkPasswordReset('sys', { id: 'sys', roles: ['sysadmin'] })?.code).toBe('FORBIDDEN');
    expect(checkPasswordReset('sys', { id: 'a', roles: ['auditadmin'] })?.code).toBe('FORBIDDEN');
  });
});

describe('password policy', () => {
  it('asks for length, three kinds of character, and no username inside', () => {
    expect(checkPassword('Rongcuo#2026', 'li.ming')).toBeNull();
    expect(checkPassword('short1A!', 'x')?.code).toBe('WEAK_PASSWORD');
    expect(checkPassword('alllowercaseletters', 'x')?.code).toBe('WEAK_PASSWORD');
    expect(checkPassword('Zhangsan2026!', 'zhangsan')?.message).toBe('密码不得包含用户名');
  });
});

describe('lockout and idle timeout', () => {
  const now = new Date('2026-03-01T08:00:00Z');
  it('locks on the fifth consecutive failure, for 15 minutes', () => {
    let state: LoginState = FRESH_LOGIN_STATE;
    for (let i = 0; i < 4; i++) state = afterFailedLogin(state, now);
    expect(state).toEqual({ failedLogins: 4, lastFailedAt: now, lockedUntil: null });
    state = afterFailedLogin(state, now);
    expect(isLocked(state, now)).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + 14 * 60_000))).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + 15 * 60_000 + 1))).toBe(false);
  });

  it('forgets a failure after an hour, and a state that says nothing any more', () => {
    const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    let state: LoginState = FRESH_LOGIN_STATE;
    for (let i = 0; i < 4; i++) state = afterFailedLogin(state, now);
    expect(isForgotten(state, later(60))).toBe(false);
    expect(afterFailedLogin(state, later(60)).lockedUntil).not.toBeNull();
    expect(isForgotten(state, later(61))).toBe(true);
    expect(afterFailedLogin(state, later(61))).toEqual({
      failedLogins: 1,
      lastFailedAt: later(61),
      lockedUntil: null,
    });
    const locked = afterFailedLogin(state, now);
    expect(isForgotten(locked, later(14))).toBe(false);
    expect(isForgotten(locked, later(16))).toBe(true);
  });

  it('ends a session idle for more than 30 minutes', () => {
    expect(isIdle(now, new Date(now.getTime() + 30 * 60_000))).toBe(false);
    expect(isIdle(now, new Date(now.getTime() + 30 * 60_000 + 1))).toBe(true);
  });
});
