// The bad-auth mutation: the session cookie or the CSRF token left out, unknown, empty,
// too long or badly encoded, where the route needs them (and a 64 KiB token anywhere).

import type { AuthNames, AuthPlan, Identity } from './fuzz-request.ts';
import type { Operation } from './openapi-operations.ts';
import type { Prng } from './prng.ts';
import type { Draft } from './request-draft.ts';

/** Routes anyone may call; every other route needs a session (and a CSRF token to write). */
const PUBLIC_ROUTES = new Set([
  'GET /api/v1/health',
  'POST /api/v1/evaluate',
  'POST /api/v1/session',
  // 公示 published to the public (社会公开), read without signing in.
  'GET /api/v1/public/publications',
  'GET /api/v1/public/publications/{id}',
]);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function badAuth(
  d: Draft,
  op: Operation,
  identity: Identity,
  rng: Prng,
  auth: AuthNames,
): void {
  const needsSession = !PUBLIC_ROUTES.has(op.key);
  const unsafe = !SAFE_METHODS.has(op.method);
  const bogus = rng.text(43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');
  const cookie = auth.cookie;
  const variants: [string, Partial<AuthPlan>, boolean][] = [
    ['no session cookie', { session: 'none' }, needsSession],
    ['an unknown session token', { cookie: `${cookie}=${bogus}` }, needsSession],
    ['a session token with bad percent-encoding', { cookie: `${cookie}=%zz%` }, needsSession],
    ['a 6 KiB session token', { cookie: `${cookie}=${'A'.repeat(6144)}` }, needsSession],
    ['a session token with NUL', { cookie: `${cookie}=a\u0000b` }, needsSession],
    ['an empty cookie header', { cookie: '' }, needsSession],
  ];
  if (identity.username !== null) {
    variants.push(
      ['no CSRF token', { csrf: 'none' }, needsSession && unsafe],
      ['a wrong CSRF token', { csrf: bogus.slice(0, 32) }, needsSession && unsafe],
      ['a 64 KiB CSRF token', { csrf: 'x'.repeat(64 * 1024) }, true],
      ['an empty CSRF token', { csrf: '' }, needsSession && unsafe],
    );
  }
  const [what, plan, refused] = rng.pick(variants);
  d.auth = { ...d.auth, ...plan };
  d.notes.push(`bad-auth: ${what}`);
  if (refused) d.mustRefuse = true;
}
