// POST/GET/DELETE /api/v1/session: log in, who am I, log out; PUT .../password.

import { changePassword, describeSession, login, logout } from '../../app/account/sessions.ts';
import type { AppContext } from '../../app/app-context.ts';
import { LoginBody, PasswordBody, Session } from '../../contract/account.schemas.ts';
import { Type } from '../../contract/schema-kit.ts';
import { specFor, type Routes } from '../route-kit.ts';
import { actorOf, clearSessionCookie, setSessionCookie } from '../session-cookie.ts';
import { presentSession } from './account.presenter.ts';

const spec = specFor('账号 session');

export function sessionRoutes(ctx: AppContext, options: { secureCookies: boolean }): Routes {
  return async (app) => {
    const signIn = spec('登录 / log in', { body: LoginBody }, { 200: Session });
    app.post('/api/v1/session', signIn, async (request, reply) => {
      const { token, actor } = await login(ctx, request.body.username, request.body.password);
      setSessionCookie(reply, token, options.secureCookies);
      return presentSession(describeSession(actor));
    });

    const whoAmI = spec('当前用户 / who am I', {}, { 200: Session });
    app.get('/api/v1/session', whoAmI, async (request) =>
      presentSession(describeSession(await actorOf(ctx, request))),
    );

    const signOut = spec('退出 / log out', {}, { 204: Type.Null() });
    app.delete('/api/v1/session', signOut, async (request, reply) => {
      await logout(ctx, await actorOf(ctx, request));
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    });

    const password = spec(
      '修改密码 / change password',
      { body: PasswordBody },
      {
        204: Type.Null(),
      },
    );
    app.put('/api/v1/session/password', password, async (request, reply) => {
      const { current, next } = request.body;
      await changePassword(ctx, await actorOf(ctx, request), current, next);
      return reply.code(204).send(null);
    });
  };
}
