// 停用账号 over HTTP: the system administrator disables an account and enables it again;
// the disabled user's sessions end at once and their sign-in is refused in Chinese; never
// their own account nor another administrator's; no other role may; one audit event each.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { HttpClient } from '../support/http-client.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness, type Harness } from './api-harness.ts';

async function auditActions(h: Harness, userId: string): Promise<string[]> {
  const { rows } = await sql<{ action: string }>`
    select action from audit_events where entity_id = ${userId} order by seq`.execute(h.app.ctx.db);
  return rows.map((r) => r.action);
}

describe.each(storeTargets())('disabling accounts ($name)', (target) => {
  const h = useHarness(target);

  it('ends the sessions at once, refuses sign-in in Chinese, and enables again', async () => {
    const user = await h.newUser('disabled.officer', '执法监督科', ['officer']);
    const id = await h.userId('disabled.officer');
    expect((await user.get('/api/v1/session')).status).toBe(200);
    const sys = await h.as('sysadmin');

    const disabled = await sys.request('PUT', `/api/v1/users/${id}/disabled`, { disabled: true });
    expect(disabled.status, JSON.stringify(disabled.body)).toBe(200);
    expect(disabled.body).toMatchObject({ id, disabled: true });
    // The session the user had is gone, at once.
    expect((await user.get('/api/v1/session')).status).toBe(401);
    expect((await user.get('/api/v1/worklist')).status).toBe(401);

    const refused = await new HttpClient(h.url).post('/api/v1/session', {
      username: 'disabled.officer',
      password: 'Own#Choice2026',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({
      code: 'ACCOUNT_DISABLED',
      message: '该账号已停用，无法登录；如有疑问，请联系系统管理员',
    });
    // A wrong password says nothing about the account.
    const wrong = await new HttpClient(h.url).post('/api/v1/session', {
      username: 'disabled.officer',
      password: 'Wrong#Pass2026',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');

    const listed = await sys.get('/api/v1/users');
    expect(listed.body.find((u: { id: string }) => u.id === id)).toMatchObject({ disabled: true });

    const enabled = await sys.request('PUT', `/api/v1/users/${id}/disabled`, { disabled: false });
    expect(enabled.status).toBe(200);
    expect(enabled.body.disabled).toBe(false);
    const back = await h.as('disabled.officer', 'Own#Choice2026');
    expect((await back.get('/api/v1/session')).status).toBe(200);

    const actions = await auditActions(h, id);
    expect(actions.filter((a) => a === 'user_disabled')).toHaveLength(1);
    expect(actions.filter((a) => a === 'user_enabled')).toHaveLength(1);
  });

  it('refuses the system administrator’s own account and the other administrators’', async () => {
    const sys = await h.as('sysadmin');
    const own = await sys.request('PUT', `/api/v1/users/${await h.userId('sysadmin')}/disabled`, {
      disabled: true,
    });
    expect(own.status).toBe(403);
    expect(own.body.error).toMatchObject({
      code: 'FORBIDDEN',
      message: '不得停用或启用自己的账号',
    });
    for (const admin of ['secadmin', 'auditadmin']) {
      const res = await sys.request('PUT', `/api/v1/users/${await h.userId(admin)}/disabled`, {
        disabled: true,
      });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('三员分立');
    }
    // Nothing changed, nothing audited.
    expect(await auditActions(h, await h.userId('secadmin'))).not.toContain('user_disabled');
    expect((await h.as('secadmin')).csrfToken).toBeTruthy();
  });

  it('is the system administrator’s alone', async () => {
    const target = await h.userId('zhaoli');
    for (const who of ['secadmin', 'auditadmin', 'lina', 'wangqiang']) {
      const client = await h.as(who);
      const res = await client.request('PUT', `/api/v1/users/${target}/disabled`, {
        disabled: true,
      });
      expect(res.status, who).toBe(403);
    }
    const anonymous = await new HttpClient(h.url).request(
      'PUT',
      `/api/v1/users/${target}/disabled`,
      { disabled: true },
    );
    expect(anonymous.status).toBe(401);
    const sys = await h.as('sysadmin');
    const bad = await sys.request('PUT', `/api/v1/users/${target}/disabled`, { disabled: 'yes' });
    expect(bad.status).toBe(400);
    const missing = await sys.request(
      'PUT',
      '/api/v1/users/00000000-0000-4000-8000-000000000000/disabled',
      { disabled: true },
    );
    expect(missing.status).toBe(404);
    expect((await h.as('zhaoli')).csrfToken).toBeTruthy();
  });
});
