// The whole procedure of 第十四至十九条 over real HTTP, as each role would do it, and the
// forbidden paths beside each step. Runs on the embedded database and on the server.
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { todayInChina } from '../../src/domain/calendar-date.ts';
import { ASSESSMENT_FACTORS as FACTORS } from '../../src/domain/vocabulary.ts';
import { CLASSIFIED } from '../support/procedure-api.ts';
import { range } from '../support/spec-oracle.ts';
import { storeTargets } from '../support/test-databases.ts';
import type { HttpClient } from '../support/http-client.ts';
import { useHarness } from './api-harness.ts';

const NOT_TOLERATED_FALSE = ['a13.c1'];
/** The nine items of 第九条 (履职尽责), none of which holds. */
const DUE_DILIGENCE_FALSE = range('a9.', 9);

describe.each(storeTargets())('the procedure on $name', (target) => {
  const h = useHarness(target);
  let officer: HttpClient;
  let investigator: HttpClient;
  let secretary: HttpClient;
  let reviewer: HttpClient;
  let eduInvestigator: HttpClient;
  let otherOfficer: HttpClient;

  // Logs everyone in afresh: a test that moves the clock ends the sessions of the last.
  async function relogin() {
    officer = await h.as('wangqiang');
    investigator = await h.as('lina');
    secretary = await h.as('zhangmin');
    reviewer = await h.as('liuyang');
    eduInvestigator = await h.as('sunhao');
    otherOfficer = await h.as('zhaoli');
  }

  beforeEach(relogin);

  async function apply(title = '依据检测报告作出处罚后报告被撤回') {
    const unitId = await h.unitId('综合行政执法大队');
    const res = await officer.post('/api/v1/cases', {
      origin: 'application',
      unitId,
      title,
      conduct: '详见申请书',
      conductDate: '2025-03-01',
      enforcementAction: 'penalty',
      ...CLASSIFIED,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; number: string; version: number };
  }

  const act = (client: HttpClient, id: string, action: string, body: Record<string, unknown>) =>
    client.post(`/api/v1/cases/${id}/actions/${action}`, body);
  /** The legal review (法制审核) the policy requires before the decision. */
  const legalReview = async (id: string, version: number) => {
    const res = await reviewer.request('PUT', `/api/v1/cases/${id}/reviews/legal`, {
      version,
      opinion: '事实清楚，证据充分，程序合法',
      agrees: true,
      reviewedOn: todayInChina(h.app.ctx.now()),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.version as number;
  };
  /** 送达: directly, today, to a named person. */
  const delivery = () => ({
    deliveryMethod: 'in_person',
    deliveredOn: todayInChina(h.app.ctx.now()),
    deliveredTo: '签收人',
  });
  const fact = (
    id: string,
    factId: string,
    value: boolean | null,
    version: number,
    client = investigator,
  ) =>
    client.request('PUT', `/api/v1/cases/${id}/facts/${factId}`, {
      value,
      version,
      note: '调查笔录',
    });

  /** Records all six factors of the assessment, each answered 200; returns the last version. */
  async function assessAll(id: string, version: number): Promise<number> {
    let v = version;
    for (const factor of FACTORS) {
      const res = await investigator.request('PUT', `/api/v1/cases/${id}/assessment/${factor}`, {
        version: v,
        finding: `${factor}：已核实`,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      v = res.body.version;
    }
    return v;
  }

  it('runs a case from application to closure, each step by its role', async () => {
    const c = await apply();
    expect(c.number).toMatch(/^锡盟应急容〔\d{4}〕[1-9]\d*号$/);

    // Acceptance: not by the officer, not from another unit (to whom the case does not
    // exist); then by the investigator.
    expect((await act(officer, c.id, 'accept', { version: 1 })).body.error.code).toBe('FORBIDDEN');
    expect((await act(eduInvestigator, c.id, 'accept', { version: 1 })).body.error.code).toBe(
      'NOT_FOUND',
    );
    let res = await act(investigator, c.id, 'accept', { version: 1 });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('investigating');
    let v = res.body.version;
    expect((await act(investigator, c.id, 'accept', { version: v })).body.error.code).toBe(
      'INVALID_TRANSITION',
    );

    // Investigation: facts with evidence; the engine says what is still missing.
    res = await fact(c.id, 'a10.3', true, v);
    v = res.body.version;
    expect(
      (await act(investigator, c.id, 'complete_investigation', { version: v })).body.error.code,
    ).toBe('MISSING_FACTS');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n');
    res = await investigator.request(
      'POST',
      `/api/v1/cases/${c.id}/evidence?version=${v}&filename=${encodeURIComponent('检测报告.pdf')}&factId=a10.3`,
      pdf,
      {
        'content-type': 'application/pdf',
      },
    );
    expect(res.status).toBe(201);
    // The upload answers with the case as the investigator now sees it, the file on it.
    expect(res.body.evidence.at(-1)).toMatchObject({
      filename: '检测报告.pdf',
      factId: 'a10.3',
      factCitation: '第十条第（三）项',
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
    v = res.body.version;
    // The file comes back as it went in, with its hash; only to those who may read the case.
    const evidenceId = res.body.evidence.at(-1).id;
    const file = await officer.get(`/api/v1/cases/${c.id}/evidence/${evidenceId}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-sha256')).toBe(res.body.evidence.at(-1).sha256);
    expect(file.body).toBe(pdf.toString('utf8'));
    expect(
      (await eduInvestigator.get(`/api/v1/cases/${c.id}/evidence/${evidenceId}`)).body.error.code,
    ).toBe('NOT_FOUND');
    const other = await apply('另一案件');
    expect(
      (await officer.get(`/api/v1/cases/${other.id}/evidence/${evidenceId}`)).body.error.code,
    ).toBe('NOT_FOUND');
    res = await investigator.request(
      'POST',
      `/api/v1/cases/${c.id}/evidence?version=${v}&filename=x.pdf`,
      Buffer.from('MZ\x90\x00not a pdf'),
      {
        'content-type': 'application/pdf',
      },
    );
    expect(res.body.error.code).toBe('EVIDENCE_TYPE_NOT_ALLOWED');
    for (const f of [...NOT_TOLERATED_FALSE, ...DUE_DILIGENCE_FALSE])
      v = (await fact(c.id, f, false, v)).body.version;
    let detail = (await investigator.get(`/api/v1/cases/${c.id}`)).body;
    expect(detail.evaluation).toMatchObject({
      status: 'determined',
      outcome: 'no_liability',
      citation: '第十条第（三）项',
    });
    expect(detail.allowedActions).toContain('complete_investigation');
    res = await act(investigator, c.id, 'complete_investigation', { version: v });
    expect(res.body.state).toBe('assessing');
    v = res.body.version;

    // Assessment: all six factors before the decision can be asked for.
    expect(
      (await act(investigator, c.id, 'submit_for_decision', { version: v })).body.error.code,
    ).toBe('ASSESSMENT_INCOMPLETE');
    v = await assessAll(c.id, v);
    res = await act(investigator, c.id, 'submit_for_decision', { version: v });
    expect(res.body.state).toBe('awaiting_decision');
    v = res.body.version;
    v = await legalReview(c.id, v);
    detail = (await secretary.get(`/api/v1/cases/${c.id}`)).body;
    expect(detail.determination).toMatchObject({
      policy: 'xilingol-emergency-2024',
      policyVersion: 1,
      outcome: 'no_liability',
    });
    expect(detail.determination.explanation.summary).toContain('第十条第（三）项');

    // The committee decision: departing from the engine needs a reason.
    const today = todayInChina(h.app.ctx.now());
    const decision = {
      meetingDate: today,
      members: ['党委书记', '局长'],
      relatedUnitIds: [await h.unitId('锡林浩特市应急管理局')],
    };
    const decide = (client: HttpClient, conclusion: string) =>
      act(client, c.id, 'record_decision', { version: v, ...decision, conclusion });
    expect((await decide(investigator, 'no_liability')).body.error.code).toBe('FORBIDDEN');
    expect((await decide(secretary, 'tolerated')).body.error.code).toBe(
      'DEPARTURE_REASON_REQUIRED',
    );
    res = await decide(secretary, 'no_liability');
    expect(res.body.state).toBe('decided');
    v = res.body.version;

    // 第十五、十六条: not an enforcement error; a correction opens at once.
    detail = (await secretary.get(`/api/v1/cases/${c.id}`)).body;
    expect(detail.enforcementErrorRecords).toEqual([]);
    expect(detail.corrections).toHaveLength(1);
    expect(detail.notifications).toHaveLength(2);
    for (const n of detail.notifications) expect(n.due > today).toBe(true);

    // Notification within 7 days, to each recipient; the last one opens the objection period.
    for (const n of detail.notifications) {
      res = await act(secretary, c.id, 'send_notification', {
        version: v,
        notificationId: n.id,
        ...delivery(),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      v = res.body.version;
    }
    expect(res.body.state).toBe('notified');

    // An objection by the officer (another may not read the case: to them it does not
    // exist), reviewed and confirmed by the committee.
    expect(
      (await act(otherOfficer, c.id, 'raise_objection', { version: v, reason: '不服' })).status,
    ).toBe(404);
    res = await act(officer, c.id, 'raise_objection', {
      version: v,
      reason: '认为应认定为履职尽责',
    });
    expect(res.body.state).toBe('objection_review');
    v = res.body.version;
    res = await act(secretary, c.id, 'review_objection', { version: v, result: 'confirm' });
    expect(res.body.state).toBe('notified');
    v = res.body.version;

    // Publication within a chosen scope, then closure.
    expect(
      (await act(secretary, c.id, 'publish', { version: v, scope: '全世界' })).body.error.code,
    ).toBe('INVALID_SCOPE');
    res = await act(secretary, c.id, 'publish', { version: v, scope: '本系统' });
    expect(res.body.state).toBe('published');
    v = res.body.version;
    // Closing waits until the officer's objection period (15 days after the notice) is over.
    expect((await act(secretary, c.id, 'close', { version: v })).body.error.code).toBe(
      'OBJECTION_PERIOD_OPEN',
    );
    // To the day after the period: 15 days from the last delivery, moved on past a rest
    // day it ends on (from early December, the New Year holiday), whatever day this runs.
    const { objectionDue } = (await secretary.get(`/api/v1/cases/${c.id}`)).body as {
      objectionDue: string;
    };
    const daysLeft = Math.round(
      (Date.parse(objectionDue) - Date.parse(todayInChina(h.app.ctx.now()))) / 86_400_000,
    );
    expect(daysLeft).toBeGreaterThanOrEqual(15);
    h.advance((daysLeft + 1) * 24 * 60 * 60_000);
    await relogin();
    res = await act(secretary, c.id, 'close', { version: v });
    expect(res.body.state).toBe('closed');

    // The reviewer reads it; the timeline holds every step.
    detail = (await reviewer.get(`/api/v1/cases/${c.id}`)).body;
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'case.submit_application',
        'case.accept',
        'case.record_fact',
        'case.attach_evidence',
        'case.record_decision',
        'case.send_notification',
        'case.raise_objection',
        'case.review_objection',
        'case.publish',
        'case.close',
      ]),
    );
    expect(detail.allowedActions).toEqual([]);
  }, 60_000);

  it('counts an enforcement error only where the conclusion says so (第十五条)', async () => {
    const c = await apply('超越职权作出处罚');
    let v = (await act(investigator, c.id, 'accept', { version: 1 })).body.version;
    for (const [f, value] of [
      ['a13.c1', true],
      ['a13.c2', true],
    ] as const)
      v = (await fact(c.id, f, value, v)).body.version;
    v = (await act(investigator, c.id, 'complete_investigation', { version: v })).body.version;
    v = await assessAll(c.id, v);
    v = (await act(investigator, c.id, 'submit_for_decision', { version: v })).body.version;
    v = await legalReview(c.id, v);
    const res = await act(secretary, c.id, 'record_decision', {
      version: v,
      meetingDate: todayInChina(h.app.ctx.now()),
      members: ['党委书记'],
      conclusion: 'not_tolerated',
      relatedUnitIds: [],
    });
    expect(res.body.state).toBe('decided');
    const detail = (await secretary.get(`/api/v1/cases/${c.id}`)).body;
    expect(detail.enforcementErrorRecords).toHaveLength(1);
    expect(detail.corrections).toEqual([]);
    const record = (await officer.get(`/api/v1/officers/${await h.userId('wangqiang')}/record`))
      .body;
    expect(record.enforcementErrors).toBe(1);
  }, 60_000);

  it('lets an investigator initiate a case about an officer of the unit (单位启动)', async () => {
    const unitId = await h.unitId('综合行政执法大队');
    const body = {
      origin: 'initiation',
      unitId,
      officerId: await h.userId('wangqiang'),
      title: '单位启动核查',
      conduct: '信访反映执法不当',
      conductDate: '2025-03-01',
      enforcementAction: 'coercion',
    };
    expect((await officer.post('/api/v1/cases', body)).body.error.code).toBe('FORBIDDEN');
    expect((await eduInvestigator.post('/api/v1/cases', body)).body.error.code).toBe('FORBIDDEN');
    expect(
      (await investigator.post('/api/v1/cases', { ...body, officerId: await h.userId('zhangmin') }))
        .body.error.code,
    ).toBe('NOT_FOUND');
    // The officers an investigator may open a case about: those of the unit subtree.
    const names = (await investigator.get('/api/v1/officers')).body.map(
      (o: { displayName: string }) => o.displayName,
    );
    expect(names).toEqual(expect.arrayContaining(['王强', '赵丽']));
    expect(names).not.toContain('陈静');
    expect((await officer.get('/api/v1/officers')).status).toBe(403);
    const { officerId: _none, ...withoutOfficer } = body;
    expect((await investigator.post('/api/v1/cases', withoutOfficer)).body.error.code).toBe(
      'INVALID_INPUT',
    );
    const res = await investigator.post('/api/v1/cases', body);
    expect(res.status).toBe(201);
    const detail = (await officer.get(`/api/v1/cases/${res.body.id}`)).body;
    expect(detail).toMatchObject({
      state: 'investigating',
      origin: 'initiation',
      applicantId: null,
    });
    // An initiated case is not the officer's application: he cannot withdraw it.
    expect((await act(officer, res.body.id, 'withdraw', { version: detail.version })).status).toBe(
      403,
    );
  });

  it('applies 第十五、十六条 again when an objection review changes the conclusion', async () => {
    const c = await apply('异议改变结论');
    let v = (await act(investigator, c.id, 'accept', { version: 1 })).body.version;
    const findings: [string, boolean][] = [
      ['a10.3', true],
      ...[...NOT_TOLERATED_FALSE, ...DUE_DILIGENCE_FALSE].map((x): [string, boolean] => [x, false]),
    ];
    for (const [f, value] of findings) v = (await fact(c.id, f, value, v)).body.version;
    v = (await act(investigator, c.id, 'complete_investigation', { version: v })).body.version;
    v = await assessAll(c.id, v);
    v = (await act(investigator, c.id, 'submit_for_decision', { version: v })).body.version;
    v = await legalReview(c.id, v);
    const today = todayInChina(h.app.ctx.now());
    v = (
      await act(secretary, c.id, 'record_decision', {
        version: v,
        meetingDate: today,
        members: ['党委书记'],
        conclusion: 'no_liability',
        relatedUnitIds: [],
      })
    ).body.version;
    let detail = (await secretary.get(`/api/v1/cases/${c.id}`)).body;
    for (const n of detail.notifications)
      v = (
        await act(secretary, c.id, 'send_notification', {
          version: v,
          notificationId: n.id,
          ...delivery(),
        })
      ).body.version;
    v = (await act(officer, c.id, 'raise_objection', { version: v, reason: '举报人认为应当追责' }))
      .body.version;
    const change = {
      version: v,
      result: 'change',
      conclusion: 'discretionary_mitigation',
      meetingDate: today,
      members: ['党委书记', '纪检组长'],
    };
    expect((await act(secretary, c.id, 'review_objection', change)).body.error.code).toBe(
      'REASON_REQUIRED',
    );
    const res = await act(secretary, c.id, 'review_objection', {
      ...change,
      reason: '复核查明存在过错，依第十二条从轻',
    });
    expect(res.body.state).toBe('notified');
    detail = (await secretary.get(`/api/v1/cases/${c.id}`)).body;
    expect(
      detail.decisions.map((d: { conclusion: string; onReview: boolean }) => [
        d.conclusion,
        d.onReview,
      ]),
    ).toEqual([
      ['no_liability', false],
      ['discretionary_mitigation', true],
    ]);
    expect(detail.enforcementErrorRecords).toHaveLength(1);
    expect(detail.corrections.map((x: { state: string }) => x.state)).toEqual(['cancelled']);
    expect(detail.objections[0]).toMatchObject({ result: 'changed' });
  }, 60_000);

  it('lets the applicant withdraw before the decision, and refuses need a reason', async () => {
    const a = await apply('撤回测试');
    // Another officer may not read the case: it does not exist for them.
    expect((await act(otherOfficer, a.id, 'withdraw', { version: 1 })).status).toBe(404);
    expect((await act(officer, a.id, 'withdraw', { version: 1 })).body.state).toBe('withdrawn');
    const b = await apply('不予受理测试');
    expect(
      (await act(investigator, b.id, 'refuse', { version: 1, reason: '' })).body.error.code,
    ).toBe('REASON_REQUIRED');
    expect(
      (await act(investigator, b.id, 'refuse', { version: 1, reason: '不属于本制度适用范围' })).body
        .state,
    ).toBe('refused');
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const c = await apply('并发测试');
    const first = await act(investigator, c.id, 'accept', { version: 1 });
    expect(first.status).toBe(200);
    const stale = await fact(c.id, 'a9.1', true, 1);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const detail = (await investigator.get(`/api/v1/cases/${c.id}`)).body;
    expect(detail.facts).toEqual([]);
    expect(detail.version).toBe(first.body.version);
  });

  it('creates a case once per idempotency key', async () => {
    const unitId = await h.unitId('综合行政执法大队');
    const body = {
      origin: 'application',
      unitId,
      title: '幂等测试',
      conduct: '同一请求发送两次',
      conductDate: '2025-03-01',
      enforcementAction: 'inspection',
    };
    const key = { 'idempotency-key': 'apply-20260301-0001' };
    const one = await officer.post('/api/v1/cases', body, key);
    const two = await officer.post('/api/v1/cases', body, key);
    expect(one.status).toBe(201);
    expect(two.status).toBe(200);
    expect(two.body.id).toBe(one.body.id);
    const other = await officer.post('/api/v1/cases', { ...body, title: '另一请求' }, key);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('hides cases outside the reader’s scope', async () => {
    const c = await apply('范围测试');
    expect((await eduInvestigator.get(`/api/v1/cases/${c.id}`)).status).toBe(404);
    expect((await otherOfficer.get(`/api/v1/cases/${c.id}`)).status).toBe(404);
    const listed = (await eduInvestigator.get('/api/v1/cases?limit=200')).body.items.map(
      (i: { id: string }) => i.id,
    );
    expect(listed).not.toContain(c.id);
    const own = (await officer.get('/api/v1/cases?q=范围测试')).body;
    expect(own.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
  });
});
