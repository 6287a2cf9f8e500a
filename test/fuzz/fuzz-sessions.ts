// The identities a run signs in as, and their sessions: each signed in over HTTP at the
// start, as a user would; a session of its own for a request that ends one (logging
// out); a main session that ended replaced, so that the identity goes on being fuzzed.
// And the credentials each request goes with, as its plan (fuzz-request.ts) says.

import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../../src/app/app-context.ts';
import { insertSession } from '../../src/store/session.repository.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { errorCodeOf } from './fuzz-checks.ts';
import { describeResult } from './fuzz-report.ts';
import type { AuthNames, FuzzRequest, Identity } from './fuzz-request.ts';
import type { FuzzWorld } from './fuzz-world.ts';
import type { StateWatch } from './state-digest.ts';
import type { Wire, WireResult } from './wire.ts';

export interface Session {
  readonly token: string;
  readonly csrf: string;
}

export class FuzzSessions {
  /** Each identity's long-lived session, by label. */
  private readonly main = new Map<string, Session>();
  /** Main sessions that ended during the run and were replaced (by what request). */
  readonly replaced: string[] = [];

  constructor(
    private readonly wire: Wire,
    private readonly ctx: AppContext,
    private readonly world: FuzzWorld,
    private readonly auth: AuthNames,
    /** Told when the runner's own writes (a session made) change the database. */
    private readonly watch: StateWatch,
  ) {}

  /** Signs every identity that has an account in, one after the other. */
  async signInAll(identities: readonly Identity[]): Promise<void> {
    for (const identity of identities) {
      if (identity.username !== null)
        this.main.set(identity.label, await this.signIn(identity.username));
    }
  }

  /** The session the request's plan asks for: the main one, one of its own, or none. */
  async sessionFor(request: FuzzRequest): Promise<Session | undefined> {
    const { identity, auth } = request;
    if (identity.username === null || auth.session === 'none') return undefined;
    if (auth.session === 'fresh') {
      const session = await this.mint(identity.username);
      // Making the session changed the sessions table: compare from here.
      await this.watch.reset();
      return session;
    }
    return this.main.get(identity.label);
  }

  /** Sends the request with the session's cookie and CSRF token, or the plan's own. */
  send(request: FuzzRequest, session: Session | undefined): Promise<WireResult> {
    const { auth } = request;
    const headers: Record<string, string> = { ...request.headers };
    const cookie = auth.cookie ?? (session ? this.cookie(session) : undefined);
    if (cookie !== undefined) headers.cookie = cookie;
    const csrf =
      auth.csrf === 'valid' ? session?.csrf : auth.csrf === 'none' ? undefined : auth.csrf;
    // The token goes with writes; a broken one (bad-auth) goes with every method.
    const literal = auth.csrf !== 'valid' && auth.csrf !== 'none';
    if (csrf !== undefined && (literal || !['GET', 'HEAD'].includes(request.method)))
      headers[this.auth.csrfHeader] = csrf;
    if (request.raw !== undefined) {
      const lines = Object.entries(headers)
        .filter(([k]) => k === 'cookie' || k === this.auth.csrfHeader)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      return this.wire.sendRaw(Buffer.from(request.raw.replace('{{AUTH}}', lines), 'latin1'));
    }
    return this.wire.send(request.method, request.target, headers, request.body);
  }

  /** A GET with an identity's main session; undefined when it has none. */
  async get(label: string, target: string): Promise<WireResult | undefined> {
    const session = this.main.get(label);
    if (!session) return undefined;
    return this.wire.send('GET', target, { cookie: this.cookie(session) }, undefined);
  }

  /**
   * A main session refused as unknown or expired is checked, and replaced if it has
   * ended, so that the identity goes on being fuzzed; each replacement is reported.
   */
  async keepAlive(index: number, request: FuzzRequest, result: WireResult): Promise<void> {
    const { identity } = request;
    if (identity.username === null || request.auth.session !== 'main') return;
    const code = result.ok ? errorCodeOf(result.response) : undefined;
    if (code !== 'UNAUTHENTICATED' && code !== 'SESSION_EXPIRED') return;
    if (request.auth.cookie !== undefined) return;
    const check = await this.get(identity.label, '/api/v1/session');
    if (check?.ok && check.response.status === 200) return;
    this.replaced.push(`#${index} ${identity.label}: ${request.op.key} (${request.note})`);
    this.main.set(identity.label, await this.mint(identity.username));
    await this.watch.reset();
  }

  private cookie(session: Session): string {
    return `${this.auth.cookie}=${session.token}`;
  }

  /** Signs in over HTTP, as a user would. */
  private async signIn(username: string): Promise<Session> {
    const password = this.world.passwords.get(username) ?? '';
    const result = await this.wire.send(
      'POST',
      '/api/v1/session',
      { 'content-type': 'application/json' },
      Buffer.from(JSON.stringify({ username, password })),
    );
    if (!result.ok || result.response.status !== 200)
      throw new Error(`sign-in as ${username}: ${describeResult(result)}`);
    const cookie = result.response.headers['set-cookie'] ?? '';
    const token = new RegExp(`${this.auth.cookie}=([^;,]+)`).exec(cookie)?.[1];
    const body = JSON.parse(result.response.body.toString('utf8')) as { csrfToken: string };
    if (!token) throw new Error(`sign-in as ${username}: no session cookie`);
    return { token, csrf: body.csrfToken };
  }

  /**
   * A session made in the database directly, as sign-in makes one (the SHA-256 of the
   * token as its id): for logging out without ending the main session, and to replace
   * one that ended, without the sign-in limits the fuzzer itself keeps tripping.
   */
  private async mint(username: string): Promise<Session> {
    const user = this.world.user(username);
    if (!user) throw new Error(`no account ${username}`);
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    const id = createHash('sha256').update(token).digest('hex');
    await inTransaction(this.ctx.db, (trx) =>
      insertSession(trx, { id, userId: user.id, csrfToken: csrf, at: this.ctx.now() }),
    );
    return { token, csrf };
  }
}

/**
 * The identities a run signs in as: nobody, one demo account per role, and an
 * investigator of another bureau (for reads and writes across the unit tree).
 */
export function demoIdentities(
  users: readonly { username: string; roles: readonly string[] }[],
): Identity[] {
  const out: Identity[] = [{ label: 'anonymous', username: null }];
  const seen = new Set<string>();
  for (const u of users) {
    const role = u.roles[0];
    if (role === undefined) continue;
    if (!seen.has(role)) {
      seen.add(role);
      out.push({ label: role, username: u.username });
    } else if (role === 'investigator' && !seen.has('investigator-elsewhere')) {
      seen.add('investigator-elsewhere');
      out.push({ label: 'investigator (another bureau)', username: u.username });
    }
  }
  return out;
}
