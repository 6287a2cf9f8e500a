// POST/GET/DELETE /api/v1/session: log in, who am I, log out; PUT .../password. The two
// routes that check a password are rate limited per client address and per typed name
// (or session), in this instance's memory: the lockout, shared by every instance through
// the database, is what stops guessing one account; the limits stop a flood.

import fastifyRateLimit from '@fastify/rate-limit';
import { perWorkerShare } from '../rate-limit-share.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { preparePasswordVerification } from '../../app/account/passwords.ts';
import { changePassword, describeSession, login, logout } from '../../app/account/sessions.ts';
import { type AppContext, UseCaseError } from '../../app/app-context.ts';
import { LoginBody, PasswordBody, Session } from '../../contract/account.schemas.ts';
import { Type } from '../../contract/schema-kit.ts';
import {
  SIGN_IN_ATTEMPTS_PER_ADDRESS,
  SIGN_IN_ATTEMPTS_PER_NAME,
  SIGN_IN_RATE_WINDOW_MS,
} from '../../domain/account/account-rules.ts';
import { specFor, type Routes } from '../route-kit.ts';
import {
  actorOf,
  clearSessionCookie,
  SESSION_COOKIE,
  setSessionCookie,
} from '../session-cookie.ts';
import { presentSession } from './account.presenter.ts';

const spec = specFor('账号 session');

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

/** Keys kept in memory for a minute: hashed all the same, as typed names may be passwords. */
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64url');

/** A hook that refuses with TOO_MANY_REQUESTS and Retry-After once the limiter is spent. */
function limitedBy(limiter: Limiter, what: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const limit = await limiter(request);
    if (limit.isAllowed || !limit.isExceeded) return;
    void reply.header('retry-after', String(limit.ttlInSeconds));
    throw new UseCaseError(
      'TOO_MANY_REQUESTS',
      `${what}尝试过于频繁，请于 ${limit.ttlInSeconds} 秒后再试`,
    );
  };
}

export function sessionRoutes(ctx: AppContext, options: { secureCookies: boolean }): Routes {
  return async (app) => {
    // Only the limiters made below: no route of this plugin is limited otherwise.
    await app.register(fastifyRateLimit, { global: false });
    // The first sign-in under a name that is no account must not take longer than later ones.
    await preparePasswordVerification();
    const perAddress = () =>
      app.createRateLimit({
        max: perWorkerShare(SIGN_IN_ATTEMPTS_PER_ADDRESS),
        timeWindow: SIGN_IN_RATE_WINDOW_MS,
      });
    const perKey = (key: (request: FastifyRequest) => string) =>
      app.createRateLimit({
        max: perWorkerShare(SIGN_IN_ATTEMPTS_PER_NAME),
        timeWindow: SIGN_IN_RATE_WINDOW_MS,
        keyGenerator: (request) => digest(key(request)),
      });

    const signIn = spec('登录 / log in', { body: LoginBody }, { 200: Session });
    app.post(
      '/api/v1/session',
      {
        ...signIn,
        // The address before the body is read; the name once it is.
        onRequest: limitedBy(perAddress(), '登录'),
        preHandler: limitedBy(
          perKey((request) => (request.body as LoginBody).username),
          '该账号登录',
        ),
      },
      async (request, reply) => {
        const { token, actor } = await login(ctx, request.body.username, request.body.password);
        setSessionCookie(reply, token, options.secureCookies);
        return presentSession(describeSession(actor));
      },
    );

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
    app.put(
      '/api/v1/session/password',
      {
        ...password,
        onRequest: limitedBy(perAddress(), '修改密码'),
        preHandler: limitedBy(
          perKey((request) => request.cookies[SESSION_COOKIE] ?? request.ip),
          '修改密码',
        ),
      },
      async (request, reply) => {
        const { current, next } = request.body;
        const actor = await actorOf(ctx, request);
        await changePassword(ctx, actor, current, next);
        return reply.code(204).send(null);
      },
    );
  };
}
