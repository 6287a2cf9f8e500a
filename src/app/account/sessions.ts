// Log in, log out, and resolve a session cookie to the acting user. Sessions live in
// the database (several instances may share it); the cookie carries a random token of
// which only the SHA-256 is stored, so a leaked table does not hand out sessions.

import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  afterFailedLogin,
  checkPassword,
  isIdle,
  isLocked,
  LOCKOUT_MINUTES,
} from '../../domain/account/account-rules.ts';
import {
  deleteSession,
  deleteSessionsOf,
  findSessionWithUser,
  insertSession,
  touchSession,
} from '../../store/session.repository.ts';
import { inTransaction } from '../../store/transaction.ts';
import {
  findUser,
  lockUserByName,
  setLoginState,
  setPassword,
} from '../../store/user.repository.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { newCaseActions } from '../../domain/case/case-guards.ts';
import type { Role } from '../../domain/vocabulary.ts';

export interface Actor {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly unitId: string;
  readonly roles: readonly Role[];
  readonly sessionId: string;
  readonly csrfToken: string;
}

// argon2id with the OWASP-recommended memory and time costs.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, ARGON2);
}

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

/** Refreshes last_seen at most once a minute: enough for a 30-minute idle timeout. */
const TOUCH_INTERVAL_MS = 60_000;

export interface LoginResult {
  readonly token: string;
  readonly actor: Actor;
}

export async function login(
  ctx: AppContext,
  username: string,
  password: string,
): Promise<LoginResult> {
  const now = ctx.now();
  const outcome = await inTransaction(ctx.db, async (trx) => {
    const user = await lockUserByName(trx, username);
    if (!user || user.disabled) {
      // Same answer as a wrong password: do not tell which usernames exist.
      await appendAudit(
        trx,
        {
          actorId: null,
          action: 'login_failed',
          entityType: 'user',
          entityId: username,
          data: { reason: 'unknown_user' },
        },
        now,
      );
      return { error: new UseCaseError('INVALID_CREDENTIALS', '用户名或密码错误') };
    }
    const state = { failedLogins: user.failed_logins, lockedUntil: user.locked_until };
    if (isLocked(state, now)) {
      await appendAudit(
        trx,
        {
          actorId: user.id,
          action: 'login_refused_locked',
          entityType: 'user',
          entityId: user.id,
          data: {},
        },
        now,
      );
      return {
        error: new UseCaseError('ACCOUNT_LOCKED', `账号已锁定，请于 ${LOCKOUT_MINUTES} 分钟后再试`),
      };
    }
    if (!(await argon2Verify(user.password_hash, password))) {
      const next = afterFailedLogin(state, now);
      await setLoginState(trx, user.id, next);
      const locked = isLocked(next, now);
      await appendAudit(
        trx,
        {
          actorId: user.id,
          action: locked ? 'account_locked' : 'login_failed',
          entityType: 'user',
          entityId: user.id,
          data: { reason: 'wrong_password' },
        },
        now,
      );
      return {
        error: locked
          ? new UseCaseError(
              'ACCOUNT_LOCKED',
              `连续 5 次登录失败，账号锁定 ${LOCKOUT_MINUTES} 分钟`,
            )
          : new UseCaseError('INVALID_CREDENTIALS', '用户名或密码错误'),
      };
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const sessionId = tokenId(token);
    await setLoginState(trx, user.id, { failedLogins: 0, lockedUntil: null });
    await insertSession(trx, { id: sessionId, userId: user.id, csrfToken, at: now });
    await appendAudit(
      trx,
      { actorId: user.id, action: 'login', entityType: 'user', entityId: user.id, data: {} },
      now,
    );
    const actor: Actor = {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      unitId: user.unit_id,
      roles: user.roles as Role[],
      sessionId,
      csrfToken,
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
export async function authenticate(ctx: AppContext, token: string | undefined): Promise<Actor> {
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
  };
}

/** Double-checks the CSRF token of an unsafe request against the session's, in constant time. */
export function checkCsrf(actor: Actor, sent: string | undefined): void {
  const expected = Buffer.from(actor.csrfToken);
  const given = Buffer.from(sent ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new UseCaseError('CSRF_TOKEN_INVALID', '请求缺少有效的 CSRF 令牌');
  }
}

export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  current: string,
  next: string,
): Promise<void> {
  const weak = checkPassword(next, actor.username);
  if (weak) throw new UseCaseError(weak.code, weak.message);
  const user = await findUser(ctx.db, actor.id);
  if (!user || !(await argon2Verify(user.password_hash, current)))
    throw new UseCaseError('INVALID_CREDENTIALS', '当前密码错误');
  const hash = await hashPassword(next);
  await inTransaction(ctx.db, async (trx) => {
    await setPassword(trx, actor.id, hash, ctx.now());
    // Other sessions of this user end with the old password.
    await deleteSessionsOf(trx, actor.id, actor.sessionId);
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        action: 'password_changed',
        entityType: 'user',
        entityId: actor.id,
        data: {},
      },
      ctx.now(),
    );
  });
}

/** The signed-in user with the ways the domain lets them open a case (提出申请, 启动核查). */
export function describeSession(actor: Actor) {
  // A new case belongs to the actor's own unit, which is in their scope.
  const who = { id: actor.id, roles: actor.roles, inUnitScope: true };
  return { actor, newCaseActions: newCaseActions(who) };
}

export type SessionView = ReturnType<typeof describeSession>;
