// Administration of accounts: units, users, password resets and disabling (系统管理员), roles
// (安全管理员); and the officers a unit may open a case about.

import {
  createUnit,
  createUser,
  listUnits,
  listUsers,
  resetUserPassword,
  setRoles,
  setUserDisabled,
} from '../../app/account/administration.ts';
import { listOfficers } from '../../app/account/officers.ts';
import type { AppContext } from '../../app/app-context.ts';
import {
  DisabledBody,
  NewUnitBody,
  NewUserBody,
  Officer,
  ResetPasswordBody,
  RolesBody,
  Unit,
  User,
} from '../../contract/account.schemas.ts';
import { IdParams, Type } from '../../contract/schema-kit.ts';
import { specFor, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { presentOfficer, presentUnit, presentUser } from './account.presenter.ts';

const spec = specFor('管理 administration');

export function adminRoutes(ctx: AppContext): Routes {
  return async (app) => {
    // Every signed-in user may read the unit tree: forms need it to name units.
    const units = spec('单位列表 / units', {}, { 200: Type.Array(Unit) });
    app.get('/api/v1/units', units, async (request) => {
      await actorOf(ctx, request);
      const all = await listUnits(ctx);
      return all.map((u) => presentUnit(u, all));
    });

    const newUnit = spec(
      '新建单位（系统管理员）/ create a unit',
      { body: NewUnitBody },
      {
        201: Unit,
      },
    );
    app.post('/api/v1/units', newUnit, async (request, reply) => {
      const body = { ...request.body, policyId: request.body.policyId ?? null };
      const unit = await createUnit(ctx, await actorOf(ctx, request), body);
      return reply.code(201).send(presentUnit(unit, await listUnits(ctx)));
    });

    const users = spec('用户列表 / users', {}, { 200: Type.Array(User) });
    app.get('/api/v1/users', users, async (request) =>
      (await listUsers(ctx, await actorOf(ctx, request))).map(presentUser),
    );

    const newUser = spec(
      '新建用户（系统管理员）/ create a user',
      { body: NewUserBody },
      {
        201: User,
      },
    );
    app.post('/api/v1/users', newUser, async (request, reply) => {
      const body = { ...request.body, badgeNumber: request.body.badgeNumber ?? null };
      const user = await createUser(ctx, await actorOf(ctx, request), body);
      return reply.code(201).send(presentUser(user));
    });

    const roles = spec(
      '设置角色（安全管理员）/ set roles',
      { params: IdParams, body: RolesBody },
      { 200: User },
    );
    app.put('/api/v1/users/:id/roles', roles, async (request) => {
      const actor = await actorOf(ctx, request);
      return presentUser(await setRoles(ctx, actor, request.params.id, request.body.roles));
    });

    const reset = spec(
      '重置密码（系统管理员；用户须在下次登录时修改）/ reset a password',
      { params: IdParams, body: ResetPasswordBody },
      { 200: User },
    );
    app.put('/api/v1/users/:id/password', reset, async (request) => {
      const actor = await actorOf(ctx, request);
      return presentUser(
        await resetUserPassword(ctx, actor, request.params.id, request.body.password),
      );
    });

    const disable = spec(
      '停用或启用账号（系统管理员；停用即结束其会话）/ disable or enable an account',
      { params: IdParams, body: DisabledBody },
      { 200: User },
    );
    app.put('/api/v1/users/:id/disabled', disable, async (request) => {
      const actor = await actorOf(ctx, request);
      return presentUser(
        await setUserDisabled(ctx, actor, request.params.id, request.body.disabled),
      );
    });

    const officers = specFor('案件 cases')(
      '本单位及下级单位的执法人员（单位启动核查用）/ officers in the reader’s unit subtree',
      {},
      { 200: Type.Array(Officer) },
    );
    app.get('/api/v1/officers', officers, async (request) =>
      (await listOfficers(ctx, await actorOf(ctx, request))).map(presentOfficer),
    );
  };
}
