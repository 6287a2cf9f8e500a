// The session cookie and the per-request actor. Unsafe methods must carry the session's
// CSRF token in `x-csrf-token` (synchronizer token; the cookie is also SameSite=Strict).

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/app-context.ts';
import { authenticate, checkCsrf, type Actor } from '../app/account/sessions.ts';

export const SESSION_COOKIE = 'rongcuo_session';

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The acting user of a request; throws UNAUTHENTICATED, SESSION_EXPIRED or CSRF_TOKEN_INVALID. */
export async function actorOf(ctx: AppContext, request: FastifyRequest): Promise<Actor> {
  const actor = await authenticate(ctx, request.cookies[SESSION_COOKIE]);
  if (!SAFE.has(request.method)) {
    const header = request.headers['x-csrf-token'];
    checkCsrf(actor, Array.isArray(header) ? header[0] : header);
  }
  return actor;
}
