// Accounts under attack, over real HTTP (issue 8): a name that is no account answers as an
// account does and costs the same argon2 work; failed sign-ins are audited in aggregate
// and typed names only as keyed hashes; wrong current passwords count toward the lockout;
// sign-in is rate limited per address and per name; a password set by an administrator
// must be changed first; no administrator changes another's roles or password; and the
// administrators' bad input is a 4xx with a stable code.
import * as argon2 from '@node-rs/argon2';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo-data.ts';
import { HttpClient } from '../support/http-client.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness, type Harness } from './api-harness.ts';

// The real argon2, counted: the work of a sign-in is its verifications.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof argon2>();
  return { ...real, verify: vi.fn(real.verify) };
});
const verifications = vi.mocked(argon2.verify);

const NEW_PASSWORD = 'Xilin#Gol2026';

async function signIn(h: Harness, username: string, password: string) {
  return new HttpClient(h.url).post('/api/v1/session', { username, password });
}

/** The status and error of each of `n` attempts with a wrong password. */
async function failures(h: Harness, username: string, n: number) {
  const answers: { status: number; code: string; message: string }[] = [];
  for (let i = 0; i < n; i++) {
    const res = await signIn(h, username, 'Wrong#Pass2026');
    answers.push({ status: res.status, ...res.body.error });
  }
  return answers;
}

