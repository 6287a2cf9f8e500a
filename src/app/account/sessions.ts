// Log in, log out, and resolve a session cookie to the acting user. Sessions live in
// the database (several instances may share it); the cookie carries a random token of
// which only the SHA-256 is stored, so a leaked table does not hand out sessions.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ACCOUNT_DISABLED_MESSAGE } from '../../domain/account/account-disable.ts';
import { checkPassword, FRESH_LOGIN_STATE, isIdle } from '../../domain/account/account-rules.ts';
import {
  deleteSession,
  deleteSessionsOf,
  findSessionWithUser,
  insertSession,
  touchSession,
} from '../../store/session.repository.ts';
import { inTransaction } from '../../store/transaction.ts';
import {
  lockUserById,
  lockUserByName,
  setLoginState,
  setPassword,
} from '../../store/user.repository.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { newCaseActions } from '../../domain/case/case-guards.ts';
import type { Role } from '../../domain/vocabulary.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import {
  accountTarget,
  auditClosedWindows,
  failSignIn,
  nameTarget,
  refuseIfLocked,
} from './sign-in-failures.ts';

export interface Actor {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly unitId: string;
  readonly roles: readonly Role[];
  readonly sessionId: string;
  readonly csrfToken: string;
  /** An administrator set the password: until the user changes it, nothing else is allowed. */
  readonly mustChangePassword: boolean;
}

/** The actor of a request, as its session was read. */
export interface SessionActor extends Actor {
  /**
   * Where the audit log stood when the session was read (AUDIT_STAMP), in the same
   * statement: a case read checks its kept answer against it without a statement of its
   * own (case-answer-cache.ts).
   */
  readonly auditStamp: string;
}

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

/** Refreshes last_seen at most once a minute: enough for a 30-minute idle timeout. */
const TOUCH_INTERVAL_MS = 60_000;

export interface LoginResult {
  readonly token: string;
  readonly actor: Actor;
}

const INVALID_CREDENTIALS = () => new UseCaseError('INVALID_CREDENTIALS', '用户名或密码错误');

/**
 * Signs in. Whether the name is an account's or not, the work and the answers are the
 * same: one argon2 verification (against a dummy hash for no account), failures counted
 * on the account's row or on the typed name's, and a lockout after five. Failures are
 * audited in aggregate (sign-in-failures.ts); a success is one event.
 */
export async function login(
  ctx: AppContext,
  username: string,
  password: string,
): Promise<LoginResult> {
  const now = ctx.now();
  const outcome = await inTransaction(ctx.db, async (trx) => {
    const user = await lockUserByName(trx, username);
    const target = user ? accountTarget(user) : await nameTarget(ctx, trx, username);
    const locked = await refuseIfLocked(trx, target, now);
    if (locked) return { error: locked };
    const matches = await verifyPassword(user?.password_hash ?? null, password);
    // A disabled account answers as no account does, unless the password is right: then
    // its holder hears why they cannot sign in.
    if (!user || !matches) {
      return { error: await failSignIn(trx, target, now, INVALID_CREDENTIALS()) };
    }
    if (user.disabled) {
      return { error: new UseCaseError('ACCOUNT_DISABLED', ACCOUNT_DISABLED_MESSAGE) };
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const sessionId = tokenId(token);
    await setLoginState(trx, user.id, FRESH_LOGIN_STATE);
    await insertSession(trx, { id: sessionId, userId: user.id, csrfToken, at: now });
    await appendAudit(
      trx,
      { actorId: user.id, action: 'login', entityType: 'user', entityId: user.id, data: {} },
      now,
    );
    await auditClosedWindows(trx, now);
    const actor: Actor = {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      unitId: user.unit_id,
      roles: user.roles as Role[],
      sessionId,
      csrfToken,
      mustChangePassword: user.must_change_password,
    };
    return { token, actor };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome;
}

export async function logout(ctx: AppContext, actor: Actor): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    await deleteSession(trx, actor.sessionId);
    await appendAudit(
      trx,
      { actorId: actor.id, action: 'logout', entityType: 'user', entityId: actor.id, data: {} },
      ctx.now(),
    );
  });
}

