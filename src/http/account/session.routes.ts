// POST/GET/DELETE /api/v1/session: log in, who am I, log out; PUT .../password.

import { changePassword, login, logout } from '../../app/account/sessions.ts';
import type { AppContext } from '../../app/app-context.ts';
import { LoginBody, PasswordBody, Session } from '../../contract/account.schemas.ts';
import { errors, Type } from '../../contract/schema-kit.ts';
import type { Routes } from '../route-plugin.ts';
import { actorOf, clearSessionCookie, setSessionCookie } from '../session-cookie.ts';
import { presentSession } from './account.presenter.ts';

const tags = ['账号 session'];
const NoContent = { 204: Type.Null(), ...errors };

export function sessionRoutes(ctx: AppContext, options: { secureCookies: boolean }): Routes {
  return async (app) => {
    app.post(
      '/api/v1/session',
      {
        schema: {
          tags,
          summary: '登录 / log in',
          body: LoginBody,
          response: { 200: Session, ...errors },
        },
      },
      async (request, reply) => {
        const { token, actor } = await login(ctx, request.body.username, request.body.password);
        setSessionCookie(reply, token, options.secureCookies);
        return presentSession(actor);
      },
    );

    app.get(
      '/api/v1/session',
      { schema: { tags, summary: '当前用户 / who am I', response: { 200: Session, ...errors } } },
      async (request) => presentSession(await actorOf(ctx, request)),
    );

    app.delete(
      '/api/v1/session',
      { schema: { tags, summary: '退出 / log out', response: NoContent } },
      async (request, reply) => {
        await logout(ctx, await actorOf(ctx, request));
        clearSessionCookie(reply);
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/api/v1/session/password',
      {
        schema: {
          tags,
          summary: '修改密码 / change password',
          body: PasswordBody,
          response: NoContent,
        },
      },
      async (request, reply) => {
        const { current, next } = request.body;
        await changePassword(ctx, await actorOf(ctx, request), current, next);
        return reply.code(204).send(null);
      },
    );
  };
}