/** Creates a user as the system administrator, with `roles` granted by the security one. */
async function createUser(h: Harness, username: string, roles: string[], badge?: string) {
  const sys = await h.as('sysadmin');
  const created = await sys.post('/api/v1/users', {
    username,
    displayName: '测试用户',
    unitId: await h.unitId('锡林郭勒盟应急管理局'),
    password: NEW_PASSWORD,
    ...(badge === undefined ? {} : { badgeNumber: badge }),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if (roles.length > 0) {
    const sec = await h.as('secadmin');
    const granted = await sec.request('PUT', `/api/v1/users/${created.body.id}/roles`, { roles });
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
  }
  return created.body.id as string;
}

async function auditCount(h: Harness): Promise<number> {
  const { rows } = await sql<{
    n: string;
  }>`select count(*) as n from audit_events`.execute(h.app.ctx.db);
  return Number(rows[0]!.n);
}

describe.each(storeTargets())('sign-in under attack on $name', (target) => {
  const h = useHarness(target);
  // A block, not an arrow's value: a function beforeEach returns is run as its teardown.
  beforeEach(() => {
    verifications.mockClear();
  });

  it('answers a name that is no account exactly as an account: 401 four times, then 423', async () => {
    const known = await failures(h, 'chenjing', 6);
    const unknown = await failures(h, 'no.such.person', 6);
    expect(unknown).toEqual(known);
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(known[4]).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      message: expect.stringMatching(/锁定/),
    });
  });

  it('verifies one password against argon2 per attempt, whether the name exists or not', async () => {
    await failures(h, 'sunhao', 1);
    expect(verifications).toHaveBeenCalledTimes(1);
    await failures(h, 'nobody.here', 1);
    expect(verifications).toHaveBeenCalledTimes(2);
    // While locked, neither is verified.
    verifications.mockClear();
    await failures(h, 'chenjing', 1);
    await failures(h, 'no.such.person', 1);
    expect(verifications).not.toHaveBeenCalled();
  });

  it('counts wrong current passwords on PUT /session/password toward the lockout, and ends the sessions', async () => {
    const client = await h.as('zhouyan');
    const other = await h.as('zhouyan');
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await client.request('PUT', '/api/v1/session/password', {
        current: `Guess#${i}xxxxxx`,
        next: 'Another#Pass2026',
      });
      codes.push(res.body.error.code);
    }
    expect(codes).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'ACCOUNT_LOCKED',
    ]);
    expect((await client.get('/api/v1/session')).status).toBe(401);
    expect((await other.get('/api/v1/session')).status).toBe(401);
    const locked = await signIn(h, 'zhouyan', DEMO_PASSWORD);
    expect(locked.status).toBe(423);
  });

  it('audits a flood of failed sign-ins as one event per window, never the typed name in clear', async () => {
    // To the start of a window, whose first failure audits the windows before it.
    const window = 15 * 60_000;
    h.advance(window - (h.app.ctx.now().getTime() % window) + 1000);
    await failures(h, 'window.opener', 1);
    const before = await auditCount(h);
    const typed = ['Secret#Typed1', 'Secret#Typed2', 'Secret#Typed3', 'Secret#Typed4'];
    for (const name of typed) await failures(h, name, 6);
    // 20 failures, four lockouts and four refusals while locked: nothing appended yet.
    expect(await auditCount(h)).toBe(before);

    h.advance(15 * 60_000);
    await failures(h, 'after.the.window', 1);
    const { rows } = await sql<{
      action: string;
      data: {
        failures: number;
        lockouts: number;
        refusedWhileLocked: number;
        mostTried: { nameHash?: string }[];
      };
    }>`select action, data from audit_events where seq > ${before}
       order by seq`.execute(h.app.ctx.db);
    expect(rows.map((r) => r.action)).toEqual(['sign_in_failures']);
    const summary = rows[0]!.data;
    expect(summary).toMatchObject({ failures: 21, lockouts: 4, refusedWhileLocked: 4 });
    const hashes = summary.mostTried.map((s) => s.nameHash);
    expect(hashes.slice(0, 4)).toEqual([
      expect.stringMatching(/^[0-9a-f]{64}$/),
      expect.stringMatching(/^[0-9a-f]{64}$/),
      expect.stringMatching(/^[0-9a-f]{64}$/),
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
    expect(new Set(hashes).size).toBe(hashes.length);

    // Nowhere in the database: not in the audit log, not in the names' login states.
    const { rows: leaks } = await sql<{ n: string }>`
      select (select count(*) from audit_events where data::text like '%Secret#Typed%'
                or entity_id like '%Secret#Typed%')
           + (select count(*) from login_name_states where name_hash like '%Secret%') as n`.execute(
      h.app.ctx.db,
    );
    expect(Number(leaks[0]!.n)).toBe(0);
  });

  it('locks an account at once in the audit log: one event per lockout', async () => {
    const before = await auditCount(h);
    await failures(h, 'zhangmin', 7);
    const { rows } = await sql<{ action: string; entity_id: string }>`
      select action, entity_id from audit_events where seq > ${before}`.execute(h.app.ctx.db);
    expect(rows).toEqual([{ action: 'account_locked', entity_id: await h.userId('zhangmin') }]);
  });
});

describe.each(storeTargets())('sign-in rate limits per name on $name', (target) => {
  const h = useHarness(target);

  it('limits attempts per typed name: 429 with Retry-After and the error shape', async () => {
    const answers = await failures(h, 'flooded.name', 11);
    expect(answers.slice(0, 10).map((a) => a.status)).not.toContain(429);
    expect(answers[10]).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    expect(answers[10]!.message).toMatch(/过于频繁.*秒后再试/);
    const res = await signIn(h, 'flooded.name', DEMO_PASSWORD);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits password changes per session', async () => {
    const client = await h.as('lina');
    const statuses: number[] = [];
    // A weak new password is refused before the current one is checked: no lockout.
    for (let i = 0; i < 11; i++)
      statuses.push(
        (
          await client.request('PUT', '/api/v1/session/password', {
            current: DEMO_PASSWORD,
            next: 'weak',
          })
        ).status,
      );
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses[10]).toBe(429);
  });
});

