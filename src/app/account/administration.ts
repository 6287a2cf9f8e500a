// The administrators' work on accounts (三员分立): the system administrator keeps units
// and user accounts (and resets a forgotten password), the security administrator grants
// roles. Each use case checks its own role; none of them touches a case. A password an
// administrator sets is known to them: the user must change it at first sign-in.

import {
  checkPassword,
  checkPasswordReset,
  checkRoleChange,
  checkRoles,
  type RuleError,
} from '../../domain/account/account-rules.ts';
import { checkDisable } from '../../domain/account/account-disable.ts';
import { insertUnit, listUnits as unitRows, unitExists } from '../../store/unit.repository.ts';
import { deleteSessionsOf } from '../../store/session.repository.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import {
  badgeTaken,
  insertUser,
  lockUserById,
  listUsers as userRows,
  resetPassword as storeResetPassword,
  setDisabled as storeSetDisabled,
  setRoles as updateRoles,
  usernameTaken,
  type UserRow,
} from '../../store/user.repository.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { AuditAction } from '../../domain/audit/audit-actions.ts';
import { hashPassword } from './passwords.ts';
import { requireRole } from './require-role.ts';
import type { Actor } from './sessions.ts';

/** A name as stored: without the spaces around it, and never blank. */
function nameOf(text: string, what: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new UseCaseError('INVALID_INPUT', `${what}不能为空白`);
  return trimmed;
}

export interface UnitInput {
  readonly name: string;
  readonly parentId: string | null;
  readonly kind: string;
  readonly policyId: string | null;
}

export async function createUnit(ctx: AppContext, actor: Actor, input: UnitInput) {
  requireRole(actor, 'sysadmin');
  const name = nameOf(input.name, '单位名称');
  if (input.policyId !== null && !ctx.registry.byId.has(input.policyId)) {
    throw new UseCaseError('UNKNOWN_POLICY', `未知制度：${input.policyId}`);
  }
  return inTransaction(ctx.db, async (trx) => {
    if (input.parentId !== null && !(await unitExists(trx, input.parentId))) {
      throw new UseCaseError('NOT_FOUND', '上级单位不存在');
    }
    const unit = await insertUnit(trx, {
      name,
      parent_id: input.parentId,
      kind: input.kind,
      policy_id: input.policyId,
    });
    if (!unit) throw new UseCaseError('UNIT_NAME_TAKEN', `同一上级单位下已有单位：${name}`);
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        action: 'unit_created',
        entityType: 'unit',
        entityId: unit.id,
        data: { ...input, name },
      },
      ctx.now(),
    );
    return unit;
  });
}

/** Every signed-in user may read the unit tree: forms name units. */
export function listUnits(ctx: AppContext) {
  return unitRows(ctx.db);
}

export interface UserInput {
  readonly username: string;
  readonly displayName: string;
  readonly unitId: string;
  readonly password: string;
  readonly badgeNumber: string | null;
}

export async function createUser(ctx: AppContext, actor: Actor, input: UserInput) {
  requireRole(actor, 'sysadmin');
  const displayName = nameOf(input.displayName, '姓名');
  const badgeNumber = input.badgeNumber === null ? null : nameOf(input.badgeNumber, '执法证号');
  const weak = checkPassword(input.password, input.username);
  if (weak) throw new UseCaseError(weak.code, weak.message);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx.db, async (trx) => {
    const taken = async () => {
      if (await usernameTaken(trx, input.username))
        return new UseCaseError('USERNAME_TAKEN', `用户名已存在：${input.username}`);
      if (badgeNumber !== null && (await badgeTaken(trx, badgeNumber)))
        return new UseCaseError('BADGE_TAKEN', `执法证号已被其他用户使用：${badgeNumber}`);
      return null;
    };
    const before = await taken();
    if (before) throw before;
    if (!(await unitExists(trx, input.unitId))) throw new UseCaseError('NOT_FOUND', '单位不存在');
    // Roles are the security administrator's to grant: a new account starts with none.
    // The administrator chose the password, so the user must change it first.
    const user = await insertUser(trx, {
      ...input,
      displayName,
      badgeNumber,
      passwordHash,
      roles: [],
      mustChangePassword: true,
    });
    // Taken by a concurrent request between the check and the insert.
    if (!user)
      throw (await taken()) ?? new UseCaseError('USERNAME_TAKEN', '用户名或执法证号已存在');
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        action: 'user_created',
        entityType: 'user',
        entityId: user.id,
        data: { username: input.username, unitId: input.unitId },
      },
      ctx.now(),
    );
    return user;
  });
}

export async function setRoles(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  roles: readonly string[],
) {
  requireRole(actor, 'secadmin');
  const bad = checkRoles(roles);
  if (bad) throw new UseCaseError(bad.code, bad.message);
  return changeLockedUser(ctx, actor, userId, {
    refuse: (target) => checkRoleChange(actor.id, target, roles),
    apply: (trx) => updateRoles(trx, userId, roles),
    action: 'roles_set',
    data: { roles },
  });
}

/**
 * The system administrator sets a new password for a user who lost theirs (or is locked
 * out): the lockout is lifted, the user's sessions end, and they must change it at their
 * next sign-in. Never an administrator's (checkPasswordReset).
 */
export async function resetUserPassword(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  password: string,
) {
  requireRole(actor, 'sysadmin');
  return changeLockedUser(ctx, actor, userId, {
    refuse: (target) =>
      checkPasswordReset(actor.id, target) ?? checkPassword(password, target.username),
    apply: async (trx) => storeResetPassword(trx, userId, await hashPassword(password)),
    action: 'password_reset',
    data: { mustChangePassword: true },
  });
}

/**
 * The system administrator disables an account (its holder left, say) or enables it
 * again: a disabled account's sessions end at once and it cannot sign in. Never their
 * own, never an administrator's (checkDisable).
 */
export async function setUserDisabled(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  disabled: boolean,
) {
  requireRole(actor, 'sysadmin');
  return changeLockedUser(ctx, actor, userId, {
    refuse: (target) => checkDisable(actor.id, target),
    apply: (trx) => storeSetDisabled(trx, userId, disabled),
    action: disabled ? 'user_disabled' : 'user_enabled',
    data: { disabled },
  });
}

/**
 * One administrator's change to another user's account. The target is locked first, so
 * what `refuse` checks (its roles) is what `apply` changes; the user's sessions end, so the
 * change holds at once; one audit event.
 */
async function changeLockedUser<T>(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  change: {
    readonly refuse: (target: UserRow) => RuleError | null;
    readonly apply: (trx: Tx) => Promise<T | undefined>;
    readonly action: AuditAction;
    readonly data: Record<string, unknown>;
  },
): Promise<T> {
  return inTransaction(ctx.db, async (trx) => {
    const target = await lockUserById(trx, userId);
    if (!target) throw new UseCaseError('NOT_FOUND', '用户不存在');
    const refused = change.refuse(target);
    if (refused) throw new UseCaseError(refused.code, refused.message);
    const user = await change.apply(trx);
    if (!user) throw new UseCaseError('NOT_FOUND', '用户不存在');
    await deleteSessionsOf(trx, userId);
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        action: change.action,
        entityType: 'user',
        entityId: userId,
        data: change.data,
      },
      ctx.now(),
    );
    return user;
  });
}

export async function listUsers(ctx: AppContext, actor: Actor) {
  requireRole(actor, 'sysadmin', 'secadmin');
  return userRows(ctx.db);
}
