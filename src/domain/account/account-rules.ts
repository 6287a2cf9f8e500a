// Account rules that do not depend on storage: the password policy, login lockout and
// idle timeout, and the separation of the three administrator roles (三员分立).

import { isAdminRole } from './roles.ts';
import { isRole } from '../vocabulary.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
/**
 * A failure older than this no longer counts toward the lockout. Without it a name no
 * account has would have to be remembered for ever to answer as an account does (the
 * failures of an account that never signs in would count for ever); with it, both are
 * forgotten after an hour, and an attacker still gets no more than 5 tries a quarter.
 */
export const FAILED_LOGIN_MEMORY_MINUTES = 60;
export const IDLE_TIMEOUT_MINUTES = 30;
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Sign-in attempts (POST /session and PUT /session/password) allowed per minute from one
 * client address and for one typed account name (or one session). Lockout stops guessing
 * one account; these stop a flood: an office behind one address still signs in its
 * morning crowd, while one client cannot keep argon2 and the database busy.
 */
export const SIGN_IN_ATTEMPTS_PER_ADDRESS = 60;
export const SIGN_IN_ATTEMPTS_PER_NAME = 10;
export const SIGN_IN_RATE_WINDOW_MS = 60_000;

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

/** The login state of an account, or of a typed name that is no account: the same rules. */
export interface LoginState {
  readonly failedLogins: number;
  /** The last failure counted; failures before FAILED_LOGIN_MEMORY_MINUTES are forgotten. */
  readonly lastFailedAt: Date | null;
  readonly lockedUntil: Date | null;
}

export const FRESH_LOGIN_STATE: LoginState = Object.freeze({
  failedLogins: 0,
  lastFailedAt: null,
  lockedUntil: null,
});

export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * The state after a failed attempt (a wrong password at sign-in or when changing it):
 * the fifth failure within the hour locks for 15 minutes.
 */
export function afterFailedLogin(state: LoginState, now: Date): LoginState {
  const remembered =
    state.lastFailedAt !== null &&
    now.getTime() - state.lastFailedAt.getTime() <= FAILED_LOGIN_MEMORY_MINUTES * 60_000;
  const failedLogins = (remembered ? state.failedLogins : 0) + 1;
  return failedLogins >= MAX_FAILED_LOGINS
    ? {
        failedLogins: 0,
        lastFailedAt: null,
        lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000),
      }
    : { failedLogins, lastFailedAt: now, lockedUntil: state.lockedUntil };
}

/** Whether the state still says anything: a forgotten state is the same as none. */
export function isForgotten(state: LoginState, now: Date): boolean {
  const memory = FAILED_LOGIN_MEMORY_MINUTES * 60_000;
  return (
    !isLocked(state, now) &&
    (state.lastFailedAt === null || now.getTime() - state.lastFailedAt.getTime() > memory)
  );
}

/** The account whose roles or password an administrator would change. */
export interface ManagedAccount {
  readonly id: string;
  readonly roles: readonly string[];
}

function holdsAdminRole(account: ManagedAccount): boolean {
  return account.roles.some((r) => isRole(r) && isAdminRole(r));
}

/**
 * 三员分立: the security administrator grants roles, but never changes an administrator's
 * (their own included): otherwise one administrator could remove, demote or absorb
 * another, and the three would no longer check each other. An administrator is appointed
 * to an account that holds no role yet, never made of a case worker.
 */
export function checkRoleChange(
  actorId: string,
  target: ManagedAccount,
  roles: readonly string[],
): RuleError | null {
  if (target.id === actorId) return { code: 'FORBIDDEN', message: '不得修改自己的角色' };
  if (holdsAdminRole(target))
    return { code: 'FORBIDDEN', message: '不得修改管理员的角色（三员分立）' };
  if (target.roles.length > 0 && holdsAdminRole({ id: target.id, roles }))
    return { code: 'FORBIDDEN', message: '管理员角色只能授予尚无角色的账号（三员分立）' };
  return null;
}

/**
 * 三员分立: the system administrator resets the passwords of the other accounts, never an
 * administrator's: a reset password is known to whoever set it, so that would hand the
 * security or audit administrator's account to the system administrator.
 */
export function checkPasswordReset(actorId: string, target: ManagedAccount): RuleError | null {
  if (target.id === actorId)
    return { code: 'FORBIDDEN', message: '不得重置自己的密码，请在“修改密码”中修改' };
  if (holdsAdminRole(target))
    return { code: 'FORBIDDEN', message: '不得重置管理员的密码（三员分立）' };
  return null;
}

export function isIdle(lastSeen: Date, now: Date): boolean {
  return now.getTime() - lastSeen.getTime() > IDLE_TIMEOUT_MINUTES * 60_000;
}
