// User accounts: the people who sign in, their unit, roles and login state.

import { sql, type Selectable } from 'kysely';
import type { LoginState } from '../domain/account/account-rules.ts';
import type { UserTable } from './schema.ts';
import type { Conn, Tx } from './transaction.ts';
import { unitSubtree } from './unit.repository.ts';

export type UserRow = Selectable<UserTable>;

/** A user as others may see it: never the password hash. */
export const ACCOUNT_COLUMNS = [
  'id',
  'username',
  'display_name',
  'unit_id',
  'roles',
  'badge_number',
  'disabled',
  'locked_until',
  'must_change_password',
] as const;

export type AccountRow = Pick<UserRow, (typeof ACCOUNT_COLUMNS)[number]>;

/** For login: the row locked, so two concurrent failures count twice. */
export function lockUserByName(tx: Tx, username: string): Promise<UserRow | undefined> {
  return tx
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .forUpdate()
    .executeTakeFirst();
}

/** For a password change: the row locked, so that concurrent failures count twice. */
export function lockUserById(tx: Tx, id: string): Promise<UserRow | undefined> {
  return tx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** A user as others may see them, without the password hash. */
export function findAccount(db: Conn, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('users').select(ACCOUNT_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function findUser(db: Conn, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function usernameTaken(db: Conn, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  return row !== undefined;
}

export async function badgeTaken(db: Conn, badgeNumber: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('badge_number', '=', badgeNumber)
    .executeTakeFirst();
  return row !== undefined;
}

export async function setLoginState(tx: Tx, id: string, state: LoginState): Promise<void> {
  await tx
    .updateTable('users')
    .set({
      failed_logins: state.failedLogins,
      last_failed_login_at: state.lastFailedAt,
      locked_until: state.lockedUntil,
    })
    .where('id', '=', id)
    .execute();
}

/** The user's own new password: no change is required of them any more. */
export async function setPassword(tx: Tx, id: string, hash: string, at: Date): Promise<void> {
  await tx
    .updateTable('users')
    .set({ password_hash: hash, password_changed_at: at, must_change_password: false })
    .where('id', '=', id)
    .execute();
}

/**
 * A password an administrator sets: the user must change it at the next sign-in, and
 * the lockout is lifted (a reset is how a locked-out user gets back in).
 */
export function resetPassword(tx: Tx, id: string, hash: string): Promise<AccountRow | undefined> {
  return tx
    .updateTable('users')
    .set({
      password_hash: hash,
      must_change_password: true,
      failed_logins: 0,
      last_failed_login_at: null,
      locked_until: null,
    })
    .where('id', '=', id)
    .returning(ACCOUNT_COLUMNS)
    .executeTakeFirst();
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly unitId: string;
  readonly passwordHash: string;
  readonly badgeNumber: string | null;
  readonly roles: readonly string[];
  /** True when an administrator chose the password: the user changes it first. */
  readonly mustChangePassword: boolean;
}

/**
 * The new user, or undefined when the username or the badge number is taken meanwhile
 * (a unique constraint): the caller says which, and the transaction stays usable.
 */
export function insertUser(tx: Tx, user: NewUser): Promise<AccountRow | undefined> {
  return tx
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.displayName,
      unit_id: user.unitId,
      password_hash: user.passwordHash,
      badge_number: user.badgeNumber,
      roles: [...user.roles],
      must_change_password: user.mustChangePassword,
    })
    .onConflict((oc) => oc.doNothing())
    .returning(ACCOUNT_COLUMNS)
    .executeTakeFirst();
}

export function setRoles(tx: Tx, id: string, roles: readonly string[]) {
  return tx
    .updateTable('users')
    .set({ roles: [...roles] })
    .where('id', '=', id)
    .returning(ACCOUNT_COLUMNS)
    .executeTakeFirst();
}

/** Disables or enables an account (the sessions are ended by the caller). */
export function setDisabled(tx: Tx, id: string, disabled: boolean) {
  return tx
    .updateTable('users')
    .set({ disabled })
    .where('id', '=', id)
    .returning(ACCOUNT_COLUMNS)
    .executeTakeFirst();
}

export function listUsers(db: Conn): Promise<AccountRow[]> {
  return db.selectFrom('users').select(ACCOUNT_COLUMNS).orderBy('username').execute();
}

export async function countUsers(db: Conn): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The enabled officers of a unit and the units below it, by name. */
export function officersBelow(db: Conn, root: string) {
  return db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select([
      'users.id',
      'users.display_name',
      'users.badge_number',
      'users.unit_id',
      'units.name as unit_name',
    ])
    .where('users.unit_id', 'in', unitSubtree(root))
    .where('users.disabled', '=', false)
    .where(sql<boolean>`'officer' = any(users.roles)`)
    .orderBy('users.display_name')
    .execute();
}
