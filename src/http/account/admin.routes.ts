// Administration of accounts: units and users (系统管理员), roles (安全管理员); and the
// officers a unit may open a case about.

import {
  createUnit,
  createUser,
  listUnits,
  listUsers,
  setRoles,
} from '../../app/account/administration.ts';
import { listOfficers } from '../../app/account/officers.ts';
import type { AppContext } from '../../app/app-context.ts';
import {
  NewUnitBody,
  NewUserBody,
  Officer,
  RolesBody,
  Unit,
  User,
} from '../../contract/account.schemas.ts';
import { errors, IdParams, Type } from '../../contract/schema-kit.ts';
import type { Routes } from '../route-plugin.ts';
import { actorOf } from '../session-cookie.ts';
import { presentOfficer, presentUnit, presentUser } from './account.presenter.ts';

const tags = ['管理 administration'];

export function adminRoutes(ctx: AppContext): Routes {
  return async (app) => {
    // Every signed-in user may read the unit tree: forms need it to name units.
    app.get(
      '/api/v1/units',
      {
        schema: {
          tags,
          summary: '单位列表 / units',
          response: { 200: Type.Array(Unit), ...errors },
        },
      },
      async (request) => {
        await actorOf(ctx, request);
        return (await listUnits(ctx)).map(presentUnit);
      },
    );

    app.post(
      '/api/v1/units',
      {
        schema: {
          tags,
          summary: '新建单位（系统管理员）/ create a unit',
          body: NewUnitBody,
          response: { 201: Unit, ...errors },
        },
      },
      async (request, reply) => {
        const body = { ...request.body, policyId: request.body.policyId ?? null };
        const unit = await createUnit(ctx, await actorOf(ctx, request), body);
        return reply.code(201).send(presentUnit(unit));
      },
    );

    app.get(
      '/api/v1/users',
      {
        schema: {
          tags,
          summary: '用户列表 / users',
          response: { 200: Type.Array(User), ...errors },
        },
      },
      async (request) => (await listUsers(ctx, await actorOf(ctx, request))).map(presentUser),
    );

    app.post(
      '/api/v1/users',
      {
        schema: {
          tags,
          summary: '新建用户（系统管理员）/ create a user',
          body: NewUserBody,
          response: { 201: User, ...errors },
        },
      },
      async (request, reply) => {
        const body = { ...request.body, badgeNumber: request.body.badgeNumber ?? null };
        const user = await createUser(ctx, await actorOf(ctx, request), body);
        return reply.code(201).send(presentUser(user));
      },
    );

    app.put(
      '/api/v1/users/:id/roles',
      {
        schema: {
          tags,
          summary: '设置角色（安全管理员）/ set roles',
          params: IdParams,
          body: RolesBody,
          response: { 200: User, ...errors },
        },
      },
      async (request) =>
        presentUser(
          await setRoles(ctx, await actorOf(ctx, request), request.params.id, request.body.roles),
        ),
    );

    app.get(
      '/api/v1/officers',
      {
        schema: {
          tags: ['案件 cases'],
          summary:
            '本单位及下级单位的执法人员（单位启动核查用）/ officers in the reader’s unit subtree',
          response: { 200: Type.Array(Officer), ...errors },
        },
      },
      async (request) => (await listOfficers(ctx, await actorOf(ctx, request))).map(presentOfficer),
    );
  };
}
