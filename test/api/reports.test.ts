// 信访举报 (第十九条) over HTTP, on the embedded PostgreSQL and on the server: the intake,
// named and anonymous, and who reads what (the reporter missing, an officer reading a
// report about himself, a secretary asking for the reporter's identity, a reported
// petitions staffer); the list's filters. The reporter's identity is read by the petitions
// staff alone, each read an audit event, and is found in no other answer nor in the audit
// log. The steps after the intake are in report-steps.test.ts.

import { describe, expect, it } from 'vitest';
import { addDays, EM, REPORTER, reportApi } from '../support/report-api.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

describe.each(storeTargets())('reports on $name', (target) => {
  const h = useHarness(target);
  const { today, as, post, received, finding, auditOf } = reportApi(h);

  it('receives a named report, sealing the reporter, and answers no one else with the identity', async () => {
    const { petitions, report } = await received();
    const id: string = report.id;
    expect(report).toMatchObject({
      state: 'received',
      stateLabel: '已受理',
      channel: 'letter',
      channelLabel: '来信',
      named: true,
      officers: [{ name: '王强' }],
      unit: { name: EM },
      finding: null,
      receivedOn: today(),
      reporter: { named: true, readable: true },
      actions: ['attach', 'link_case', 'record_finding'],
      version: 0,
      closing: null,
      clearances: [],
    });
    expect(report.number).toMatch(/^锡盟应急容举〔\d{4}〕[1-9]\d*号$/);
    // 60 calendar days from receipt, moved past a rest day when it ends on one.
    expect(report.feedbackDue >= addDays(today(), 60)).toBe(true);
    expect(report.policy).toMatchObject({
      article: '第十九条',
      feedbackDays: 60,
      feedbackCounting: 'calendar',
      feedbackLimitText: '60 个自然日',
    });
    expect(report.policy.feedbackCountingText).toMatch(/^自.+起60日/);
    expect(JSON.stringify(report)).not.toContain(REPORTER.name);

    // At rest the identity is sealed under a key named beside it.
    const row = await h.admin
      .selectFrom('reports')
      .select(['reporter_sealed', 'reporter_key_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.reporter_key_id).not.toBeNull();
    expect(row.reporter_sealed).not.toContain(REPORTER.contact);

    // The unit's secretary, investigator and reviewer read the report but not the identity.
    for (const username of ['zhangmin', 'lina', 'liuyang']) {
      const staff = await as(username);
      const page = await staff.get(`/api/v1/reports/${id}`);
      expect(page.status).toBe(200);
      expect(page.body.reporter).toEqual({ named: true, readable: false });
      expect(page.body.actions).toEqual([]);
      const identity = await staff.get(`/api/v1/reports/${id}/reporter`);
      expect(identity.status).toBe(403);
      expect(identity.body.error.code).toBe('IDENTITY_FORBIDDEN');
      expect(JSON.stringify([page.body, identity.body])).not.toContain(REPORTER.name);
    }

    // The officer reported is refused in words; others outside the report see nothing.
    const officer = await as('wangqiang');
    const own = await officer.get(`/api/v1/reports/${id}`);
    expect(own.status).toBe(403);
    expect(own.body.error).toEqual({ code: 'FORBIDDEN', message: '举报涉及您本人，您不能查阅' });
    expect((await officer.get(`/api/v1/reports/${id}/reporter`)).status).toBe(403);
    expect((await officer.get('/api/v1/reports')).body).toEqual({ total: 0, items: [] });
    for (const username of ['zhaoli', 'heping', 'zhouyan', 'sysadmin']) {
      const other = await (await as(username)).get(`/api/v1/reports/${id}`);
      expect(other.status).toBe(404);
      expect(other.body.error.code).toBe('REPORT_NOT_FOUND');
    }

    // 徐晴 opens it: the identity, and one audit event that names the report alone.
    const identity = await petitions.get(`/api/v1/reports/${id}/reporter`);
    expect(identity.status).toBe(200);
    expect(identity.body).toEqual(REPORTER);
    const events = await auditOf(id);
    expect(events.map((e) => e.action)).toEqual(['report.receive', 'report.read_identity']);
    expect(events[0]!.data).toMatchObject({ named: true, channel: 'letter' });
    expect(events[1]!.data).toEqual({ reportId: id });
    const everything = await h.admin.selectFrom('audit_events').select('canonical').execute();
    for (const secret of [REPORTER.name, REPORTER.contact])
      expect(everything.some((e) => e.canonical?.includes(secret))).toBe(false);
  });

  it('requires the reporter of a named report and no one else receives', async () => {
    const petitions = await as('xuqing');
    const body = {
      receivedOn: today(),
      channel: 'phone',
      summary: '反映执法不规范',
      officerIds: [await h.userId('wangqiang')],
    };
    const missing = await petitions.post('/api/v1/reports', { ...body, named: true });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('REPORTER_REQUIRED');
    const blank = await petitions.post('/api/v1/reports', {
      ...body,
      named: true,
      reporter: { name: ' ', contact: '1' },
    });
    expect(blank.body.error.code).toBe('REPORTER_REQUIRED');
    const anonymousWithName = await petitions.post('/api/v1/reports', {
      ...body,
      named: false,
      reporter: REPORTER,
    });
    expect(anonymousWithName.status).toBe(400);
    expect(anonymousWithName.body.error.code).toBe('INVALID_INPUT');
    const future = await petitions.post('/api/v1/reports', {
      ...body,
      named: false,
      receivedOn: addDays(today(), 2),
    });
    expect(future.body.error.code).toBe('INVALID_DATE');
    const bySecretary = await (
      await as('zhangmin')
    ).post('/api/v1/reports', {
      ...body,
      named: false,
    });
    expect(bySecretary.status).toBe(403);
    expect(bySecretary.body.error.code).toBe('FORBIDDEN');
    // The handling unit may be one below the staffer's, in the same number series; not another bureau's.
    const section = await petitions.post('/api/v1/reports', {
      ...body,
      named: false,
      unitId: await h.unitId('执法监督科'),
    });
    expect(section.status).toBe(201);
    expect(section.body.unit.name).toBe('执法监督科');
    expect(section.body.number).toMatch(/^锡盟应急容举〔/);
    const elsewhere = await petitions.post('/api/v1/reports', {
      ...body,
      named: false,
      unitId: await h.unitId('锡林郭勒盟教育局'),
    });
    expect(elsewhere.status).toBe(403);
    // An administrator cannot be reported through the petitions office.
    const admin = await petitions.post('/api/v1/reports', {
      ...body,
      named: false,
      officerIds: [await h.userId('sysadmin')],
    });
    expect(admin.body.error.code).toBe('INVALID_INPUT');
  });

  it('lets the security administrator grant the petitions role, never beside an administrator’s', async () => {
    const staffer = await h.newUser('new.petitions', EM, ['petitions']);
    const res = await staffer.post('/api/v1/reports', {
      receivedOn: today(),
      channel: 'online',
      named: false,
      summary: '反映执法人员检查时未出示证件',
      officerIds: [await h.userId('zhaoli')],
    });
    expect(res.status).toBe(201);
    const secadmin = await as('secadmin');
    const id = await h.userId('new.petitions');
    const both = await secadmin.request('PUT', `/api/v1/users/${id}/roles`, {
      roles: ['petitions', 'auditadmin'],
    });
    expect(both.status).toBe(400);
    expect(both.body.error.code).toBe('ROLE_CONFLICT');
    // The database holds the same rule (migration 0013), whatever the application does.
    await expect(
      h.admin
        .updateTable('users')
        .set({ roles: ['petitions', 'sysadmin'] })
        .where('id', '=', id)
        .execute(),
    ).rejects.toThrow(/users_roles_check/);
  });

  it('keeps a report from the petitions staffer it accuses', async () => {
    const accused = await h.newUser('jiangtao', EM, ['petitions']);
    const { petitions, report } = await received({}, ['jiangtao']);
    const id: string = report.id;
    const page = await accused.get(`/api/v1/reports/${id}`);
    expect(page.status).toBe(403);
    expect(page.body.error.message).toBe('举报涉及您本人，您不能查阅');
    const identity = await accused.get(`/api/v1/reports/${id}/reporter`);
    expect(identity.status).toBe(403);
    expect(identity.body.error.code).toBe('FORBIDDEN');
    expect((await post(accused, id, 'finding', finding(0))).status).toBe(403);
    const listed = (await accused.get('/api/v1/reports?pageSize=200')).body.items;
    expect(listed.some((i: { id: string }) => i.id === id)).toBe(false);
    // Nor does he receive one about himself.
    const own = await accused.post('/api/v1/reports', {
      receivedOn: today(),
      channel: 'online',
      named: false,
      summary: '自行登记',
      officerIds: [await h.userId('jiangtao')],
    });
    expect(own.status).toBe(403);
    // 徐晴 still handles it.
    expect((await petitions.get(`/api/v1/reports/${id}`)).body.actions).toContain('record_finding');
  });

  it('filters the list by state, kind, officer and overdue feedback', async () => {
    const named = await received({}, ['zhaoli']);
    const anonymous = await received({ named: false, reporter: undefined }, [
      'zhaoli',
      'wangqiang',
    ]);
    const { petitions } = named;
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);
    const zhaoli = await h.userId('zhaoli');

    const all = await petitions.get('/api/v1/reports?pageSize=200');
    expect(all.status).toBe(200);
    expect(ids(all)).toEqual(expect.arrayContaining([named.report.id, anonymous.report.id]));
    const item = all.body.items.find((i: { id: string }) => i.id === anonymous.report.id);
    expect(item).toMatchObject({ named: false, state: 'received', feedbackDue: null });
    expect(item.officers.map((o: { name: string }) => o.name).sort()).toEqual(
      ['王强', '赵丽'].sort(),
    );
    expect(JSON.stringify(all.body)).not.toContain(REPORTER.name);

    const anonymousOnly = ids(await petitions.get('/api/v1/reports?named=false&pageSize=200'));
    expect(anonymousOnly).toContain(anonymous.report.id);
    expect(anonymousOnly).not.toContain(named.report.id);
    const aboutZhaoli = await petitions.get(`/api/v1/reports?officerId=${zhaoli}&pageSize=200`);
    expect(ids(aboutZhaoli)).toEqual(
      expect.arrayContaining([named.report.id, anonymous.report.id]),
    );
    expect(
      aboutZhaoli.body.items.every((i: { officers: { id: string }[] }) =>
        i.officers.some((o) => o.id === zhaoli),
      ),
    ).toBe(true);
    await post(petitions, named.report.id, 'finding', finding(0));
    const foundOnly = ids(await petitions.get('/api/v1/reports?state=found&pageSize=200'));
    expect(foundOnly).toContain(named.report.id);
    expect(foundOnly).not.toContain(anonymous.report.id);
    expect(ids(await petitions.get('/api/v1/reports?overdue=true&pageSize=200'))).not.toContain(
      named.report.id,
    );
    // The to-do list: the open reports the petitions staff handle, each with its next step.
    const todo = await petitions.get('/api/v1/reports?todo=true&pageSize=200');
    const stepOf = (id: string) =>
      todo.body.items.find((i: { id: string }) => i.id === id)?.nextStepLabel;
    expect(stepOf(named.report.id)).toBe('向实名举报人反馈');
    expect(stepOf(anonymous.report.id)).toBe('记录查处结论');
    expect(todo.body.items.every((i: { state: string }) => i.state !== 'closed')).toBe(true);
    expect(todo.body.total).toBeLessThan(all.body.total);
    // Readers who handle none (the secretary) have none to do.
    expect((await (await as('zhangmin')).get('/api/v1/reports?todo=true')).body.total).toBe(0);
    const paged = await petitions.get('/api/v1/reports?pageSize=1&page=2');
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.total).toBe(all.body.total);

    // The reviewer of the bureau lists them; 赵丽, reported, and the education bureau do not.
    expect(ids(await (await as('liuyang')).get('/api/v1/reports?pageSize=200'))).toContain(
      named.report.id,
    );
    expect((await (await as('zhaoli')).get('/api/v1/reports')).body.total).toBe(0);
    expect(ids(await (await as('heping')).get('/api/v1/reports?pageSize=200'))).not.toContain(
      named.report.id,
    );
  });
});
