// The session cookie and the per-request actor. Unsafe methods must carry the session's
// CSRF token in `x-csrf-token` (synchronizer token; the cookie is also SameSite=Strict).

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/app-context.ts';
import {
  authenticate,
  checkCsrf,
  requirePasswordChanged,
  type SessionActor,
} from '../app/account/sessions.ts';

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

/** The actor already found for a request: the early check and the handler ask once. */
const actors = new WeakMap<FastifyRequest, SessionActor>();

/**
 * What a session whose password an administrator set may do before changing it: read
 * itself, change the password, log out. Every other route answers PASSWORD_CHANGE_REQUIRED.
 */
const BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/v1/session',
  'DELETE /api/v1/session',
  'PUT /api/v1/session/password',
]);

/**
 * The acting user of a request; throws UNAUTHENTICATED, SESSION_EXPIRED or
 * CSRF_TOKEN_INVALID, and PASSWORD_CHANGE_REQUIRED outside BEFORE_PASSWORD_CHANGE.
 */
export async function actorOf(ctx: AppContext, request: FastifyRequest): Promise<SessionActor> {
  const known = actors.get(request);
  if (known) return known;
  const actor = await authenticate(ctx, request.cookies[SESSION_COOKIE]);
  if (!SAFE.has(request.method)) {
    const header = request.headers['x-csrf-token'];
    checkCsrf(actor, Array.isArray(header) ? header[0] : header);
  }
  if (!BEFORE_PASSWORD_CHANGE.has(`${request.method} ${request.routeOptions.url ?? ''}`))
    requirePasswordChanged(actor);
  actors.set(request, actor);
  return actor;
}

/** The writes a stranger may send: logging in, and the public determination contract. */
const PUBLIC_WRITES = new Set(['POST /api/v1/session', 'POST /api/v1/evaluate']);

/**
 * An onRequest hook: every other write to the API must show its session and CSRF token
 * before its body is read, so a stranger cannot make the server receive, buffer or parse
 * anything (a body is read after onRequest). The handler's actorOf then finds the actor
 * already known.
 */
export function authenticateBeforeBody(ctx: AppContext) {
  return async (request: FastifyRequest): Promise<void> => {
    const route = request.routeOptions.url;
    if (SAFE.has(request.method) || route === undefined || !route.startsWith('/api/')) return;
    if (PUBLIC_WRITES.has(`${request.method} ${route}`)) return;
    await actorOf(ctx, request);
  };
}
