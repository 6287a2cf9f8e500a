// The administrators' work on accounts (三员分立): the system administrator keeps units
// and user accounts, the security administrator grants roles. Each use case checks its
// own role; none of them touches a case.

import { checkPassword, checkRoles } from '../../domain/account/account-rules.ts';
import { insertUnit, listUnits as unitRows, unitExists } from '../../store/unit.repository.ts';
import { deleteSessionsOf } from '../../store/session.repository.ts';
import { inTransaction } from '../../store/transaction.ts';
import {
  insertUser,
  listUsers as userRows,
  setRoles as updateRoles,
  usernameTaken,
} from '../../store/user.repository.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { requireRole } from './require-role.ts';
import { hashPassword, type Actor } from './sessions.ts';

export interface UnitInput {
  readonly name: string;
  readonly parentId: string | null;
  readonly kind: string;
  readonly policyId: string | null;
}

export async function createUnit(ctx: AppContext, actor: Actor, input: UnitInput) {
  requireRole(actor, 'sysadmin');
  if (input.policyId !== null && !ctx.registry.byId.has(input.policyId)) {
    throw new UseCaseError('UNKNOWN_POLICY', `未知制度：${input.policyId}`);
  }
  return inTransaction(ctx.db, async (trx) => {
    if (input.parentId !== null && !(await unitExists(trx, input.parentId))) {
      throw new UseCaseError('NOT_FOUND', '上级单位不存在');
    }
    const unit = await insertUnit(trx, {
      name: input.name,
      parent_id: input.parentId,
      kind: input.kind,
      policy_id: input.policyId,
    });
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        action: 'unit_created',
        entityType: 'unit',
        entityId: unit.id,
        data: { ...input },
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
  const weak = checkPassword(input.password, input.username);
  if (weak) throw new UseCaseError(weak.code, weak.message);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx.db, async (trx) => {
    if (await usernameTaken(trx, input.username)) {
      throw new UseCaseError('USERNAME_TAKEN', `用户名已存在：${input.username}`);
    }
    if (!(await unitExists(trx, input.unitId))) throw new UseCaseError('NOT_FOUND', '单位不存在');
    // Roles are the security administrator's to grant: a new account starts with none.
    const user = await insertUser(trx, { ...input, passwordHash, roles: [] });
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
  if (userId === actor.id) throw new UseCaseError('FORBIDDEN', '不得修改自己的角色');
  return inTransaction(ctx.db, async (trx) => {
    const user = await updateRoles(trx, userId, roles);
    if (!user) throw new UseCaseError('NOT_FOUND', '用户不存在');
    // Rights change at once: the user signs in again under the new roles.
    await deleteSessionsOf(trx, userId);
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        action: 'roles_set',
        entityType: 'user',
        entityId: userId,
        data: { roles },
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
