// The HTTP client of the procedure benchmark and the fault drill (bench/drill/): one
// logged-in user (session cookie and CSRF token), timing every request into a shared
// tally; a non-2xx answer throws.

import { performance } from 'node:perf_hooks';

export const SESSION_COOKIE = 'rongcuo_session';

export class RequestFailed extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly code: string,
    /** Status 0: the socket error's code (ECONNREFUSED, ECONNRESET, …), for the drill's tally. */
    readonly socketError?: string,
  ) {
    super(`${method} ${path}: ${status} ${code}${socketError ? ` (${socketError})` : ''}`);
  }
}

/** Request count and latencies (ms) of every request made through the clients sharing it. */
export class Tally {
  readonly latenciesMs: number[] = [];
  failed = 0;

  get requests(): number {
    return this.latenciesMs.length + this.failed;
  }
}

export class BenchClient {
  private constructor(
    private readonly baseUrl: string,
    private readonly tally: Tally,
    /** `rongcuo_session=…`, for a Cookie header. */
    readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  static async login(
    baseUrl: string,
    username: string,
    password: string,
    tally = new Tally(),
  ): Promise<BenchClient> {
    const res = await fetch(`${baseUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await res.json()) as { csrfToken?: string };
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (res.status !== 200 || !cookie || !body.csrfToken)
      throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body)}`);
    return new BenchClient(baseUrl, tally, cookie, body.csrfToken);
  }

  /** The same session counting into another tally. */
  withTally(tally: Tally): BenchClient {
    return new BenchClient(this.baseUrl, tally, this.cookie, this.csrfToken);
  }

  /**
   * `minimal`: ask a write for no case in its answer (`Prefer: return=minimal`); the
   * answer is then the new version, from the ETag.
   */
  async send<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    {
      minimal = false,
      headers: extra = {},
      timeoutMs,
    }: {
      readonly minimal?: boolean;
      /** e.g. Idempotency-Key, so that a retry after a lost answer replays the first. */
      readonly headers?: Record<string, string>;
      /** A server that hangs is a fault too: the drill gives up on a request after this. */
      readonly timeoutMs?: number;
    } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { ...extra, cookie: this.cookie };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    if (minimal) headers.prefer = 'return=minimal';
    if (body !== undefined) headers['content-type'] = 'application/json';
    const start = performance.now();
    let status: number;
    let text: string;
    let etag: string | null = null;
    try {
      const res = await fetch(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      etag = res.headers.get('etag');
      text = await res.text();
    } catch (error) {
      this.tally.failed++;
      // fetch says only "fetch failed"; the socket's code is on its cause.
      const cause = (error as { cause?: { code?: unknown } }).cause?.code;
      const name = (error as Error).name;
      throw new RequestFailed(
        method,
        path,
        0,
        (error as Error).message,
        typeof cause === 'string' ? cause : name === 'TimeoutError' ? 'TIMEOUT' : undefined,
      );
    }
    if (status < 200 || status > 299) {
      this.tally.failed++;
      let code = text.slice(0, 200);
      try {
        code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? code;
      } catch {
        // not JSON: keep the text
      }
      throw new RequestFailed(method, path, status, code);
    }
    this.tally.latenciesMs.push(performance.now() - start);
    if (status === 204) return { version: Number(/\d+/.exec(etag ?? '')?.[0]) } as T;
    return JSON.parse(text) as T;
  }
}
