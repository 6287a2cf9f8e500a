// POST/GET/DELETE /api/v1/session: log in, who am I, log out; PUT .../password.

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { changePassword, login, logout, type Actor } from '../../app/accounts/sessions.ts';
import { ROLE_LABELS } from '../../domain/case/case-state.ts';
import { actorOf, clearSessionCookie, setSessionCookie } from '../session-cookie.ts';
import * as R from '../response-schemas.ts';

const sessionSchema = {
  type: 'object',
  properties: {
    user: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        username: { type: 'string' },
        displayName: { type: 'string' },
        unitId: { type: 'string' },
        roles: { type: 'array', items: { type: 'string' } },
        roleLabels: { type: 'array', items: { type: 'string' } },
      },
    },
    csrfToken: { type: 'string' },
  },
} as const;

function present(actor: Actor) {
  return {
    user: {
      id: actor.id,
      username: actor.username,
      displayName: actor.displayName,
      unitId: actor.unitId,
      roles: actor.roles,
      roleLabels: actor.roles.map((r) => ROLE_LABELS[r]),
    },
    csrfToken: actor.csrfToken,
  };
}

export function sessionRoutes(ctx: AppContext, options: { secureCookies: boolean }) {
  return async (app: FastifyInstance) => {
    const tags = ['账号 session'];
    app.post<{ Body: { username: string; password: string } }>(
      '/api/v1/session',
      {
        schema: {
          tags,
          summary: '登录 / log in',
          body: {
            type: 'object',
            required: ['username', 'password'],
            additionalProperties: false,
            properties: {
              username: { type: 'string', minLength: 1, maxLength: 100 },
              password: { type: 'string', minLength: 1, maxLength: 200 },
            },
          },
          response: { 200: sessionSchema, ...R.errors },
        },
      },
      async (request, reply) => {
        const { token, actor } = await login(ctx, request.body.username, request.body.password);
        setSessionCookie(reply, token, options.secureCookies);
        return present(actor);
      },
    );

    app.get(
      '/api/v1/session',
      {
        schema: {
          tags,
          summary: '当前用户 / who am I',
          response: { 200: sessionSchema, ...R.errors },
        },
      },
      async (request) => present(await actorOf(ctx, request)),
    );

    app.delete(
      '/api/v1/session',
      {
        schema: {
          tags,
          summary: '退出 / log out',
          response: { 204: { type: 'null' }, ...R.errors },
        },
      },
      async (request, reply) => {
        await logout(ctx, await actorOf(ctx, request));
        clearSessionCookie(reply);
        return reply.code(204).send();
      },
    );

    app.put<{ Body: { current: string; next: string } }>(
      '/api/v1/session/password',
      {
        schema: {
          tags,
          summary: '修改密码 / change password',
          response: { 204: { type: 'null' }, ...R.errors },
          body: {
            type: 'object',
            required: ['current', 'next'],
            additionalProperties: false,
            properties: {
              current: { type: 'string', maxLength: 200 },
              next: { type: 'string', maxLength: 200 },
            },
          },
        },
      },
      async (request, reply) => {
        await changePassword(
          ctx,
          await actorOf(ctx, request),
          request.body.current,
          request.body.next,
        );
        return reply.code(204).send();
      },
    );
  };
}
