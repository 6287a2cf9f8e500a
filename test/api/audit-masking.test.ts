// The audit chain keeps no secret in clear (第十九条; issue 11): appendAudit masks the
// values of secret fields before the event is hashed. A coding mistake that puts a
// reporter's identity or a password into an event's data is played here by appending such
// an event directly; the audit administrator's log, its export and the stored row then
// show the mask and never the secret, and the chain still verifies. Passwords sent through
// the API's account routes never reach the log either.

import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/app/audit/audit-log.ts';
import { AUDIT_MASK } from '../../src/domain/audit/audit-secrets.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

const NAME = '敖其尔·测试举报人';
const CONTACT = '13847190000';
const ADDRESS = '锡林浩特市宝力根路九十九号';
const PASSWORD = 'Leaked#Pass2026';

describe.each(storeTargets())('secrets in the audit log ($name)', (target) => {
  const h = useHarness(target);

  /** Everything a superuser reads of the audit table, as one text. */
  async function storedAuditText(): Promise<string> {
    const { rows } = await sql<{ row: string }>`
      select row_to_json(a)::text as row from audit_events a`.execute(h.admin);
    return rows.map((r) => r.row).join('\n');
  }

  it('are masked before hashing, in the log, its export and the stored rows', async () => {
    const caseId = (
      await sql<{ id: string }>`select id from cases order by number limit 1`.execute(h.admin)
    ).rows[0]!.id;
    // The mistake: an event whose data copies a request body with the reporter in it.
    await inTransaction(h.app.ctx.db, (tx) =>
      appendAudit(
        tx,
        {
          actorId: null,
          action: 'case.record_fact',
          entityType: 'case',
          entityId: caseId,
          data: {
            factId: 'masking-check',
            body: { reporter: { name: NAME, contact: CONTACT, address: ADDRESS } },
            reporterName: NAME,
            accounts: [{ username: 'someone', password: PASSWORD }],
          },
        },
        h.app.ctx.now(),
      ),
    );

    const auditor = await h.as('auditadmin');
    const listed = await auditor.get('/api/v1/audit?action=case.record_fact&limit=500');
    expect(listed.status).toBe(200);
    const event = (listed.body.items as { data: Record<string, unknown> }[]).find(
      (e) => e.data.factId === 'masking-check',
    );
    expect(event?.data).toEqual({
      factId: 'masking-check',
      body: { reporter: AUDIT_MASK },
      reporterName: AUDIT_MASK,
      accounts: [{ username: 'someone', password: AUDIT_MASK }],
    });
    const exported = await auditor.get('/api/v1/audit/export?action=case.record_fact');
    expect(exported.status).toBe(200);
    // The export carries no event data today; it must not start to carry the secret.
    expect(String(exported.body)).toContain('记录事实');
    const stored = await storedAuditText();
    for (const text of [JSON.stringify(listed.body), String(exported.body), stored])
      for (const secret of [NAME, CONTACT, ADDRESS, PASSWORD]) expect(text).not.toContain(secret);

    // The masked data is what was hashed: the chain holds.
    const verdict = await auditor.get('/api/v1/audit/verify');
    expect(verdict.body).toMatchObject({ ok: true, breaks: [] });
  });

  it('never receive a password sent through the account routes', async () => {
    const chosen = 'Chosen#Admin2026';
    const own = 'Own#Secret2026';
    const sys = await h.as('sysadmin');
    const created = await sys.post('/api/v1/users', {
      username: 'maskcheck',
      displayName: '遮蔽检查',
      unitId: await h.unitId('锡林郭勒盟应急管理局'),
      password: chosen,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const reset = await sys.request('PUT', `/api/v1/users/${created.body.id}/password`, {
      password: chosen,
    });
    expect(reset.status, JSON.stringify(reset.body)).toBeLessThan(300);
    const user = await h.as('maskcheck', chosen);
    const changed = await user.request('PUT', '/api/v1/session/password', {
      current: chosen,
      next: own,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBeLessThan(300);

    const auditor = await h.as('auditadmin');
    const listed = await auditor.get('/api/v1/audit?limit=500');
    const actions = (listed.body.items as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['user_created', 'password_reset', 'password_changed']),
    );
    const stored = await storedAuditText();
    for (const text of [JSON.stringify(listed.body), stored])
      for (const secret of [chosen, own]) expect(text).not.toContain(secret);
  });
});