/** The actor behind a session token; UNAUTHENTICATED or SESSION_EXPIRED otherwise. */
export async function authenticate(
  ctx: AppContext,
  token: string | undefined,
): Promise<SessionActor> {
  if (!token) throw new UseCaseError('UNAUTHENTICATED', '请先登录');
  const now = ctx.now();
  const row = await findSessionWithUser(ctx.db, tokenId(token));
  if (!row || row.disabled) throw new UseCaseError('UNAUTHENTICATED', '请先登录');
  if (isIdle(row.last_seen_at, now)) {
    await deleteSession(ctx.db, row.session_id);
    throw new UseCaseError('SESSION_EXPIRED', '超过 30 分钟未操作，请重新登录');
  }
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await touchSession(ctx.db, row.session_id, now);
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    unitId: row.unit_id,
    roles: row.roles as Role[],
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password,
    auditStamp: row.audit_stamp,
  };
}

/**
 * PASSWORD_CHANGE_REQUIRED while an administrator's password stands: such a session may
 * only read itself, change the password and log out (the routes that allow it say so).
 */
export function requirePasswordChanged(actor: Actor): void {
  if (actor.mustChangePassword)
    throw new UseCaseError('PASSWORD_CHANGE_REQUIRED', '请先修改管理员设置的初始密码');
}

/** Double-checks the CSRF token of an unsafe request against the session's, in constant time. */
export function checkCsrf(actor: Actor, sent: string | undefined): void {
  const expected = Buffer.from(actor.csrfToken);
  const given = Buffer.from(sent ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new UseCaseError('CSRF_TOKEN_INVALID', '请求缺少有效的 CSRF 令牌');
  }
}

/**
 * Changes the signed-in user's password. A wrong current password counts toward the
 * lockout as a failed login does (a stolen session must not guess it unhindered); the
 * lockout ends every session of the account.
 */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  current: string,
  next: string,
): Promise<void> {
  const weak = checkPassword(next, actor.username);
  if (weak) throw new UseCaseError(weak.code, weak.message);
  if (next === current) throw new UseCaseError('WEAK_PASSWORD', '新密码不得与当前密码相同');
  const now = ctx.now();
  const outcome = await inTransaction(ctx.db, async (trx) => {
    const user = await lockUserById(trx, actor.id);
    if (!user) return { error: new UseCaseError('UNAUTHENTICATED', '请先登录') };
    const target = accountTarget(user);
    const locked = await refuseIfLocked(trx, target, now);
    if (locked) return { error: locked };
    if (!(await verifyPassword(user.password_hash, current))) {
      const error = await failSignIn(
        trx,
        target,
        now,
        new UseCaseError('INVALID_CREDENTIALS', '当前密码错误'),
      );
      if (error.code === 'ACCOUNT_LOCKED') await deleteSessionsOf(trx, actor.id);
      return { error };
    }
    await setPassword(trx, actor.id, await hashPassword(next), now);
    await setLoginState(trx, actor.id, FRESH_LOGIN_STATE);
    // Other sessions of this user end with the old password.
    await deleteSessionsOf(trx, actor.id, actor.sessionId);
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        action: 'password_changed',
        entityType: 'user',
        entityId: actor.id,
        data: { required: user.must_change_password },
      },
      now,
    );
    return { ok: true };
  });
  if ('error' in outcome) throw outcome.error;
}

/** The signed-in user with the ways the domain lets them open a case (提出申请, 启动核查). */
export function describeSession(actor: Actor) {
  // A new case belongs to the actor's own unit, which is in their scope; a session that
  // must change its password first may open none.
  const who = { id: actor.id, roles: actor.roles, inUnitScope: true };
  return { actor, newCaseActions: actor.mustChangePassword ? [] : newCaseActions(who) };
}

export type SessionView = ReturnType<typeof describeSession>;
