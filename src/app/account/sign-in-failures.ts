// Failed sign-ins, whether at login or when changing a password: the lockout of the
// account, or of the typed name when it is no account (the same rules, so the answers
// do not tell which names exist), and their audit in aggregate, one event per window
// (src/domain/account/sign-in-audit.ts). A typed name is kept only as its HMAC-SM3 under
// a key of the database's own: the auditor sees repeated attempts on one name, never
// the name, which may be a password typed in the wrong field.

import { createHmac } from 'node:crypto';
import {
  afterFailedLogin,
  FAILED_LOGIN_MEMORY_MINUTES,
  isLocked,
  LOCKOUT_MINUTES,
  MAX_FAILED_LOGINS,
  type LoginState,
} from '../../domain/account/account-rules.ts';
import {
  subjectKey,
  summarizeWindow,
  windowStartOf,
  type SignInSubject,
} from '../../domain/account/sign-in-audit.ts';
import {
  countFailure,
  forgetNameStates,
  lockNameState,
  loginNameKey,
  saveNameState,
  takeClosedWindows,
  type WindowCount,
} from '../../store/sign-in.repository.ts';
import { inTransaction, type Db, type Tx } from '../../store/transaction.ts';
import { setLoginState } from '../../store/user.repository.ts';
import { UseCaseError, type AppContext } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';

/** The key read once per database: it never changes after migration 0003. */
const keys = new WeakMap<Db, Promise<string>>();

function nameHash(ctx: AppContext, typed: string): Promise<string> {
  let key = keys.get(ctx.db);
  if (!key) {
    key = loginNameKey(ctx.db);
    keys.set(ctx.db, key);
    // A failed read is not kept: the next attempt reads again.
    key.catch(() => keys.delete(ctx.db));
  }
  return key.then((k) =>
    createHmac('sm3', Buffer.from(k, 'hex')).update(typed, 'utf8').digest('hex'),
  );
}

/** Whose login state a failure counts against, with that state, its row locked. */
export interface SignInTarget {
  readonly subject: SignInSubject;
  readonly state: LoginState;
}

/** The account's target, from its row (locked by the caller). */
export function accountTarget(row: {
  id: string;
  failed_logins: number;
  last_failed_login_at: Date | null;
  locked_until: Date | null;
}): SignInTarget {
  return {
    subject: { kind: 'account', id: row.id },
    state: {
      failedLogins: row.failed_logins,
      lastFailedAt: row.last_failed_login_at,
      lockedUntil: row.locked_until,
    },
  };
}

/** The target of a typed name that is no account, its row locked. */
export async function nameTarget(ctx: AppContext, tx: Tx, typed: string): Promise<SignInTarget> {
  const hash = await nameHash(ctx, typed);
  return { subject: { kind: 'name', hash }, state: await lockNameState(tx, hash) };
}

async function saveState(tx: Tx, subject: SignInSubject, state: LoginState): Promise<void> {
  if (subject.kind === 'account') await setLoginState(tx, subject.id, state);
  else await saveNameState(tx, subject.hash, state);
}

const lockedError = (justNow: boolean) =>
  new UseCaseError(
    'ACCOUNT_LOCKED',
    justNow
      ? `连续 ${MAX_FAILED_LOGINS} 次登录失败，账号锁定 ${LOCKOUT_MINUTES} 分钟`
      : `账号已锁定，请于 ${LOCKOUT_MINUTES} 分钟后再试`,
  );

/** ACCOUNT_LOCKED, counted, when the target is locked now; null otherwise. */
export async function refuseIfLocked(
  tx: Tx,
  target: SignInTarget,
  now: Date,
): Promise<UseCaseError | null> {
  if (!isLocked(target.state, now)) return null;
  await count(tx, target.subject, { failures: 0, refusedLocked: 1, lockouts: 0 }, now);
  return lockedError(false);
}

/**
 * Counts a failure (a wrong password) against the target: the answer is ACCOUNT_LOCKED
 * when it locks, else `otherwise`. An account's lockout is audited at once, being at
 * most one event per account a quarter; a name's only in the window's event, since
 * names are as many as an attacker types.
 */
export async function failSignIn(
  tx: Tx,
  target: SignInTarget,
  now: Date,
  otherwise: UseCaseError,
): Promise<UseCaseError> {
  const next = afterFailedLogin(target.state, now);
  await saveState(tx, target.subject, next);
  const locked = isLocked(next, now);
  if (locked && target.subject.kind === 'account') {
    await appendAudit(
      tx,
      {
        actorId: null,
        action: 'account_locked',
        entityType: 'user',
        entityId: target.subject.id,
        data: { lockedUntil: next.lockedUntil?.toISOString() ?? null },
      },
      now,
    );
  }
  await count(tx, target.subject, { failures: 1, refusedLocked: 0, lockouts: +locked }, now);
  return locked ? lockedError(true) : otherwise;
}

/** Adds to the window's count, and audits the windows closed meanwhile. */
async function count(
  tx: Tx,
  subject: SignInSubject,
  tally: { failures: number; refusedLocked: number; lockouts: number },
  now: Date,
): Promise<void> {
  await countFailure(tx, windowStartOf(now), subjectKey(subject), tally);
  await auditClosedWindows(tx, now);
}

/**
 * Turns the counts of every window closed before `now` into one audit event per window,
 * and forgets the names whose state says nothing any more. Called at each sign-in and
 * by the hourly cleanup job, so that a window's event is written soon after it closes.
 */
export async function auditClosedWindows(tx: Tx, now: Date): Promise<void> {
  const closed = await takeClosedWindows(tx, windowStartOf(now));
  if (closed.length === 0) return;
  const byWindow = new Map<number, WindowCount[]>();
  for (const c of closed) {
    const at = c.windowStart.getTime();
    const counts = byWindow.get(at);
    if (counts) counts.push(c);
    else byWindow.set(at, [c]);
  }
  for (const [at, counts] of [...byWindow].sort(([a], [b]) => a - b)) {
    const windowStart = new Date(at);
    await appendAudit(
      tx,
      {
        actorId: null,
        action: 'sign_in_failures',
        entityType: 'system',
        entityId: `sign-in:${windowStart.toISOString()}`,
        data: summarizeWindow(windowStart, counts),
      },
      now,
    );
  }
  await forgetNameStates(tx, now, FAILED_LOGIN_MEMORY_MINUTES * 60_000);
}

/** The cleanup job's part: audits the windows closed since the last sign-in. */
export function auditSignInFailures(ctx: AppContext): Promise<void> {
  return inTransaction(ctx.db, (tx) => auditClosedWindows(tx, ctx.now()));
}
