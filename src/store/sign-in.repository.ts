// What sign-in keeps besides the accounts: the login state of typed names that are no
// account (by keyed hash), the failures counted per window until they are audited, and
// the key those names are hashed with.

import { sql } from 'kysely';
import type { LoginState } from '../domain/account/account-rules.ts';
import type { Conn, Tx } from './transaction.ts';

/** The key of the typed names' hashes, made by migration 0003. */
export async function loginNameKey(db: Conn): Promise<string> {
  const row = await db
    .selectFrom('account_secrets')
    .select('value')
    .where('name', '=', 'login_name_key')
    .executeTakeFirstOrThrow();
  return row.value;
}

/**
 * The login state of a typed name, its row locked (made if new), so that two concurrent
 * failures count twice, as they do on an account's row: one statement, an upsert whose
 * update changes nothing but takes the row's lock.
 */
export async function lockNameState(tx: Tx, nameHash: string): Promise<LoginState> {
  const row = await tx
    .insertInto('login_name_states')
    .values({ name_hash: nameHash })
    .onConflict((oc) =>
      oc.column('name_hash').doUpdateSet({ name_hash: (eb) => eb.ref('excluded.name_hash') }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return {
    failedLogins: row.failed_logins,
    lastFailedAt: row.last_failed_at,
    lockedUntil: row.locked_until,
  };
}

export async function saveNameState(tx: Tx, nameHash: string, state: LoginState): Promise<void> {
  await tx
    .updateTable('login_name_states')
    .set({
      failed_logins: state.failedLogins,
      last_failed_at: state.lastFailedAt,
      locked_until: state.lockedUntil,
    })
    .where('name_hash', '=', nameHash)
    .execute();
}

/**
 * Removes the names whose state says nothing any more (not locked, no failure within
 * `memoryMs`): an absent row is the same state, so the table does not grow with every
 * name a flood types.
 */
export async function forgetNameStates(tx: Tx, now: Date, memoryMs: number): Promise<void> {
  const cutoff = new Date(now.getTime() - memoryMs);
  await tx
    .deleteFrom('login_name_states')
    .where((eb) =>
      eb.and([
        eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]),
        eb.or([eb('last_failed_at', 'is', null), eb('last_failed_at', '<', cutoff)]),
      ]),
    )
    .execute();
}

export interface FailureTally {
  readonly failures: number;
  readonly refusedLocked: number;
  readonly lockouts: number;
}

/** Adds to the subject's count in the window. */
export async function countFailure(
  tx: Tx,
  windowStart: Date,
  subject: string,
  tally: FailureTally,
): Promise<void> {
  await tx
    .insertInto('sign_in_failures')
    .values({
      window_start: windowStart,
      subject,
      failures: tally.failures,
      refused_locked: tally.refusedLocked,
      lockouts: tally.lockouts,
    })
    .onConflict((oc) =>
      oc.columns(['window_start', 'subject']).doUpdateSet({
        failures: sql`sign_in_failures.failures + excluded.failures`,
        refused_locked: sql`sign_in_failures.refused_locked + excluded.refused_locked`,
        lockouts: sql`sign_in_failures.lockouts + excluded.lockouts`,
      }),
    )
    .execute();
}

export interface WindowCount extends FailureTally {
  readonly windowStart: Date;
  readonly subject: string;
}

/**
 * Takes (deletes and returns) the counts of the windows that began before `openWindow`:
 * the transaction that takes them audits them, and a concurrent one finds them gone.
 */
export async function takeClosedWindows(tx: Tx, openWindow: Date): Promise<WindowCount[]> {
  const rows = await tx
    .deleteFrom('sign_in_failures')
    .where('window_start', '<', openWindow)
    .returningAll()
    .execute();
  return rows.map((r) => ({
    windowStart: r.window_start,
    subject: r.subject,
    failures: r.failures,
    refusedLocked: r.refused_locked,
    lockouts: r.lockouts,
  }));
}