// A harness of its own: the address it limits is the one every test signs in from.
describe.each(storeTargets())('sign-in rate limits per address on $name', (target) => {
  const h = useHarness(target);

  it('limits attempts per client address, whatever the names', async () => {
    const statuses: number[] = [];
    // Ten names, six attempts each, from this one address: the 61st of the minute is refused.
    for (let i = 0; i < 61; i++)
      statuses.push((await signIn(h, `spread.${i % 10}`, 'Wrong#Pass2026')).status);
    expect(statuses.slice(0, 60)).not.toContain(429);
    expect(statuses[60]).toBe(429);
    expect((await signIn(h, 'lina', DEMO_PASSWORD)).status).toBe(429);
  });
});

describe.each(storeTargets())('administrators and first sign-in on $name', (target) => {
  const h = useHarness(target);

  it('makes a user created by the administrator change the password before anything else', async () => {
    await createUser(h, 'first.login', ['investigator']);
    const client = new HttpClient(h.url);
    const res = await client.post('/api/v1/session', {
      username: 'first.login',
      password: NEW_PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ mustChangePassword: true, newCaseActions: [] });
    client.csrfToken = res.body.csrfToken;
    const application = {
      origin: 'application',
      unitId: await h.unitId('锡林郭勒盟应急管理局'),
      title: '首次登录前的申请',
      conduct: '不应受理',
      conductDate: '2025-03-01',
      enforcementAction: 'inspection',
    };
    for (const [method, path] of [
      ['GET', '/api/v1/cases'],
      ['GET', '/api/v1/worklist'],
      ['GET', '/api/v1/units'],
      ['POST', '/api/v1/cases'],
    ] as const) {
      const refused = await client.request(
        method,
        path,
        method === 'POST' ? application : undefined,
      );
      expect(refused.status, path).toBe(403);
      expect(refused.body.error, path).toEqual({
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: '请先修改管理员设置的初始密码',
      });
    }
    expect((await client.get('/api/v1/session')).body.user.mustChangePassword).toBe(true);
    const same = await client.request('PUT', '/api/v1/session/password', {
      current: NEW_PASSWORD,
      next: NEW_PASSWORD,
    });
    expect(same.body.error.code).toBe('WEAK_PASSWORD');
    const changed = await client.request('PUT', '/api/v1/session/password', {
      current: NEW_PASSWORD,
      next: 'Mine#Own2026pw',
    });
    expect(changed.status).toBe(204);
    expect((await client.get('/api/v1/session')).body.user.mustChangePassword).toBe(false);
    expect((await client.get('/api/v1/cases')).status).toBe(200);
    // Demo accounts are seeded, not created by an administrator: no change asked.
    expect((await signIn(h, 'lina', DEMO_PASSWORD)).body.user.mustChangePassword).toBe(false);
  });

  it('lets the system administrator reset a password, which must be changed at first sign-in', async () => {
    const id = await createUser(h, 'reset.me', ['officer'], '15250999777');
    const mine = await new HttpClient(h.url).post('/api/v1/session', {
      username: 'reset.me',
      password: NEW_PASSWORD,
    });
    expect(mine.status).toBe(200);
    await failures(h, 'reset.me', 5);
    expect((await signIn(h, 'reset.me', NEW_PASSWORD)).status).toBe(423);

    const sys = await h.as('sysadmin');
    const reset = await sys.request('PUT', `/api/v1/users/${id}/password`, {
      password: 'Reset#Pass2026',
    });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ mustChangePassword: true, lockedUntil: null });
    // The lockout is lifted, the old password gone, and the new one must be changed.
    expect((await signIn(h, 'reset.me', NEW_PASSWORD)).status).toBe(401);
    const again = await signIn(h, 'reset.me', 'Reset#Pass2026');
    expect(again.status).toBe(200);
    expect(again.body.user.mustChangePassword).toBe(true);

    expect(
      (await sys.request('PUT', `/api/v1/users/${id}/password`, { password: 'short' })).body.error
        .code,
    ).toBe('WEAK_PASSWORD');
    const sec = await h.as('secadmin');
    expect(
      (await sec.request('PUT', `/api/v1/users/${id}/password`, { password: 'Reset#Pass2027' }))
        .status,
    ).toBe(403);
    // 三员分立: never an administrator's password, nor the system administrator's own.
    for (const admin of ['secadmin', 'auditadmin', 'sysadmin']) {
      const res = await sys.request('PUT', `/api/v1/users/${await h.userId(admin)}/password`, {
        password: 'Taken#Over2026',
      });
      expect(res.status, admin).toBe(403);
      expect(res.body.error.code, admin).toBe('FORBIDDEN');
    }
    expect((await signIn(h, 'auditadmin', DEMO_PASSWORD)).status).toBe(200);
  });

  it('lets no administrator change another administrator’s roles (三员分立)', async () => {
    const sec = await h.as('secadmin');
    for (const [admin, roles] of [
      ['sysadmin', ['auditadmin']],
      ['auditadmin', ['officer']],
    ] as const) {
      const res = await sec.request('PUT', `/api/v1/users/${await h.userId(admin)}/roles`, {
        roles,
      });
      expect(res.status, admin).toBe(403);
      expect(res.body.error.code, admin).toBe('FORBIDDEN');
    }
    const stored = await h.app.ctx.db
      .selectFrom('users')
      .select(['username', 'roles'])
      .where('username', 'in', ['sysadmin', 'auditadmin'])
      .orderBy('username')
      .execute();
    expect(stored).toEqual([
      { username: 'auditadmin', roles: ['auditadmin'] },
      { username: 'sysadmin', roles: ['sysadmin'] },
    ]);
    // Nor makes an administrator of a case worker; an account with no role yet may be one.
    const lina = await h.userId('lina');
    expect(
      (await sec.request('PUT', `/api/v1/users/${lina}/roles`, { roles: ['auditadmin'] })).status,
    ).toBe(403);
    const fresh = await createUser(h, 'new.auditor', []);
    expect(
      (await sec.request('PUT', `/api/v1/users/${fresh}/roles`, { roles: ['auditadmin'] })).body
        .roles,
    ).toEqual(['auditadmin']);
  });

  it('answers a duplicate unit name, a duplicate badge and blank names with a 4xx and a stable code', async () => {
    const sys = await h.as('sysadmin');
    const parentId = await h.unitId('锡林郭勒盟应急管理局');
    const unit = (name: string, parent: string | null = parentId) =>
      sys.post('/api/v1/units', { name, parentId: parent, kind: 'section' });
    expect((await unit('应急测试科')).status).toBe(201);
    for (const name of ['应急测试科', ' 应急测试科 ']) {
      const twice = await unit(name);
      expect(twice.status, name).toBe(409);
      expect(twice.body.error.code, name).toBe('UNIT_NAME_TAKEN');
    }
    // The same name under another parent is another unit.
    expect((await unit('应急测试科', await h.unitId('锡林郭勒盟教育局'))).status).toBe(201);
    const blank = await unit(' ');
    expect(blank.status).toBe(400);
    expect(blank.body.error.code).toBe('INVALID_INPUT');

    const user = (username: string, extra: Record<string, unknown>) =>
      sys.post('/api/v1/users', {
        username,
        displayName: '测试',
        unitId: parentId,
        password: NEW_PASSWORD,
        ...extra,
      });
    const badge = await user('badge.twice', { badgeNumber: '15250123001' });
    expect(badge.status).toBe(409);
    expect(badge.body.error.code).toBe('BADGE_TAKEN');
    expect((await user('blank.name', { displayName: '  ' })).body.error.code).toBe('INVALID_INPUT');
    expect((await user('blank.badge', { badgeNumber: ' ' })).body.error.code).toBe('INVALID_INPUT');
    const names = await h.app.ctx.db
      .selectFrom('users')
      .select('username')
      .where('username', 'in', ['badge.twice', 'blank.name', 'blank.badge'])
      .execute();
    expect(names).toEqual([]);
  });
});
