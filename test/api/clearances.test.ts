// 澄清正名 (第十九条) over HTTP, on the embedded PostgreSQL and on the server: a clearance
// decided for an officer maliciously accused and carried out, one decided at the request
// of an officer whose conduct was tolerated, and every refusal (a report merely untrue, a
// scope narrower than the accusation, methods that do not match it, a person the report
// does not accuse, a second clearance, a stale version, a role that may not decide, the
// accused themselves). The officer reads the clearance on their record, never the report.

import { describe, expect, it } from 'vitest';
import { todayInChina } from '../../src/domain/calendar-date.ts';
import type { HttpClient } from '../support/http-client.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

/** A reporter's name no answer, notice or audit event may carry. */
const REPORTER = '欧阳澄明';

describe.each(storeTargets())('clearances on $name', (target) => {
  const h = useHarness(target);
  const today = () => todayInChina(new Date());
  // One session per user: signing in again and again would meet the sign-in rate limit.
  const sessions = new Map<string, Promise<HttpClient>>();
  const as = (username: string): Promise<HttpClient> => {
    if (!sessions.has(username)) sessions.set(username, h.as(username));
    return sessions.get(username)!;
  };

  /** A named report received by 徐晴 about the given people, and its finding. */
  async function foundReport(
    officers: readonly string[],
    finding: Record<string, unknown> | null,
  ): Promise<{ id: string; number: string; version: number }> {
    const petitions = await as('xuqing');
    const received = await petitions.post('/api/v1/reports', {
      receivedOn: today(),
      channel: 'letter',
      named: true,
      reporter: { name: REPORTER, contact: '13800000000', address: '锡林浩特市某小区' },
      summary: '反映有关执法人员在检查中收受企业财物',
      officerIds: await Promise.all(officers.map((u) => h.userId(u))),
    });
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    if (finding === null) return received.body;
    const found = await petitions.post(`/api/v1/reports/${received.body.id}/finding`, {
      expectedVersion: received.body.version,
      reasons: '经调阅执法记录、询问企业负责人，未发现收受财物的情况',
      foundOn: today(),
      ...finding,
    });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    return found.body;
  }

  const MALICIOUS = { finding: 'untrue', malice: 'false_accusation' };

  async function decision(officer = 'wangqiang', overrides: Record<string, unknown> = {}) {
    return {
      officerId: await h.userId(officer),
      basis: 'malicious',
      findings: '经调查核实，举报反映该同志收受企业财物的问题不属实',
      accusationReach: 'system',
      scope: 'system',
      methods: ['meeting', 'written_notice'],
      decidedOn: today(),
      ...overrides,
    };
  }

  const decide = async (client: HttpClient, reportId: string, body: Record<string, unknown>) =>
    client.post(`/api/v1/reports/${reportId}/clearances`, body);

  it('has the demo clearances: 王强 cleared within the system, 陈静 cleared at her request', async () => {
    const wangqiang = (await (await as('wangqiang')).get('/api/v1/clearances')).body.items;
    expect(wangqiang[0]).toMatchObject({
      officer: { name: '王强' },
      basis: 'malicious',
      scope: 'system',
      state: 'carried_out',
    });
    const heping = (await (await as('heping')).get('/api/v1/clearances')).body.items;
    expect(heping).toHaveLength(1);
    expect(heping[0]).toMatchObject({
      officer: { name: '陈静' },
      basis: 'tolerated',
      state: 'decided',
    });
    const chenjing = await h.userId('chenjing');
    const record = (await (await as('chenjing')).get(`/api/v1/officers/${chenjing}/record`)).body;
    expect(record.clearances).toHaveLength(1);
    expect(record.clearances[0].noticeText).toContain('经陈静同志本人申请');
    expect(record.clearances[0].noticeText).toContain('第十八条');
    // The reports behind them, and the others the demo has (第十九条's every answer).
    type Listed = {
      named: boolean;
      state: string;
      finding: string | null;
      dueStatus: string | null;
    };
    const reports: Listed[] = (await (await as('xuqing')).get('/api/v1/reports?pageSize=100')).body
      .items;
    const has = (expected: Partial<Listed>) =>
      expect(reports).toContainEqual(expect.objectContaining(expected));
    has({ named: true, state: 'closed', finding: 'untrue' });
    has({ named: false, state: 'closed', finding: 'unfounded' });
    has({ named: true, state: 'received', dueStatus: 'overdue' });
    const edu = (await (await as('heping')).get('/api/v1/reports')).body.items;
    expect(edu).toContainEqual(expect.objectContaining({ finding: 'tolerated', state: 'closed' }));
    for (const name of ['马振东', '郭淑芬', '白云峰', '那仁花'])
      expect(JSON.stringify([wangqiang, heping, record, reports, edu])).not.toContain(name);
  });

  it('clears a maliciously accused officer and records it carried out; the officer reads it on the record, not the report', async () => {
    const report = await foundReport(['wangqiang', 'zhaoli'], MALICIOUS);
    const petitions = await as('xuqing');

    // The draft is the notice the decision writes, and writes nothing.
    const draft = await petitions.post(
      `/api/v1/reports/${report.id}/clearances/draft`,
      await decision(),
    );
    expect(draft.status).toBe(200);
    expect(draft.body.noticeText).toMatch(/^关于为王强同志澄清正名的通报/);
    expect(draft.body.noticeText).toContain('第十九条');
    expect(draft.body.noticeText).toContain('属诬告陷害');
    expect(draft.body.noticeText).not.toContain(REPORTER);

    const decided = await decide(petitions, report.id, await decision());
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    expect(decided.body).toMatchObject({
      reportId: report.id,
      reportNumber: report.number,
      officer: { name: '王强' },
      unit: { name: '锡林郭勒盟应急管理局' },
      basis: 'malicious',
      scope: 'system',
      scopeLabel: '本系统',
      accusationReach: 'system',
      methods: ['meeting', 'written_notice'],
      methodLabels: ['会议说明', '书面通报'],
      state: 'decided',
      stateLabel: '已决定',
      carriedOutOn: null,
      actions: ['carry_out'],
      version: 0,
      noticeText: draft.body.noticeText,
    });
    const id: string = decided.body.id;
    const again = await decide(petitions, report.id, await decision());
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CLEARANCE_EXISTS');

    // The officer reads his clearance, and may do nothing with it; never the report.
    const officer = await as('wangqiang');
    const own = await officer.get(`/api/v1/clearances/${id}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id, actions: [], reportNumber: report.number });
    expect(JSON.stringify(own.body)).not.toContain('收受企业财物的情况');
    const reportPage = await officer.get(`/api/v1/reports/${report.id}`);
    expect(reportPage.status).toBe(403);
    expect(reportPage.body.error.message).toContain('涉及您本人');
    const byOfficer = await officer.post(`/api/v1/clearances/${id}/carried-out`, {
      expectedVersion: 0,
      carriedOutOn: today(),
      note: '自行说明',
    });
    expect(byOfficer.status).toBe(403);
    // The other accused may neither read his colleague's clearance nor see it listed.
    const other = await as('zhaoli');
    expect((await other.get(`/api/v1/clearances/${id}`)).status).toBe(404);
    const otherList = (await other.get('/api/v1/clearances')).body.items;
    expect(otherList.map((c: { id: string }) => c.id)).not.toContain(id);

    // The secretary records it carried out, on the version read.
    const secretary = await as('zhangmin');
    const done = { carriedOutOn: today(), note: '已在全系统干部大会上说明并印发书面通报' };
    const stale = await secretary.post(`/api/v1/clearances/${id}/carried-out`, {
      expectedVersion: 1,
      ...done,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const carried = await secretary.post(`/api/v1/clearances/${id}/carried-out`, {
      expectedVersion: 0,
      ...done,
    });
    expect(carried.status, JSON.stringify(carried.body)).toBe(200);
    expect(carried.body).toMatchObject({
      state: 'carried_out',
      stateLabel: '已澄清',
      carriedOutOn: today(),
      carriedOutNote: done.note,
      actions: [],
      version: 1,
    });
    const twice = await secretary.post(`/api/v1/clearances/${id}/carried-out`, {
      expectedVersion: 1,
      ...done,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('INVALID_TRANSITION');

    // 履职档案: the officer's own record shows it with its notice.
    const wangqiang = await h.userId('wangqiang');
    const record = await officer.get(`/api/v1/officers/${wangqiang}/record`);
    expect(record.status).toBe(200);
    const onRecord = record.body.clearances.find((c: { id: string }) => c.id === id);
    expect(onRecord).toMatchObject({
      state: 'carried_out',
      reportNumber: report.number,
      noticeText: draft.body.noticeText,
    });
    // The secretary reads it there too; 赵丽, reported with him, does not see it on hers.
    const bySecretary = (await secretary.get(`/api/v1/officers/${wangqiang}/record`)).body;
    expect(bySecretary.clearances.map((c: { id: string }) => c.id)).toContain(id);
    const listed = (await officer.get('/api/v1/clearances')).body.items;
    expect(listed.map((c: { id: string }) => c.id)).toContain(id);
    expect(listed.every((c: { officer: { name: string } }) => c.officer.name === '王强')).toBe(
      true,
    );
    // Another bureau's petitions staff reads nothing of it.
    const heping = await as('heping');
    expect((await heping.get(`/api/v1/clearances/${id}`)).status).toBe(404);
    expect(
      (await heping.get('/api/v1/clearances')).body.items.map((c: { id: string }) => c.id),
    ).not.toContain(id);

    // One audit event per step, with codes and ids, never the reporter or the texts.
    const events = await h.admin
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['clearance.decide', 'clearance.carry_out']);
    const data = JSON.stringify(events.map((e) => e.data));
    expect(data).not.toContain(REPORTER);
    expect(data).not.toContain('全系统干部大会');
  });

  it('refuses a report merely untrue, one not yet found, and a person it does not accuse', async () => {
    const petitions = await as('xuqing');
    const plain = await foundReport(['wangqiang'], { finding: 'untrue' });
    expect((await petitions.get(`/api/v1/reports/${plain.id}`)).body.clearanceOffer).toBeNull();
    const refused = await decide(petitions, plain.id, await decision());
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CLEARANCE_NOT_ALLOWED');
    const open = await foundReport(['wangqiang'], null);
    expect((await decide(petitions, open.id, await decision())).body.error.code).toBe(
      'CLEARANCE_NOT_ALLOWED',
    );
    const malicious = await foundReport(['wangqiang'], MALICIOUS);
    const notAccused = await decide(petitions, malicious.id, await decision('zhaoli'));
    expect(notAccused.status).toBe(409);
    expect(notAccused.body.error.code).toBe('CLEARANCE_NOT_ALLOWED');
    const wrongBasis = await decide(
      petitions,
      malicious.id,
      await decision('wangqiang', { basis: 'tolerated', requestedOn: today() }),
    );
    expect(wrongBasis.body.error.code).toBe('CLEARANCE_NOT_ALLOWED');
    expect(
      (
        await h.admin
          .selectFrom('clearances')
          .select('id')
          .where('report_id', 'in', [plain.id, open.id, malicious.id])
          .execute()
      ).length,
    ).toBe(0);
  });

  it('clears as far as the accusation reached, by methods that reach that far', async () => {
    const petitions = await as('xuqing');
    const report = await foundReport(['zhaoli'], { finding: 'unfounded', malice: 'slander' });
    const narrow = await decide(
      petitions,
      report.id,
      await decision('zhaoli', { accusationReach: 'public', scope: 'system' }),
    );
    expect(narrow.status).toBe(400);
    expect(narrow.body.error).toMatchObject({ code: 'SCOPE_TOO_NARROW' });
    expect(narrow.body.error.message).toContain('社会公开');
    // The contract documents the refusals with their statuses.
    const doc = (await petitions.get('/api/v1/openapi.json')).body;
    const documented = doc.paths['/api/v1/reports/{id}/clearances'].post.description;
    for (const code of ['SCOPE_TOO_NARROW (400)', 'CLEARANCE_NOT_ALLOWED (409)', 'FORBIDDEN (403)'])
      expect(documented).toContain(code);
    const release = await decide(
      petitions,
      report.id,
      await decision('zhaoli', { methods: ['public_release'] }),
    );
    expect(release.status).toBe(400);
    expect(release.body.error.code).toBe('METHODS_SCOPE_MISMATCH');
    const future = await decide(
      petitions,
      report.id,
      await decision('zhaoli', { decidedOn: '2999-01-01' }),
    );
    expect(future.body.error.code).toBe('INVALID_DATE');
    const publicly = await decide(
      petitions,
      report.id,
      await decision('zhaoli', {
        accusationReach: 'public',
        scope: 'public',
        methods: ['public_release', 'written_notice'],
      }),
    );
    expect(publicly.status, JSON.stringify(publicly.body)).toBe(201);
    expect(publicly.body.noticeText).toContain('在社会公开范围内，以公开发布、书面通报的方式');
  });

  it('clears an officer whose conduct was tolerated, at their request', async () => {
    const petitions = await as('xuqing');
    // The demo's 不予追究 case of 王强 (decided by the committee).
    const cases = await petitions.get(
      `/api/v1/cases?q=${encodeURIComponent('依据检测报告作出行政处罚后检测机构撤回报告')}`,
    );
    const decidedCase = cases.body.items[0];
    expect(decidedCase).toBeDefined();
    const report = await foundReport(['wangqiang'], {
      finding: 'tolerated',
      decidedCaseId: decidedCase.id,
    });
    const unasked = await decide(
      petitions,
      report.id,
      await decision('wangqiang', { basis: 'tolerated' }),
    );
    expect(unasked.status).toBe(409);
    expect(unasked.body.error.code).toBe('CLEARANCE_NOT_ALLOWED');
    expect(
      (await decide(petitions, report.id, await decision('wangqiang', { requestedOn: today() })))
        .body.error.code,
    ).toBe('CLEARANCE_NOT_ALLOWED');
    const asked = await decide(
      petitions,
      report.id,
      await decision('wangqiang', {
        basis: 'tolerated',
        requestedOn: today(),
        accusationReach: 'unit',
        scope: 'unit',
        methods: ['meeting'],
        noticeText: '关于为王强同志澄清正名的通报（经编辑）',
      }),
    );
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({
      basis: 'tolerated',
      requestedOn: today(),
      noticeText: '关于为王强同志澄清正名的通报（经编辑）',
    });
  });

  it('is decided by the petitions staff or a secretary of the unit, by no one else', async () => {
    const report = await foundReport(['wangqiang'], MALICIOUS);
    for (const [user, status, code] of [
      ['lina', 403, 'FORBIDDEN'],
      ['liuyang', 403, 'FORBIDDEN'],
      ['wangqiang', 403, 'FORBIDDEN'],
      ['heping', 404, 'REPORT_NOT_FOUND'],
      ['zhouyan', 404, 'REPORT_NOT_FOUND'],
      ['chenjing', 404, 'REPORT_NOT_FOUND'],
      ['sysadmin', 404, 'REPORT_NOT_FOUND'],
    ] as const) {
      const refused = await decide(await as(user), report.id, await decision());
      expect([user, refused.status, refused.body.error?.code]).toEqual([user, status, code]);
    }
    // The report's page offers the form to exactly those the decision lets through.
    const offerTo = async (user: string) =>
      (await (await as(user)).get(`/api/v1/reports/${report.id}`)).body.clearanceOffer;
    expect(await offerTo('lina')).toBeNull();
    expect(await offerTo('liuyang')).toBeNull();
    expect(await offerTo('xuqing')).toEqual({
      basis: 'malicious',
      basisLabel: '举报经查不实且属恶意举报',
      officers: [{ id: await h.userId('wangqiang'), name: '王强' }],
    });
    const secretary = await as('zhangmin');
    expect(
      (await secretary.get(`/api/v1/reports/${report.id}`)).body.clearanceOffer,
    ).not.toBeNull();
    const bySecretary = await decide(secretary, report.id, await decision());
    expect(bySecretary.status).toBe(201);
    // Everyone it accuses is cleared: nothing left to offer.
    expect(await offerTo('xuqing')).toBeNull();
  });
});
