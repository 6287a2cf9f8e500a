// The three administrators' work (三员分立): the system administrator keeps units and
// user accounts, the security administrator grants roles, the audit administrator reads
// and verifies the audit log. Each use case checks its own role; none of them touches
// a case.

import { checkPassword, checkRoles } from '../../domain/account/account-rules.ts';
import type { Role } from '../../domain/case/case-state.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { appendAudit, verifyAuditLog } from '../audit-log.ts';
import { hashPassword, type Actor } from './sessions.ts';

function requireRole(actor: Actor, role: Role): void {
  if (!actor.roles.includes(role)) throw new UseCaseError('FORBIDDEN', `需要${role}角色`);
}

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
  return ctx.db.transaction().execute(async (trx) => {
    if (input.parentId !== null) {
      const parent = await trx
        .selectFrom('units')
        .select('id')
        .where('id', '=', input.parentId)
        .executeTakeFirst();
      if (!parent) throw new UseCaseError('NOT_FOUND', '上级单位不存在');
    }
    const unit = await trx
      .insertInto('units')
      .values({
        name: input.name,
        parent_id: input.parentId,
        kind: input.kind,
        policy_id: input.policyId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
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

export async function listUnits(ctx: AppContext) {
  return ctx.db.selectFrom('units').selectAll().orderBy('name').execute();
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
  return ctx.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (taken) throw new UseCaseError('USERNAME_TAKEN', `用户名已存在：${input.username}`);
    const unit = await trx
      .selectFrom('units')
      .select('id')
      .where('id', '=', input.unitId)
      .executeTakeFirst();
    if (!unit) throw new UseCaseError('NOT_FOUND', '单位不存在');
    // Roles are the security administrator's to grant: a new account starts with none.
    const user = await trx
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        unit_id: input.unitId,
        password_hash: passwordHash,
        badge_number: input.badgeNumber,
        roles: [],
      })
      .returning(['id', 'username', 'display_name', 'unit_id', 'roles', 'badge_number'])
      .executeTakeFirstOrThrow();
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
  return ctx.db.transaction().execute(async (trx) => {
    const user = await trx
      .updateTable('users')
      .set({ roles: [...roles] })
      .where('id', '=', userId)
      .returning(['id', 'username', 'roles'])
      .executeTakeFirst();
    if (!user) throw new UseCaseError('NOT_FOUND', '用户不存在');
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
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
  if (!actor.roles.includes('sysadmin') && !actor.roles.includes('secadmin')) {
    throw new UseCaseError('FORBIDDEN', '需要系统管理员或安全管理员角色');
  }
  return ctx.db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'display_name',
      'unit_id',
      'roles',
      'badge_number',
      'disabled',
      'locked_until',
    ])
    .orderBy('username')
    .execute();
}

export async function readAuditLog(ctx: AppContext, actor: Actor, afterSeq = 0, limit = 100) {
  requireRole(actor, 'auditadmin');
  return ctx.db
    .selectFrom('audit_events')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(Math.min(Math.max(limit, 1), 500))
    .execute();
}

export async function verifyAudit(ctx: AppContext, actor: Actor) {
  requireRole(actor, 'auditadmin');
  return verifyAuditLog(ctx.db);
}
