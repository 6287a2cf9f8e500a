// Administration: units and users (系统管理员), roles (安全管理员), audit log (审计管理员).

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import {
  createUnit,
  createUser,
  listUnits,
  listUsers,
  readAuditLog,
  setRoles,
  verifyAudit,
} from '../../app/accounts/administration.ts';
import { ROLES } from '../../domain/case/case-state.ts';
import * as R from '../response-schemas.ts';
import { actorOf } from '../session-cookie.ts';

const uuid = { type: 'string', format: 'uuid' } as const;

export function adminRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const tags = ['管理 administration'];

    // Every signed-in user may read the unit tree: forms need it to name units.
    app.get(
      '/api/v1/units',
      { schema: { tags, summary: '单位列表 / units', response: { 200: R.units, ...R.errors } } },
      async (request) => {
        await actorOf(ctx, request);
        return listUnits(ctx);
      },
    );

    app.post<{
      Body: { name: string; parentId: string | null; kind: string; policyId?: string | null };
    }>(
      '/api/v1/units',
      {
        schema: {
          tags,
          summary: '新建单位（系统管理员）/ create a unit',
          response: { 201: R.unit, ...R.errors },
          body: {
            type: 'object',
            required: ['name', 'parentId', 'kind'],
            additionalProperties: false,
            properties: {
              name: { type: 'string', minLength: 1, maxLength: 100 },
              parentId: { anyOf: [uuid, { type: 'null' }] },
              kind: { type: 'string', enum: ['league', 'bureau', 'section', 'county_bureau'] },
              policyId: { type: ['string', 'null'] },
            },
          },
        },
      },
      async (request, reply) => {
        const unit = await createUnit(ctx, await actorOf(ctx, request), {
          ...request.body,
          policyId: request.body.policyId ?? null,
        });
        return reply.code(201).send(unit);
      },
    );

    app.get(
      '/api/v1/users',
      { schema: { tags, summary: '用户列表 / users', response: { 200: R.users, ...R.errors } } },
      async (request) => listUsers(ctx, await actorOf(ctx, request)),
    );

    app.post<{
      Body: {
        username: string;
        displayName: string;
        unitId: string;
        password: string;
        badgeNumber?: string | null;
      };
    }>(
      '/api/v1/users',
      {
        schema: {
          tags,
          summary: '新建用户（系统管理员）/ create a user',
          response: { 201: R.user, ...R.errors },
          body: {
            type: 'object',
            required: ['username', 'displayName', 'unitId', 'password'],
            additionalProperties: false,
            properties: {
              username: { type: 'string', pattern: '^[a-z0-9._-]{3,40}$' },
              displayName: { type: 'string', minLength: 1, maxLength: 50 },
              unitId: uuid,
              password: { type: 'string', maxLength: 200 },
              badgeNumber: { type: ['string', 'null'], maxLength: 40 },
            },
          },
        },
      },
      async (request, reply) => {
        const user = await createUser(ctx, await actorOf(ctx, request), {
          ...request.body,
          badgeNumber: request.body.badgeNumber ?? null,
        });
        return reply.code(201).send(user);
      },
    );

    app.put<{ Params: { id: string }; Body: { roles: string[] } }>(
      '/api/v1/users/:id/roles',
      {
        schema: {
          tags,
          summary: '设置角色（安全管理员）/ set roles',
          response: { 200: R.user, ...R.errors },
          params: { type: 'object', properties: { id: uuid } },
          body: {
            type: 'object',
            required: ['roles'],
            additionalProperties: false,
            properties: {
              roles: { type: 'array', items: { type: 'string', enum: [...ROLES] }, maxItems: 7 },
            },
          },
        },
      },
      async (request) =>
        setRoles(ctx, await actorOf(ctx, request), request.params.id, request.body.roles),
    );

    app.get<{ Querystring: { after?: number; limit?: number } }>(
      '/api/v1/audit',
      {
        schema: {
          tags,
          summary: '审计日志（审计管理员）/ audit log',
          response: { 200: R.auditEvents, ...R.errors },
          querystring: {
            type: 'object',
            properties: {
              after: { type: 'integer', minimum: 0 },
              limit: { type: 'integer', minimum: 1, maximum: 500 },
            },
          },
        },
      },
      async (request) =>
        readAuditLog(
          ctx,
          await actorOf(ctx, request),
          request.query.after ?? 0,
          request.query.limit ?? 100,
        ),
    );

    app.get(
      '/api/v1/audit/verify',
      {
        schema: {
          tags,
          summary: '校验审计链（审计管理员）/ verify the audit chain',
          response: { 200: R.auditVerification, ...R.errors },
        },
      },
      async (request) => verifyAudit(ctx, await actorOf(ctx, request)),
    );
  };
}
