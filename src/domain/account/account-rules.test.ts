import { describe, expect, it } from 'vitest';
import { afterFailedLogin, checkPassword, checkRoles, isIdle, isLocked } from './account-rules.ts';

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
    let state = { failedLogins: 0, lockedUntil: null as Date | null };
    for (let i = 0; i < 4; i++) state = afterFailedLogin(state, now);
    expect(state).toEqual({ failedLogins: 4, lockedUntil: null });
    state = afterFailedLogin(state, now);
    expect(isLocked(state, now)).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + 14 * 60_000))).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + 15 * 60_000 + 1))).toBe(false);
  });

  it('ends a session idle for more than 30 minutes', () => {
    expect(isIdle(now, new Date(now.getTime() + 30 * 60_000))).toBe(false);
    expect(isIdle(now, new Date(now.getTime() + 30 * 60_000 + 1))).toBe(true);
  });
});
