// Bad input over real HTTP (issue 8, items 1, 5, 12–16): text that is not text, numbers
// and days out of range, deep nesting, coerced types, Fastify's own refusals, the security
// headers, evidence received only from a signed-in writer and a few at a time, and
// evidence names tied to their verified type. Every refusal is a 4xx in the error shape
// with a Chinese message, and leaves nothing written.
import { sql } from 'kysely';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo-data.ts';
import { MAX_PARAM_LENGTH } from '../../src/http/http-errors.ts';
import { buildServer } from '../../src/http/server.ts';
import { MAX_CONCURRENT_UPLOADS } from '../../src/http/case/evidence.routes.ts';
import { HttpClient } from '../support/http-client.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';
import { rawRequest, signIn } from './raw-http.ts';

const NOWHERE = '00000000-0000-0000-0000-000000000000';
const CJK = /[\u4e00-\u9fff]/;

/** The error shape with a stable code and a Chinese message, and no Fastify English. */
function expectRefusal(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ error: { code, message: expect.stringMatching(CJK) } });
  const { message } = (res.body as { error: { message: string } }).error;
  expect(message).not.toMatch(/Bad Request|FST_ERR|must|should|is not|Unsupported|Body/);
  return message;
}

describe.each(storeTargets())('input hardening on $name', (target) => {
  const h = useHarness(target);
  afterEach(() => {
    vi.restoreAllMocks();
  });
  // One session per user for the whole file: logins are rate-limited per account.
  const sessions = new Map<string, Promise<HttpClient>>();
  const as = (username: string) => {
    if (!sessions.has(username)) sessions.set(username, h.as(username));
    return sessions.get(username)!;
  };
  /** A session to send by hand over a bare socket (another investigator, logged in once). */
  let bare: Promise<{ cookie: string; csrf: string }> | undefined;
  const bareSession = () => (bare ??= signIn(h.url, 'sunhao', DEMO_PASSWORD));

  const auditCount = async () =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from audit_events`.execute(h.app.ctx.db))
        .rows[0]!.n,
    );

  /** The demo case under investigation by lina, with its current version. */
  async function investigatedCase(client: HttpClient) {
    const list = await client.get(`/api/v1/cases?state=investigating`);
    const summary = list.body.items.find((c: { title: string }) =>
      c.title.startsWith('对违法生产经营单位'),
    );
    const detail = (await client.get(`/api/v1/cases/${summary.id}`)).body;
    return { id: detail.id as string, version: detail.version as number };
  }

  it('refuses a NUL or a lone surrogate in any text a request carries, and writes nothing', async () => {
    const lina = await as('lina');
    const sys = await as('sysadmin');
    const c = await investigatedCase(lina);
    const unitId = await h.unitId('综合行政执法大队');
    const opening = {
      origin: 'initiation',
      unitId,
      officerId: await h.userId('wangqiang'),
      title: '标题',
      conduct: '行为',
      conductDate: '2025-03-01',
      enforcementAction: 'inspection',
    };
    const stranger = new HttpClient(h.url);
    const before = await auditCount();
    const probes: [string, () => Promise<{ status: number; body: unknown }>][] = [
      // Issue 8 item 1: an unauthenticated login whose name is a lone surrogate.
      [
        'login surrogate',
        () => stranger.post('/api/v1/session', { username: '\ud800', password: 'x' }),
      ],
      [
        'login NUL',
        () => stranger.post('/api/v1/session', { username: 'lina\u0000', password: 'x' }),
      ],
      ['title NUL', () => lina.post('/api/v1/cases', { ...opening, title: 'a\u0000b' })],
      [
        'conduct low surrogate',
        () => lina.post('/api/v1/cases', { ...opening, conduct: 'x\udc00' }),
      ],
      ['key surrogate', () => lina.post('/api/v1/cases', { ...opening, '\ud83d': 1 })],
      [
        'fact note',
        () =>
          lina.request('PUT', `/api/v1/cases/${c.id}/facts/a10.3`, {
            version: c.version,
            value: true,
            note: '\u0000',
          }),
      ],
      ['list filter', () => lina.get('/api/v1/cases?q=%00')],
      [
        'path parameter',
        () => lina.request('PUT', `/api/v1/cases/${c.id}/facts/%00`, { version: 1, value: true }),
      ],
      [
        'unit name',
        () => sys.post('/api/v1/units', { name: '科\u0000', parentId: null, kind: 'section' }),
      ],
      [
        'evidence name',
        () =>
          lina.request(
            'POST',
            `/api/v1/cases/${c.id}/evidence?version=${c.version}&filename=a%00.txt`,
            Buffer.from('证据'),
            { 'content-type': 'text/plain' },
          ),
      ],
      [
        'evaluate fact key',
        () =>
          stranger.post('/api/v1/evaluate', {
            policy: 'xilingol-emergency-2024',
            facts: { '\udfff': true },
          }),
      ],
      [
        'cookie',
        () =>
          stranger.request('GET', '/api/v1/cases', undefined, { cookie: 'rongcuo_session=%00' }),
      ],
    ];
    for (const [name, probe] of probes) {
      const res = await probe();
      const message = expectRefusal(res, 400, 'INVALID_INPUT');
      expect(message, name).toMatch(/空字符（NUL）或不成对的 UTF-16 代理项/);
      expect(message, name).not.toMatch(/[\0\ud800-\udfff]/);
    }
    expect(await auditCount()).toBe(before);
    // Well-formed text beyond the BMP (a surrogate pair) is text, and passes.
    expect((await lina.get(`/api/v1/cases?q=${encodeURIComponent('😀')}`)).status).toBe(200);
  });

  it('bounds every integer a client sends within PostgreSQL’s range', async () => {
    const lina = await as('lina');
    const audit = await as('auditadmin');
    const c = await investigatedCase(lina);
    const huge = '99999999999999999999';
    for (const res of [
      await lina.get(`/api/v1/cases?offset=${huge}`),
      await lina.get(`/api/v1/cases?offset=2147483648`),
      await audit.get(`/api/v1/audit?after=${huge}`),
      await lina.get(`/api/v1/policies/xilingol-emergency-2024?version=${huge}`),
      await lina.request('PUT', `/api/v1/cases/${c.id}/facts/a10.3`, {
        version: 1e10,
        value: true,
      }),
      await lina.request(
        'POST',
        `/api/v1/cases/${c.id}/evidence?version=${huge}&filename=a.txt`,
        Buffer.from('x'),
        { 'content-type': 'text/plain' },
      ),
    ])
      expectRefusal(res, 400, 'INVALID_INPUT');
    expect((await lina.get('/api/v1/cases?offset=2147483647')).body.items).toEqual([]);

    // And the contract says so: every integer of every request has both bounds.
    const doc = (await lina.get('/api/v1/openapi.json')).body;
    const unbounded: string[] = [];
    const walk = (schema: unknown, where: string) => {
      if (schema === null || typeof schema !== 'object') return;
      const s = schema as Record<string, unknown>;
      if (s.type === 'integer' && (s.minimum === undefined || s.maximum === undefined))
        unbounded.push(where);
      for (const [k, v] of Object.entries(s)) walk(v, `${where}.${k}`);
    };
    for (const [route, methods] of Object.entries(doc.paths as Record<string, object>))
      for (const [method, op] of Object.entries(methods as Record<string, object>)) {
        const { parameters, requestBody } = op as { parameters?: unknown; requestBody?: unknown };
        walk(parameters, `${method} ${route} parameters`);
        walk(requestBody, `${method} ${route} body`);
      }
    expect(unbounded).toEqual([]);
  });

  it('refuses a number no integer is, in every integer of every request: Infinity, NaN, 1e400, 4,000 digits', async () => {
    const lina = await as('lina');
    const c = await investigatedCase(lina);
    // Every integer parameter of the contract, found in the OpenAPI document.
    const doc = (await lina.get('/api/v1/openapi.json')).body;
    type Parameter = { in: string; name: string; schema: { type?: string; format?: string } };
    const targets: { method: string; url: string; name: string }[] = [];
    for (const [route, methods] of Object.entries(doc.paths as Record<string, object>))
      for (const [method, op] of Object.entries(methods as Record<string, object>)) {
        const parameters = (op as { parameters?: Parameter[] }).parameters ?? [];
        let url = route;
        for (const p of parameters.filter((p) => p.in === 'path'))
          url = url.replace(
            `{${p.name}}`,
            p.schema.format === 'uuid' ? c.id : 'xilingol-emergency-2024',
          );
        for (const p of parameters.filter((p) => p.in === 'query'))
          if (p.schema.type === 'integer') targets.push({ method, url, name: p.name });
      }
    expect(targets.map((t) => t.name).sort()).toEqual(
      [
        'after',
        'limit',
        'limit',
        'offset',
        'version',
        'version',
        // 公示: the signed-in list and the public one.
        ...['limit', 'offset', 'limit', 'offset'],
        // The audit log's pages.
        'offset',
        // 典型案例: the library's pages and its article filter; how many 类案 are listed.
        ...['article', 'limit', 'offset', 'limit'],
        // 纠错: the list's pages.
        ...['page', 'pageSize'],
        // 警示提醒: the list's pages.
        ...['limit', 'offset'],
        // 澄清正名: the list's pages.
        ...['page', 'pageSize'],
        // 信访举报: the list's pages.
        ...['page', 'pageSize'],
      ].sort(),
    );
    const notIntegers = ['Infinity', '-Infinity', '+Infinity', 'NaN', '1e400', '-1e400'];
    notIntegers.push('9'.repeat(4000), `-${'9'.repeat(4000)}`);
    const before = await auditCount();
    for (const { method, url, name } of targets)
      for (const value of notIntegers) {
        const target = `${url}?${name}=${value}${name === 'version' ? '&filename=a.txt' : ''}`;
        const res =
          method === 'get'
            ? await lina.get(target)
            : await lina.request(method.toUpperCase(), target, Buffer.from('x'), {
                'content-type': 'text/plain',
              });
        expect(expectRefusal(res, 400, 'INVALID_INPUT'), `${method} ${target}`).toContain(name);
      }
    // A JSON body has no Infinity, but 1e400 and 4,000 digits parse to it.
    const factPath = `/api/v1/cases/${c.id}/facts/a10.3`;
    for (const version of ['1e400', '9'.repeat(4000)])
      expectRefusal(
        await lina.request('PUT', factPath, `{"version":${version},"value":true}`, {
          'content-type': 'application/json',
        }),
        400,
        'INVALID_INPUT',
      );
    expect(await auditCount()).toBe(before);
    // What is an integer in another spelling is still one.
    expect((await lina.get('/api/v1/cases?limit=1e0&offset=0')).body.items).toHaveLength(1);
  });

  it('takes only days the calendar has', async () => {
    const lina = await as('lina');
    for (const day of ['2025-02-29', '2025-02-30', '9999-99-99', '0000-01-01', '2025-2-1'])
      for (const filter of ['from', 'to']) {
        const res = await lina.get(`/api/v1/cases?${filter}=${day}`);
        expect(expectRefusal(res, 400, 'INVALID_INPUT'), `${filter}=${day}`).toContain(
          '应当是日期，格式为 YYYY-MM-DD',
        );
      }
    expect((await lina.get('/api/v1/cases?from=2024-02-29&to=2030-12-31')).status).toBe(200);
  });

  it('refuses JSON nested deeper than any request needs, on the public evaluation too', async () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const stranger = new HttpClient(h.url);
    const json = { 'content-type': 'application/json' };
    let res = await stranger.request(
      'POST',
      '/api/v1/evaluate',
      `{"policy":"xilingol-emergency-2024","facts":{},"asOf":${deep(5000)}}`,
      json,
    );
    expect(expectRefusal(res, 400, 'INVALID_INPUT')).toContain('嵌套超过 32 层');
    const lina = await as('lina');
    res = await lina.request('POST', '/api/v1/cases', `{"title":${deep(5000)}}`, json);
    expectRefusal(res, 400, 'INVALID_INPUT');
    // The contract's own answer to a wrong asOf is unchanged.
    res = await stranger.post('/api/v1/evaluate', {
      policy: 'xilingol-emergency-2024',
      facts: {},
      asOf: [[['2025-01-01']]],
    });
    expect(res.body.error.code).toBe('INVALID_DATE');
  });

  it('takes a JSON body as it is typed: a wrong type is refused, never coerced', async () => {
    const lina = await as('lina');
    const sys = await as('sysadmin');
    const c = await investigatedCase(lina);
    const factPath = `/api/v1/cases/${c.id}/facts/a10.3`;
    for (const body of [
      { version: c.version, value: 'false' },
      { version: c.version, value: '' },
      { version: c.version, value: 0 },
      { version: String(c.version), value: true },
    ])
      expectRefusal(await lina.request('PUT', factPath, body), 400, 'INVALID_INPUT');
    expect((await investigatedCase(lina)).version).toBe(c.version);
    expectRefusal(
      await lina.post('/api/v1/cases', {
        origin: 'initiation',
        unitId: await h.unitId('综合行政执法大队'),
        officerId: await h.userId('wangqiang'),
        title: -1,
        conduct: '行为',
        conductDate: '2025-03-01',
        enforcementAction: 'inspection',
      }),
      400,
      'INVALID_INPUT',
    );
    expectRefusal(
      await sys.post('/api/v1/users', {
        username: true,
        displayName: '真',
        unitId: await h.unitId('执法监督科'),
        password: 'Xilin#Gol2026',
      }),
      400,
      'INVALID_INPUT',
    );
    // Query strings and paths are text, and are still read as the numbers they spell.
    expect((await lina.get('/api/v1/cases?limit=1&offset=0')).body.items).toHaveLength(1);
    expect((await lina.get('/api/v1/policies/xilingol-emergency-2024?version=1')).status).toBe(200);
    expect((await lina.request('PUT', factPath, { version: c.version, value: false })).status).toBe(
      200,
    );
  });

  it('answers Fastify’s own refusals in the error shape, in Chinese', async () => {
    const lina = await as('lina');
    const json = { 'content-type': 'application/json' };
    const checks: [Promise<{ status: number; body: unknown }>, number, string][] = [
      [lina.get('/api/v1/officers/%ff/record'), 400, 'INVALID_INPUT'],
      [
        lina.get(`/api/v1/officers/${'a'.repeat(MAX_PARAM_LENGTH + 1)}/record`),
        400,
        'INVALID_INPUT',
      ],
      [lina.request('PATCH', '/api/v1/cases'), 404, 'NOT_FOUND'],
      [lina.request('POST', '/api/v1/cases', '{"title":', json), 400, 'INVALID_INPUT'],
      [lina.request('POST', '/api/v1/cases', '{"__proto__":{"x":1}}', json), 400, 'INVALID_INPUT'],
      [lina.request('POST', '/api/v1/cases', '', json), 400, 'INVALID_INPUT'],
      [
        lina.request('POST', '/api/v1/cases', 'x', { 'content-type': 'application/xml' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        lina.request('POST', '/api/v1/cases', JSON.stringify({ title: 'x'.repeat(200_000) }), json),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
    ];
    for (const [res, status, code] of checks) expectRefusal(await res, status, code);

    // What Node's parser refuses never reaches a route, and is answered in the shape too.
    const garbled = await rawRequest(h.url, 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header')
      .answer;
    expectRefusal(garbled, 400, 'INVALID_INPUT');
    expect(garbled.headers['x-content-type-options']).toBe('nosniff');
    // Answered before any hook runs, and still with the headers the hooks add.
    const badUrl = await lina.get('/api/v1/officers/%ff/record');
    expect(badUrl.headers.get('cache-control')).toBe('no-store');
    expect(badUrl.headers.get('x-frame-options')).toBe('DENY');
    const bloated = await rawRequest(
      h.url,
      `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}`,
    ).answer;
    expectRefusal(bloated, 431, 'INVALID_INPUT');
    // An HTTP/1.1 request must name its host (RFC 9112 §3.2); Node refuses one that does
    // not with an empty 400 of its own: this one is in the shape and has the headers.
    const hostless = await rawRequest(h.url, 'GET /api/v1/health HTTP/1.1\r\nConnection: close')
      .answer;
    expect(expectRefusal(hostless, 400, 'INVALID_INPUT')).toContain('Host');
    expect(hostless.headers['x-content-type-options']).toBe('nosniff');
    expect(hostless.headers['cache-control']).toBe('no-store');
    // HTTP/1.0 had no Host header: a request without one is still answered.
    const old = await rawRequest(h.url, 'GET /api/v1/health HTTP/1.0').answer;
    expect(old.status).toBe(200);
    // An expectation the server cannot meet, which Node would refuse with an empty 417.
    const expecting = await rawRequest(
      h.url,
      'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nExpect: something-else',
    ).answer;
    expect(expectRefusal(expecting, 417, 'INVALID_INPUT')).toContain('Expect');
    expect(expecting.headers['x-content-type-options']).toBe('nosniff');
  });

  it('logs every 5xx even with the request log off: the request id and stack, never the body', async () => {
    const broken = await buildServer({
      ...h.app.ctx,
      now: () => {
        throw new Error('the clock stopped');
      },
    });
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      if (String(chunk).includes('"level":"error"')) lines.push(String(chunk));
      return true;
    });
    try {
      const res = await broken.inject({
        method: 'POST',
        url: '/api/v1/evaluate',
        payload: { policy: 'xilingol-emergency-2024', facts: {}, secret: 'hunter2-password' },
      });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({
        error: { code: 'INTERNAL', message: expect.stringMatching(CJK) },
      });
      expect(lines).toHaveLength(1);
      const logged = JSON.parse(lines[0]!);
      expect(logged).toMatchObject({
        level: 'error',
        reqId: expect.any(String),
        method: 'POST',
        route: '/api/v1/evaluate',
        status: 500,
        err: {
          message: 'the clock stopped',
          stack: expect.stringContaining('Error: the clock stopped'),
        },
      });
      expect(lines[0]).not.toContain('hunter2');
    } finally {
      vi.restoreAllMocks();
      await broken.close();
    }
  });

  it('sends the security headers, and no API answer may be cached', async () => {
    const web = await mkdtemp(path.join(tmpdir(), 'rongcuo-web-'));
    await writeFile(path.join(web, 'index.html'), '<!doctype html><title>容错</title>');
    const server = await buildServer(h.app.ctx, { webRoot: web });
    try {
      for (const url of ['/cases/123', '/api/v1/health', '/api/v1/docs', '/api/v1/nowhere']) {
        const res = await server.inject({ method: 'GET', url });
        const csp = String(res.headers['content-security-policy']);
        expect(csp, url).toContain("default-src 'self'");
        expect(csp, url).toContain("script-src 'self'");
        expect(csp, url).not.toMatch(/script-src[^;]*unsafe/);
        expect(csp, url).toContain("frame-ancestors 'none'");
        expect(csp, url).toContain("object-src 'none'");
        expect(res.headers['x-frame-options'], url).toBe('DENY');
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(res.headers['referrer-policy'], url).toBe('no-referrer');
        if (url.startsWith('/api/')) expect(res.headers['cache-control'], url).toBe('no-store');
      }
      // Over plain HTTP nothing tells the browser to upgrade to an HTTPS nobody serves.
      const plain = await server.inject({ method: 'GET', url: '/api/v1/health' });
      expect(String(plain.headers['content-security-policy'])).not.toContain('upgrade-insecure');
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await server.close();
      await rm(web, { recursive: true, force: true });
    }
    const lina = await as('lina');
    const res = await lina.get('/api/v1/cases');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('asks for the session and CSRF token before it reads a body, and takes a large body only as evidence', async () => {
    const path = `/api/v1/cases/${NOWHERE}/evidence?version=1&filename=a.pdf`;
    const announced = (extra: string) =>
      `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\nContent-Length: 19000000${extra}`;
    // No byte of the 19 MB is ever sent: the server answers without waiting for it.
    expectRefusal(await rawRequest(h.url, announced('')).answer, 401, 'UNAUTHENTICATED');
    const session = await bareSession();
    const noToken = await rawRequest(h.url, announced(`\r\nCookie: ${session.cookie}`)).answer;
    expectRefusal(noToken, 403, 'CSRF_TOKEN_INVALID');
    // Every other write, too.
    const opening = `POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100`;
    expectRefusal(await rawRequest(h.url, opening).answer, 401, 'UNAUTHENTICATED');

    // Signed in: over 20 MiB is refused as soon as it is announced.
    const signedIn = `\r\nCookie: ${session.cookie}\r\nX-CSRF-Token: ${session.csrf}`;
    const tooBig = await rawRequest(
      h.url,
      announced(signedIn).replace('19000000', String(21 * 1024 * 1024)),
    ).answer;
    expectRefusal(tooBig, 413, 'EVIDENCE_TOO_LARGE');
    // ...or when it grows past the limit, sent in chunks without a length.
    const chunked = rawRequest(
      h.url,
      `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\nTransfer-Encoding: chunked${signedIn}`,
    );
    const chunk = Buffer.alloc(1024 * 1024, 0x25);
    const sendChunks = async () => {
      for (let i = 0; i < 22 && !chunked.socket.destroyed; i++)
        await new Promise<void>((resolve) =>
          chunked.socket.write(`${chunk.length.toString(16)}\r\n`, () =>
            chunked.socket.write(chunk, () => chunked.socket.write('\r\n', () => resolve())),
          ),
        );
    };
    void sendChunks().catch(() => {});
    expectRefusal(await chunked.answer, 413, 'EVIDENCE_TOO_LARGE');

    // Anything but evidence is small: a 200 KB case or evaluation, a file to another route.
    const lina = await as('lina');
    const big = JSON.stringify({
      policy: 'xilingol-emergency-2024',
      facts: {},
      pad: 'x'.repeat(200_000),
    });
    expectRefusal(
      await new HttpClient(h.url).request('POST', '/api/v1/evaluate', big, {
        'content-type': 'application/json',
      }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expectRefusal(
      await lina.request('POST', `/api/v1/cases/${NOWHERE}/actions/accept`, Buffer.from('%PDF-'), {
        'content-type': 'application/pdf',
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it(`receives at most ${MAX_CONCURRENT_UPLOADS} uploads at once, and frees a slot when a client goes away`, async () => {
    const session = await bareSession();
    const head = (length: number) =>
      `POST /api/v1/cases/${NOWHERE}/evidence?version=1&filename=a.pdf HTTP/1.1\r\nHost: x\r\n` +
      `Content-Type: application/pdf\r\nContent-Length: ${length}\r\n` +
      `Cookie: ${session.cookie}\r\nX-CSRF-Token: ${session.csrf}`;
    // A probe takes a slot if one is free and is then refused for its size at once.
    const probe = async () => (await rawRequest(h.url, head(30 * 1024 * 1024)).answer).status;
    const held = Array.from({ length: MAX_CONCURRENT_UPLOADS }, () =>
      rawRequest(h.url, head(1024 * 1024), '%PDF-'),
    );
    // Their answers never come: they hang up first.
    for (const upload of held) upload.answer.catch(() => {});
    let status = 0;
    for (let i = 0; i < 500 && status !== 503; i++) status = await probe();
    expect(status).toBe(503);
    const busy = await rawRequest(h.url, head(30 * 1024 * 1024)).answer;
    expectRefusal(busy, 503, 'UPLOADS_BUSY');
    expect(busy.headers['retry-after']).toBe('5');
    // The clients that held the slots hang up: the slots come back.
    for (const upload of held) upload.socket.destroy();
    for (let i = 0; i < 500 && status === 503; i++) status = await probe();
    expect(status).toBe(413);
  });

  it(`shares the ${MAX_CONCURRENT_UPLOADS} upload slots among every area's uploads: a case's, a correction's, a report's`, async () => {
    const session = await bareSession();
    const head = (path: string, length: number) =>
      `POST ${path} HTTP/1.1\r\nHost: x\r\n` +
      `Content-Type: application/pdf\r\nContent-Length: ${length}\r\n` +
      `Cookie: ${session.cookie}\r\nX-CSRF-Token: ${session.csrf}`;
    const evidence = `/api/v1/cases/${NOWHERE}/evidence?version=1&filename=a.pdf`;
    const others = [
      `/api/v1/corrections/${NOWHERE}/progress/${NOWHERE}/evidence?filename=a.pdf`,
      `/api/v1/reports/${NOWHERE}/attachments?filename=a.pdf`,
    ];
    // A probe takes a slot if one is free and is then refused for its size at once.
    const probe = async (path: string) =>
      (await rawRequest(h.url, head(path, 30 * 1024 * 1024)).answer).status;
    let status = 0;
    for (const path of others) expect(await probe(path)).toBe(413);
    const held = Array.from({ length: MAX_CONCURRENT_UPLOADS }, () =>
      rawRequest(h.url, head(evidence, 1024 * 1024), '%PDF-'),
    );
    for (const upload of held) upload.answer.catch(() => {});
    for (let i = 0; i < 500 && status !== 503; i++) status = await probe(evidence);
    expect(status).toBe(503);
    // The case's uploads hold every slot: the other areas' wait too.
    for (const path of others)
      expectRefusal(
        await rawRequest(h.url, head(path, 30 * 1024 * 1024)).answer,
        503,
        'UPLOADS_BUSY',
      );
    for (const upload of held) upload.socket.destroy();
    for (let i = 0; i < 500 && status === 503; i++) status = await probe(evidence);
    expect(status).toBe(413);
  });

  it('gives an upload slot back however the request ends: a chunk the parser refuses, a client gone before its session is checked', async () => {
    const session = await bareSession();
    const head = (framing: string) =>
      `POST /api/v1/cases/${NOWHERE}/evidence?version=1&filename=a.pdf HTTP/1.1\r\nHost: x\r\n` +
      `Content-Type: application/pdf\r\n${framing}\r\n` +
      `Cookie: ${session.cookie}\r\nX-CSRF-Token: ${session.csrf}`;
    // Each of these ends while its session is being checked, before the slot is taken:
    // Node's parser refuses the chunk size, or the client hangs up. More of them than
    // there are slots, one after another.
    for (let i = 0; i <= MAX_CONCURRENT_UPLOADS; i++) {
      const garbled = await rawRequest(
        h.url,
        head('Transfer-Encoding: chunked'),
        'zz\r\n{}\r\n0\r\n\r\n',
      ).answer;
      expectRefusal(garbled, 400, 'INVALID_INPUT');
      const gone = rawRequest(h.url, head('Content-Length: 1000'), '%PDF-');
      gone.answer.catch(() => {});
      gone.socket.end();
      await new Promise((resolve) => gone.socket.once('close', resolve));
    }
    // Every slot is free again: all of them can be held at once, and then no more.
    const probe = async () =>
      (await rawRequest(h.url, head(`Content-Length: ${30 * 1024 * 1024}`)).answer).status;
    let status = 503;
    for (let i = 0; i < 500 && status === 503; i++) status = await probe();
    expect(status).toBe(413);
    const held = Array.from({ length: MAX_CONCURRENT_UPLOADS }, () =>
      rawRequest(h.url, head(`Content-Length: ${1024 * 1024}`), '%PDF-'),
    );
    const heldAnswers = held.map((upload) =>
      upload.answer.then(
        (answer) => answer.status,
        () => 'hung up',
      ),
    );
    for (let i = 0; i < 500 && status !== 503; i++) status = await probe();
    expect(status).toBe(503);
    for (const upload of held) upload.socket.destroy();
    // None of them was turned away for want of a slot: each held one until it hung up.
    expect(await Promise.all(heldAnswers)).toEqual(held.map(() => 'hung up'));
    for (let i = 0; i < 500 && status === 503; i++) status = await probe();
    expect(status).toBe(413);
  });

  it('goes no further with a request whose connection is gone, on any route: nothing fails for want of it', async () => {
    // A server of its own, to see every answer the routes give, heard or not.
    const server = await buildServer(h.app.ctx);
    const answered: number[] = [];
    server.addHook('onSend', async (_request, reply, payload) => {
      answered.push(reply.statusCode);
      return payload;
    });
    const url = await server.listen({ port: 0, host: '127.0.0.1' });
    const lines: string[] = [];
    try {
      const session = await signIn(url, 'sunhao', DEMO_PASSWORD);
      const signedIn = `Cookie: ${session.cookie}\r\nX-CSRF-Token: ${session.csrf}\r\n`;
      const targets = [
        'POST /api/v1/session',
        'PUT /api/v1/session/password',
        'POST /api/v1/evaluate',
        'POST /api/v1/cases',
        `POST /api/v1/cases/${NOWHERE}/evidence?version=1&filename=a.pdf`,
      ];
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
        if (String(chunk).includes('"level":"error"')) lines.push(String(chunk));
        return true;
      });
      const before = answered.length;
      for (const target of targets) {
        // Head and a chunk size Node's parser refuses, in one write: the parser refuses the
        // body and closes the connection in the same read that handed the head to Fastify.
        const type = target.includes('evidence') ? 'application/pdf' : 'application/json';
        const garbled = await rawRequest(
          url,
          `${target} HTTP/1.1\r\nHost: x\r\nContent-Type: ${type}\r\n${signedIn}` +
            'Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0',
        ).answer;
        expectRefusal(garbled, 400, 'INVALID_INPUT');
      }
      // Every one of them answered (to no one), none of them with a 5xx, none logged.
      for (let i = 0; i < 1000 && answered.length - before < targets.length; i++)
        await new Promise((resolve) => setImmediate(resolve));
      expect(answered.slice(before)).toEqual(targets.map(() => 400));
      expect(lines).toEqual([]);
    } finally {
      vi.restoreAllMocks();
      await server.close();
    }
  });

  it('keeps an evidence file under a name whose extension is its verified type', async () => {
    const lina = await as('lina');
    const upload = async (filename: string, type: string, content: Buffer) => {
      const c = await investigatedCase(lina);
      return lina.request(
        'POST',
        `/api/v1/cases/${c.id}/evidence?version=${c.version}&filename=${encodeURIComponent(filename)}`,
        content,
        { 'content-type': type },
      );
    };
    const pdf = Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF');
    const named: [string, string, Buffer, string][] = [
      ['note.html', 'text/plain', Buffer.from('<script>alert(1)</script>'), 'note.html.txt'],
      ['drawing.svg', 'application/pdf', pdf, 'drawing.svg.pdf'],
      ['扫描件', 'application/pdf', pdf, '扫描件.pdf'],
      ['  检测报告.PDF ', 'application/pdf', pdf, '检测报告.PDF'],
    ];
    for (const [filename, type, content, stored] of named) {
      const res = await upload(filename, type, content);
      expect(res.status, filename).toBe(201);
      const file = res.body.evidence.at(-1);
      expect(file.filename, filename).toBe(stored);
      const download = await lina.get(`/api/v1/cases/${res.body.id}/evidence/${file.id}`);
      expect(download.headers.get('content-disposition')).toBe(
        `attachment; filename*=UTF-8''${encodeURIComponent(stored)}`,
      );
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
      expect(download.headers.get('cache-control')).toBe('no-store');
    }
    const text = (await investigatedCase(lina)).id;
    const txt = (await lina.get(`/api/v1/cases/${text}`)).body.evidence.find(
      (e: { filename: string }) => e.filename === 'note.html.txt',
    );
    expect(
      (await lina.get(`/api/v1/cases/${text}/evidence/${txt.id}`)).headers.get('content-type'),
    ).toBe('text/plain; charset=utf-8');

    // A name that is blank, or that no person types, is refused; nothing is written.
    const before = await auditCount();
    // (' ' travels as filename=%20.)
    for (const filename of [' ', '..', 'a/b.txt', 'tab\there.txt', 'report\u202Etxt.exe'])
      expectRefusal(await upload(filename, 'text/plain', Buffer.from('x')), 400, 'INVALID_INPUT');
    expect(await auditCount()).toBe(before);
  });
});
