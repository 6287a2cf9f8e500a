// Fairness of the procedure over real HTTP (issue 9, items 5 to 8 and the related-unit
// picker): recusal (回避) of the officer concerned and of named people, the members of the
// decision, the legal review before it (法制审核), the meeting's date, delivery (送达) with
// its method, date, recipient and the reason of a late one, the due date's extension over
// a holiday, and related units only of the case's system. On both databases.
import { beforeAll, describe, expect, it } from 'vitest';
import { ASSESSMENT_FACTORS as FACTORS } from '../../src/domain/vocabulary.ts';
import { CLASSIFIED } from '../support/procedure-api.ts';
import { range } from '../support/spec-oracle.ts';
import { storeTargets } from '../support/test-databases.ts';
import type { HttpClient } from '../support/http-client.ts';
import { useHarness } from './api-harness.ts';

const DAY = 24 * 60 * 60_000;
/** Facts that settle 不予追究 (第十条第（三）项). */
const FINDINGS: [string, boolean][] = [
  ['a10.3', true],
  ...['a13.c1', ...range('a9.', 9)].map((f): [string, boolean] => [f, false]),
];

describe.each(storeTargets())('fairness of the procedure on $name', (target) => {
  const h = useHarness(target);
  let officer: HttpClient;
  let investigator: HttpClient;
  let secretary: HttpClient;
  let reviewer: HttpClient;
  let eduReviewer: HttpClient;
  /** A second investigator of the bureau, and an officer who is also its investigator. */
  let deputy: HttpClient;
  let officerInvestigator: HttpClient;

  async function relogin() {
    officer = await h.as('wangqiang');
    investigator = await h.as('lina');
    secretary = await h.as('zhangmin');
    reviewer = await h.as('liuyang');
    eduReviewer = await h.as('wulei');
  }

  beforeAll(async () => {
    deputy = await h.newUser('deputy', '锡林郭勒盟应急管理局', ['investigator']);
    officerInvestigator = await h.newUser('dualrole', '锡林郭勒盟应急管理局', [
      'officer',
      'investigator',
    ]);
    await relogin();
  }, 60_000);

  const act = (client: HttpClient, id: string, action: string, body: Record<string, unknown>) =>
    client.post(`/api/v1/cases/${id}/actions/${action}`, body);
  const read = async (id: string, client = secretary) =>
    (await client.get(`/api/v1/cases/${id}`)).body;
  const ok = (res: { status: number; body: { version: number } }) => {
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body.version;
  };

  async function apply(client: HttpClient, unitName: string, title: string) {
    const res = await client.post('/api/v1/cases', {
      origin: 'application',
      unitId: await h.unitId(unitName),
      title,
      conduct: '依据检测报告作出罚款决定，后报告被撤回',
      conductDate: '2025-03-01',
      enforcementAction: 'penalty',
      ...CLASSIFIED,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; version: number };
  }

  /** Accepted, investigated, assessed and submitted for decision by `by`; its version. */
  async function toDecision(id: string, version: number, by = investigator) {
    let v = ok(await act(by, id, 'accept', { version }));
    for (const [factId, value] of FINDINGS)
      v = ok(await by.request('PUT', `/api/v1/cases/${id}/facts/${factId}`, { version: v, value }));
    v = ok(await act(by, id, 'complete_investigation', { version: v }));
    for (const factor of FACTORS)
      v = ok(
        await by.request('PUT', `/api/v1/cases/${id}/assessment/${factor}`, {
          version: v,
          finding: '已核实',
        }),
      );
    return ok(await act(by, id, 'submit_for_decision', { version: v }));
  }

  const legal = (client: HttpClient, id: string, version: number, reviewedOn: string) =>
    client.request('PUT', `/api/v1/cases/${id}/reviews/legal`, {
      version,
      opinion: '事实清楚，证据充分，程序合法，同意不予追究',
      agrees: true,
      reviewedOn,
    });

  it('counts the notice from the meeting, says the holiday extended it, and records each delivery', async () => {
    // Today in China: Wednesday 2026-09-30, noon.
    h.advance(Date.parse('2026-09-30T04:00:00Z') - Date.now());
    await relogin();
    const c = await apply(officer, '综合行政执法大队', '国庆节前的研究决定');
    let v = await toDecision(c.id, c.version);
    v = ok(await legal(reviewer, c.id, v, '2026-09-30'));
    const decided = await act(secretary, c.id, 'record_decision', {
      version: v,
      meetingDate: '2026-09-30',
      members: ['党委书记', '局长'],
      conclusion: 'no_liability',
      relatedUnitIds: [await h.unitId('锡林浩特市应急管理局')],
    });
    v = ok(decided);
    const [party, unit] = decided.body.notifications;
    expect(party).toMatchObject({
      due: '2026-10-08',
      extendedFrom: '2026-10-07',
      limitText:
        '自2026年9月30日起7日，期限届满日（2026年10月7日）为法定节假日，顺延至节后第一个工作日2026年10月8日',
    });

    // The first notice, delivered in person on the day of the meeting.
    const send = (n: { id: string }, body: Record<string, unknown>) =>
      act(secretary, c.id, 'send_notification', { version: v, notificationId: n.id, ...body });
    const sent = await send(party, {
      deliveryMethod: 'in_person',
      deliveredOn: '2026-09-30',
      deliveredTo: '王强',
    });
    v = ok(sent);
    expect(sent.body.notifications[0]).toMatchObject({
      sentOn: '2026-09-30',
      deliveryMethod: 'in_person',
      deliveryMethodLabel: '直接送达',
      deliveredTo: '王强',
      lateReason: null,
    });

    // Nine days later the unit's notice is late (due 10-08): it needs a reason.
    h.advance(9 * DAY);
    await relogin();
    const unitDelivery = {
      deliveryMethod: 'by_post',
      deliveredOn: '2026-10-09',
      deliveredTo: '李四',
    };
    const late = await send(unit, unitDelivery);
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe('LATE_REASON_REQUIRED');
    expect(late.body.error.message).toContain('2026年10月8日');
    for (const [body, code] of [
      [{ ...unitDelivery, deliveryMethod: 'fax' }, 'INVALID_INPUT'],
      [{ ...unitDelivery, deliveredTo: ' ' }, 'INVALID_INPUT'],
      [{ ...unitDelivery, deliveredOn: '2026-09-29' }, 'INVALID_INPUT'],
      [{ ...unitDelivery, deliveredOn: '2026-10-10' }, 'INVALID_INPUT'],
    ] as const)
      expect((await send(unit, body)).body.error.code).toBe(code);
    const accepted = await send(unit, { ...unitDelivery, lateReason: '国庆假期邮路中断' });
    ok(accepted);
    expect(accepted.body.state).toBe('notified');
    expect(accepted.body.notifications[1]).toMatchObject({
      sentOn: '2026-10-09',
      deliveryMethodLabel: '邮寄送达',
      deliveredTo: '李四',
      lateReason: '国庆假期邮路中断',
    });
    // The objection period runs from the last delivery (10-09), 15 days: 10-24 is a
    // Saturday, so 10-26.
    expect(accepted.body.objectionDue).toBe('2026-10-26');
    h.advance(Date.now() - Date.parse('2026-10-09T04:00:00Z'));
    await relogin();
  }, 120_000);

  it('keeps the officer concerned off their own case, whatever roles they hold', async () => {
    const c = await apply(
      officerInvestigator,
      '锡林郭勒盟应急管理局',
      '本人既是执法人员又是调查人员',
    );
    const own = await act(officerInvestigator, c.id, 'accept', { version: c.version });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('FORBIDDEN');
    expect(own.body.error.message).toContain('本案涉及您本人');
    const detail = await read(c.id, officerInvestigator);
    expect(detail.allowedActions).toEqual(['withdraw']);
    // Another investigator of the unit accepts; the officer still keeps no record.
    const v = ok(await act(investigator, c.id, 'accept', { version: c.version }));
    const fact = await officerInvestigator.request('PUT', `/api/v1/cases/${c.id}/facts/a10.3`, {
      version: v,
      value: true,
    });
    expect(fact.status).toBe(403);
    expect(fact.body.error.message).toContain('回避');
    // Nor is he on the to-do list of his own case.
    const todo = (await officerInvestigator.get('/api/v1/worklist')).body.items;
    expect(todo.map((i: { id: string }) => i.id)).not.toContain(c.id);
  }, 60_000);

  it('recuses the people the officer names, and the unit’s own recusals', async () => {
    const c = await apply(officer, '综合行政执法大队', '申请调查人员回避');
    const linaId = await h.userId('lina');
    const choices = (await officer.get(`/api/v1/cases/${c.id}/recusal-choices`)).body;
    const names = choices.map((p: { displayName: string }) => p.displayName);
    expect(names).toEqual(expect.arrayContaining(['李娜', '张敏', '刘洋']));
    expect(names).not.toContain('王强');
    expect(names).not.toContain('孙浩');

    const ask = (client: HttpClient, body: Record<string, unknown>) =>
      client.post(`/api/v1/cases/${c.id}/recusals`, body);
    expect((await ask(officer, { version: 1, userId: linaId, reason: ' ' })).body.error.code).toBe(
      'REASON_REQUIRED',
    );
    const eduId = await h.userId('sunhao');
    expect(
      (await ask(officer, { version: 1, userId: eduId, reason: '系亲属' })).body.error.code,
    ).toBe('INVALID_INPUT');
    const asked = await ask(officer, { version: 1, userId: linaId, reason: '与本人系近亲属' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body.recusals).toEqual([
      expect.objectContaining({ name: '李娜', kindLabel: '申请回避', reason: '与本人系近亲属' }),
    ]);
    let v = asked.body.version;
    // 李娜 may no longer act on it, and says why; another investigator takes it.
    const refused = await act(investigator, c.id, 'accept', { version: v });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('您已回避本案，不能办理本案');
    expect((await read(c.id, investigator)).allowedActions).toEqual([]);
    v = await toDecision(c.id, v, deputy);

    // The secretary records that the reviewer stands aside (决定回避); the reviewer cannot
    // review, and the secretary's form no longer offers him.
    const liuyang = await h.userId('liuyang');
    const decided = await ask(secretary, {
      version: v,
      userId: liuyang,
      reason: '曾参与原执法决定审核',
    });
    expect(decided.status).toBe(201);
    v = decided.body.version;
    expect(decided.body.recusals[1]).toMatchObject({ name: '刘洋', kind: 'decided' });
    const review = await legal(reviewer, c.id, v, decided.body.forms.today);
    expect(review.status).toBe(403);
    expect(review.body.error.message).toContain('已回避');
    const left = (await secretary.get(`/api/v1/cases/${c.id}/recusal-choices`)).body;
    expect(left.map((p: { id: string }) => p.id)).not.toContain(liuyang);
    // The officer may not ask once the case is decided; an officer of another bureau cannot at all.
    expect(
      (await ask(await h.as('chenjing'), { version: v, userId: linaId, reason: 'x' })).status,
    ).toBe(404);
  }, 90_000);

  it('holds the decision for the legal review, and checks its members and its date', async () => {
    const c = await apply(officer, '综合行政执法大队', '法制审核与参会人员');
    let v = await toDecision(c.id, c.version);
    const today = (await read(c.id)).forms.today;
    const decision = {
      meetingDate: today,
      members: ['党委书记', '局长'],
      conclusion: 'no_liability',
      relatedUnitIds: [],
    };

    // REVIEW_REQUIRED until the legal review is recorded; the reviewer has it to do.
    let detail = await read(c.id);
    expect(detail.allowedActions).not.toContain('record_decision');
    expect(detail.forms.fairness.reviews).toEqual([
      { kind: 'legal', label: '法制审核意见', required: true, recorded: false },
      { kind: 'discipline', label: '纪检监察意见', required: false, recorded: false },
    ]);
    const held = await act(secretary, c.id, 'record_decision', { version: v, ...decision });
    expect(held.status).toBe(409);
    expect(held.body.error).toEqual({
      code: 'REVIEW_REQUIRED',
      message: '尚未记录法制审核意见，不能登记研究决定',
    });
    const todo = async (client: HttpClient) =>
      (await client.get('/api/v1/worklist')).body.items.map((i: { id: string }) => i.id);
    expect(await todo(reviewer)).toContain(c.id);
    expect(await todo(secretary)).not.toContain(c.id);
    expect(await todo(eduReviewer)).not.toContain(c.id);
    // Not a reviewer of another bureau, not a secretary, not a day before the submission.
    expect((await legal(eduReviewer, c.id, v, today)).status).toBe(404);
    expect((await legal(secretary, c.id, v, today)).status).toBe(403);
    expect((await legal(reviewer, c.id, v, '2020-01-01')).body.error.code).toBe('INVALID_INPUT');
    const reviewed = await legal(reviewer, c.id, v, today);
    v = ok(reviewed);
    expect(reviewed.body.reviews).toEqual([
      expect.objectContaining({
        kind: 'legal',
        label: '法制审核意见',
        agrees: true,
        reviewedOn: today,
        reviewerName: '刘洋',
      }),
    ]);
    const discipline = await reviewer.request('PUT', `/api/v1/cases/${c.id}/reviews/discipline`, {
      version: v,
      opinion: '未发现违纪问题',
      agrees: false,
      reviewedOn: today,
    });
    v = ok(discipline);
    expect(discipline.body.reviews.map((r: { kind: string }) => r.kind)).toEqual([
      'legal',
      'discipline',
    ]);
    expect(await todo(reviewer)).not.toContain(c.id);
    expect(await todo(secretary)).toContain(c.id);
    detail = await read(c.id);
    expect(detail.allowedActions).toContain('record_decision');
    expect(detail.forms.fairness.meetingDateFrom).toBe(today);

    // The meeting: not 1900-01-01, not before the submission, not tomorrow.
    const decide = (body: Record<string, unknown>) =>
      act(secretary, c.id, 'record_decision', { version: v, ...decision, ...body });
    for (const meetingDate of ['1900-01-01', '2026-01-05']) {
      const early = await decide({ meetingDate });
      expect(early.body.error.code, meetingDate).toBe('INVALID_INPUT');
      expect(early.body.error.message).toContain('之间');
    }
    // The officer concerned among the members (王强).
    const officerSits = await decide({ members: ['党委书记', '王强'] });
    expect(officerSits.body.error.code).toBe('MEMBER_RECUSED');
    expect(officerSits.body.error.message).toContain('当事人');
    // A related unit of another bureau's system.
    const otherBureau = await decide({ relatedUnitIds: [await h.unitId('二连浩特市教育局')] });
    expect(otherBureau.body.error.code).toBe('UNIT_OUTSIDE_SYSTEM');
    // The picker offers exactly the bureau's system.
    const units = (await secretary.get(`/api/v1/cases/${c.id}/related-unit-choices`)).body;
    const unitNames = units.map((u: { name: string }) => u.name);
    expect(unitNames).toEqual(
      expect.arrayContaining(['锡林郭勒盟应急管理局', '锡林浩特市应急管理局', '执法监督科']),
    );
    expect(unitNames).not.toContain('锡林郭勒盟教育局');
    expect(unitNames).not.toContain('锡林郭勒盟');
    const root = units.find((u: { name: string }) => u.name === '锡林郭勒盟应急管理局');
    expect(root.parentId).toBeNull();
    expect(units.find((u: { name: string }) => u.name === '锡林浩特市应急管理局').parentId).toBe(
      root.id,
    );

    // A member recused with a reason is kept with the decision.
    const done = await decide({
      recusedMembers: [{ name: '纪检组长', reason: '与当事人系近亲属' }],
      relatedUnitIds: [await h.unitId('锡林浩特市应急管理局')],
    });
    ok(done);
    expect(done.body.decisions[0]).toMatchObject({
      members: ['党委书记', '局长'],
      recusedMembers: [{ name: '纪检组长', reason: '与当事人系近亲属' }],
    });
    const audit = done.body.timeline.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['case.record_review', 'case.record_decision']));
  }, 90_000);
});
