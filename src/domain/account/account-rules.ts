// Account rules that do not depend on storage: the password policy, login lockout and
// idle timeout, and the separation of the three administrator roles (三员分立).

import { isAdminRole } from './roles.ts';
import { isRole } from '../vocabulary.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const IDLE_TIMEOUT_MINUTES = 30;
export const MIN_PASSWORD_LENGTH = 10;

export interface RuleError {
  readonly code: string;
  readonly message: string;
}

/**
 * 三员分立: no account holds two administrator roles, and an administrator holds no case
 * role, so that who manages accounts, who grants rights and who reads the audit log are
 * three different people, none of whom works on cases.
 */
export function checkRoles(roles: readonly string[]): RuleError | null {
  if (roles.length === 0) return { code: 'INVALID_ROLES', message: '至少需要一个角色' };
  const unknown = roles.find((r) => !isRole(r));
  if (unknown !== undefined) return { code: 'INVALID_ROLES', message: `未知角色：${unknown}` };
  if (new Set(roles).size !== roles.length) return { code: 'INVALID_ROLES', message: '角色重复' };
  const admin = roles.filter(isRole).filter(isAdminRole);
  if (admin.length > 1) {
    return {
      code: 'ROLE_CONFLICT',
      message: `同一账号不得兼任两个管理员角色：${admin.join('、')}`,
    };
  }
  if (admin.length === 1 && roles.length > 1) {
    return { code: 'ROLE_CONFLICT', message: '管理员账号不得同时担任业务角色' };
  }
  return null;
}

/** Password policy: at least 10 characters of 3 of 4 kinds, not containing the username. */
export function checkPassword(password: string, username: string): RuleError | null {
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) =>
    re.test(password),
  ).length;
  if (password.length < MIN_PASSWORD_LENGTH || kinds < 3) {
    return {
      code: 'WEAK_PASSWORD',
      message: `密码至少 ${MIN_PASSWORD_LENGTH} 位，并包含大写字母、小写字母、数字、符号中的至少三类`,
    };
  }
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return { code: 'WEAK_PASSWORD', message: '密码不得包含用户名' };
  }
  return null;
}

export interface LoginState {
  readonly failedLogins: number;
  readonly lockedUntil: Date | null;
}

export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after a failed attempt: the fifth consecutive failure locks the account. */
export function afterFailedLogin(state: LoginState, now: Date): LoginState {
  const failedLogins = state.failedLogins + 1;
  return failedLogins >= MAX_FAILED_LOGINS
    ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) }
    : { failedLogins, lockedUntil: state.lockedUntil };
}

export function isIdle(lastSeen: Date, now: Date): boolean {
  return now.getTime() - lastSeen.getTime() > IDLE_TIMEOUT_MINUTES * 60_000;
}
