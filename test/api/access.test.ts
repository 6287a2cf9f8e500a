// Accounts and access over real HTTP: login, lockout, CSRF, idle timeout, the
// authorization matrix, the three administrators, and the audit chain under tampering.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo-data.ts';
import { HttpClient } from '../support/http-client.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

describe.each(storeTargets())('accounts and access on $name', (target) => {
  const h = useHarness(target);

  it('logs in with an HttpOnly SameSite session cookie and logs out', async () => {
    const client = new HttpClient(h.url);
    const res = await client.post('/api/v1/session', { username: 'lina', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/rongcuo_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    client.csrfToken = res.body.csrfToken;
    expect((await client.get('/api/v1/session')).body.user.roleLabels).toEqual(['调查人员']);
    expect((await client.request('DELETE', '/api/v1/session')).status).toBe(204);
    expect((await client.get('/api/v1/session')).body.error.code).toBe('UNAUTHENTICATED');
  });

  it('locks an account after 5 failed logins, and says so', async () => {
    const client = new HttpClient(h.url);
    for (let i = 0; i < 4; i++) {
      expect(
        (await client.post('/api/v1/session', { username: 'zhaoli', password: 'wrong' })).body.error
          .code,
      ).toBe('INVALID_CREDENTIALS');
    }
    const fifth = await client.post('/api/v1/session', { username: 'zhaoli', password: 'wrong' });
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('ACCOUNT_LOCKED');
    const right = await client.post('/api/v1/session', {
      username: 'zhaoli',
      password: DEMO_PASSWORD,
    });
    expect(right.body.error.code).toBe('ACCOUNT_LOCKED');
    h.advance(16 * 60_000);
    expect(
      (await client.post('/api/v1/session', { username: 'zhaoli', password: DEMO_PASSWORD }))
        .status,
    ).toBe(200);
    expect(
      (await client.post('/api/v1/session', { username: 'nobody', password: 'x' })).body.error.code,
    ).toBe('INVALID_CREDENTIALS');
  });

  it('refuses a request it cannot read or whose fields are wrong in Chinese, with a stable code', async () => {
    const client = await h.as('wangqiang');
    const unitId = await h.unitId('综合行政执法大队');
    const json = { 'content-type': 'application/json' };
    const cases: [string, string, string | null, Record<string, string>, number, string, string][] =
      [
        [
          'POST',
          '/api/v1/cases',
          '{"origin":"application"}',
          json,
          400,
          'INVALID_INPUT',
          '请求体应当有必需属性 unitId',
        ],
        [
          'GET',
          '/api/v1/cases?from=2026-13',
          null,
          {},
          400,
          'INVALID_INPUT',
          '查询参数 from 应当是日期，格式为 YYYY-MM-DD',
        ],
        [
          'POST',
          '/api/v1/cases',
          JSON.stringify({
            origin: 'application',
            unitId,
            title: 't',
            conduct: 'c',
            conductDate: '2025-03-01',
            enforcementAction: 'inspection',
            extra: 1,
          }),
          json,
          400,
          'INVALID_INPUT',
          '不允许有额外的属性：extra',
        ],
        [
          'POST',
          '/api/v1/cases',
          '{"origin": ',
          json,
          400,
          'INVALID_INPUT',
          '请求体不是有效的 JSON',
        ],
        [
          'POST',
          '/api/v1/cases',
          'origin=application',
          { 'content-type': 'application/xml' },
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          '不支持的请求内容类型',
        ],
      ];
    cases.push([
      'GET',
      '/api/v1/nowhere',
      null,
      {},
      404,
      'NOT_FOUND',
      '没有这个接口：GET /api/v1/nowhere',
    ]);
    for (const [method, path, body, headers, status, code, message] of cases) {
      const res = await client.request(method, path, body ?? undefined, headers);
      expect(res.status, `${method} ${path} ${body}`).toBe(status);
      expect(res.body.error).toMatchObject({ code });
      expect(res.body.error.message).toContain(message);
      expect(res.body.error.message).not.toMatch(/must|should|Body is|Unsupported/);
    }
  });

  it('refuses an unsafe request without the CSRF token', async () => {
    const client = await h.as('wangqiang');
    const token = client.csrfToken;
    client.csrfToken = undefined;
    const res = await client.post('/api/v1/cases', {
      origin: 'application',
      unitId: await h.unitId('综合行政执法大队'),
      title: 't',
      conduct: 'c',
      conductDate: '2025-03-01',
      enforcementAction: 'penalty',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_TOKEN_INVALID');
    client.csrfToken = token;
  });

  it('asks who writes before it reads what is written: no session, no CSRF token, then the step', async () => {
    const anyCase = '00000000-0000-0000-0000-000000000000';
    const stranger = new HttpClient(h.url);
    for (const [path, body] of [
      [`/api/v1/cases/${anyCase}/actions/initiate`, { version: 1 }],
      [`/api/v1/cases/${anyCase}/actions/accept`, { version: 1 }],
    ] as const) {
      const res = await stranger.post(path, body);
      expect(res.status, path).toBe(401);
      expect(res.body.error.code, path).toBe('UNAUTHENTICATED');
    }
    const officer = await h.as('wangqiang');
    officer.csrfToken = undefined;
    const res = await officer.post(`/api/v1/cases/${anyCase}/actions/initiate`, { version: 1 });
    expect(res.body.error.code).toBe('CSRF_TOKEN_INVALID');
  });

  it('ends a session after 30 idle minutes', async () => {
    const client = await h.as('liuyang');
    h.advance(29 * 60_000);
    expect((await client.get('/api/v1/cases')).status).toBe(200);
    h.advance(31 * 60_000);
    const res = await client.get('/api/v1/cases');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SESSION_EXPIRED');
  });

  it('checks every role against every area (authorization matrix)', async () => {
    const users = [
      'wangqiang',
      'lina',
      'zhangmin',
      'liuyang',
      'sysadmin',
      'secadmin',
      'auditadmin',
    ] as const;
    const clients = Object.fromEntries(
      await Promise.all(users.map(async (u) => [u, await h.as(u)] as const)),
    );
    const caseId = (
      await h.app.ctx.db
        .selectFrom('cases')
        .select('id')
        .where('title', 'like', '依据检测报告%')
        .executeTakeFirstOrThrow()
    ).id;
    const probes: [string, (c: HttpClient) => Promise<{ status: number }>][] = [
      ['read case', (c) => c.get(`/api/v1/cases/${caseId}`)],
      ['list users', (c) => c.get('/api/v1/users')],
      ['audit log', (c) => c.get('/api/v1/audit')],
      [
        'create unit',
        (c) => c.post('/api/v1/units', { name: '测试科', parentId: null, kind: 'section' }),
      ],
    ];
    const expected: Record<string, Record<(typeof users)[number], number>> = {
      'read case': {
        wangqiang: 200,
        lina: 200,
        zhangmin: 200,
        liuyang: 200,
        sysadmin: 404,
        secadmin: 404,
        auditadmin: 404,
      },
      'list users': {
        wangqiang: 403,
        lina: 403,
        zhangmin: 403,
        liuyang: 403,
        sysadmin: 200,
        secadmin: 200,
        auditadmin: 403,
      },
      'audit log': {
        wangqiang: 403,
        lina: 403,
        zhangmin: 403,
        liuyang: 403,
        sysadmin: 403,
        secadmin: 403,
        auditadmin: 200,
      },
      'create unit': {
        wangqiang: 403,
        lina: 403,
        zhangmin: 403,
        liuyang: 403,
        sysadmin: 201,
        secadmin: 403,
        auditadmin: 403,
      },
    };
    const actual: Record<string, Record<string, number>> = {};
    for (const [name, probe] of probes) {
      actual[name] = {};
      for (const u of users) actual[name][u] = (await probe(clients[u]!)).status;
    }
    expect(actual).toEqual(expected);
  });

  it('keeps the three administrators apart (三员分立)', async () => {
    const sys = await h.as('sysadmin');
    const sec = await h.as('secadmin');
    const unitId = await h.unitId('执法监督科');
    expect(
      (
        await sys.post('/api/v1/users', {
          username: 'weak.user',
          displayName: '弱',
          unitId,
          password: 'short',
        })
      ).body.error.code,
    ).toBe('WEAK_PASSWORD');
    const created = await sys.post('/api/v1/users', {
      username: 'new.officer',
      displayName: '新人',
      unitId,
      password: 'Xilin#Gol2026',
      badgeNumber: '15250999001',
    });
    expect(created.status).toBe(201);
    expect(created.body.roles).toEqual([]);
    expect(
      (await sys.request('PUT', `/api/v1/users/${created.body.id}/roles`, { roles: ['officer'] }))
        .status,
    ).toBe(403);
    expect(
      (
        await sec.request('PUT', `/api/v1/users/${created.body.id}/roles`, {
          roles: ['sysadmin', 'auditadmin'],
        })
      ).body.error.code,
    ).toBe('ROLE_CONFLICT');
    expect(
      (
        await sec.request('PUT', `/api/v1/users/${created.body.id}/roles`, {
          roles: ['secadmin', 'investigator'],
        })
      ).body.error.code,
    ).toBe('ROLE_CONFLICT');
    expect(
      (await sec.request('PUT', `/api/v1/users/${created.body.id}/roles`, { roles: ['officer'] }))
        .body.roles,
    ).toEqual(['officer']);
    const fresh = new HttpClient(h.url);
    expect(
      (await fresh.post('/api/v1/session', { username: 'new.officer', password: 'Xilin#Gol2026' }))
        .body.user.roles,
    ).toEqual(['officer']);
  });

  it('writes an audit event for every login and state change, and verify finds a tampered row', async () => {
    const audit = await h.as('auditadmin');
    let res = await audit.get('/api/v1/audit/verify');
    expect(res.body.ok).toBe(true);
    const log = (await audit.get('/api/v1/audit?limit=500')).body.items as {
      seq: number;
      action: string;
    }[];
    expect(log.some((e) => e.action === 'login')).toBe(true);
    expect(log.some((e) => e.action === 'account_locked')).toBe(true);

    // The store itself refuses to change the log...
    await expect(
      sql`update audit_events set action = 'x' where seq = 3`.execute(h.app.ctx.db),
    ).rejects.toThrow();
    await expect(
      sql`delete from audit_events where seq = 3`.execute(h.app.ctx.db),
    ).rejects.toThrow();
    // ...so a tamperer with the database owner's rights (never the application's role)
    // must switch the guard off first.
    await sql`alter table audit_events disable trigger user`.execute(h.admin);
    await sql`update audit_events set data = '{"forged":true}' where seq = 3`.execute(h.admin);
    await sql`alter table audit_events enable trigger user`.execute(h.admin);
    res = await audit.get('/api/v1/audit/verify');
    expect(res.body).toMatchObject({ ok: false, brokenAt: 3, reason: 'hash_mismatch' });
  });

  it('serves the OpenAPI document with the procedure routes, and never answers garbage with a 500', async () => {
    const client = await h.as('lina');
    const doc = (await client.get('/api/v1/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/cases',
        '/api/v1/cases/{id}/actions/{action}',
        '/api/v1/session',
        '/api/v1/audit/verify',
      ]),
    );
    for (const [method, path, body] of [
      ['POST', '/api/v1/cases', '{"origin":'],
      ['POST', '/api/v1/cases', '[]'],
      ['GET', '/api/v1/cases/not-a-uuid', undefined],
      ['POST', '/api/v1/cases/00000000-0000-0000-0000-000000000000/actions/fly', '{"version":1}'],
      [
        'POST',
        '/api/v1/cases/00000000-0000-0000-0000-000000000000/actions/accept',
        '{"version":1}',
      ],
      [
        'PUT',
        '/api/v1/cases/00000000-0000-0000-0000-000000000000/facts/a9.1',
        '{"version":"x","value":1}',
      ],
      ['GET', '/api/v1/cases?limit=100000', undefined],
      ['POST', '/api/v1/session', 'null'],
    ] as const) {
      const res = await client.request(
        method,
        path,
        body,
        body === undefined ? {} : { 'content-type': 'application/json' },
      );
      expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
      expect(typeof res.body.error.code).toBe('string');
    }
  });
});
