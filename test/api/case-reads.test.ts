// What the server computes for the pages, so the web re-derives nothing: who may open
// which kind of case, each role's to-do list from the transition table, a write that
// answers with the case as the writer now sees it, and the case page's forms (closing's
// reason, the outcomes of the case's policy, the redacted publication, due dates).
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/app/demo-data.ts';
import type { HttpClient } from '../support/http-client.ts';
import { storeTargets } from '../support/test-databases.ts';
import { advance, CLASSIFIED, emergencyCrew } from '../support/procedure-api.ts';
import { useHarness } from './api-harness.ts';

const DECIDED_TITLE = '依据检测报告作出行政处罚后检测机构撤回报告';

describe.each(storeTargets())('what the pages read on $name', (target) => {
  const h = useHarness(target);

  /** The officer's application in his own unit, as he makes it. */
  const applyAs = async (officer: HttpClient, title: string) =>
    officer.post('/api/v1/cases', {
      origin: 'application',
      unitId: await h.unitId('综合行政执法大队'),
      title,
      conduct: '详见申请书',
      conductDate: '2025-03-01',
      enforcementAction: 'penalty',
      ...CLASSIFIED,
    });

  it('says with the session how the user may open a case', async () => {
    for (const [username, actions] of [
      ['wangqiang', ['submit_application']],
      ['lina', ['initiate']],
      ['zhangmin', []],
      ['liuyang', []],
      ['sysadmin', []],
    ] as const) {
      const session = (await (await h.as(username)).get('/api/v1/session')).body;
      expect(session.user.newCaseActions, username).toEqual(actions);
    }
  });

  it('gives each role the cases where it acts next', async () => {
    const titles = async (username: string) =>
      (await (await h.as(username)).get('/api/v1/worklist')).body.items.map(
        (c: { title: string; state: string }) => `${c.state} ${c.title}`,
      );
    // The secretary: the decided case (notifications to send), nothing under investigation.
    const secretary = await titles('zhangmin');
    expect(secretary).toEqual([`decided ${DECIDED_TITLE}`]);
    // The investigator: the application to accept and the case under investigation.
    const investigator = await titles('lina');
    expect(investigator.map((t: string) => t.split(' ')[0]).sort()).toEqual([
      'investigating',
      'submitted',
    ]);
    // The officer: nothing. Withdrawing his application is his right, not his to-do: the
    // next step on it is the investigator's (受理或不予受理).
    expect(await titles('wangqiang')).toEqual([]);
    // No review is owed on the demo's cases; an administrator works on no case.
    expect(await titles('liuyang')).toEqual([]);
    expect((await (await h.as('auditadmin')).get('/api/v1/worklist')).body).toEqual({ items: [] });
  });

  it('lists exactly the readable cases whose next step is the reader’s, and no ended case', async () => {
    // Cases that have ended, beside the demo's: one refused, one withdrawn.
    const officer = await h.as('wangqiang');
    const investigator = await h.as('lina');
    const refused = await applyAs(officer, '待办：不予受理的申请');
    await investigator.post(`/api/v1/cases/${refused.body.id}/actions/refuse`, {
      version: refused.body.version,
      reason: '不属于受理范围',
    });
    const withdrawn = await applyAs(officer, '待办：撤回的申请');
    await officer.post(`/api/v1/cases/${withdrawn.body.id}/actions/withdraw`, {
      version: withdrawn.body.version,
    });
    // An account that is both secretary and officer: neither role's states may leak into
    // the other's cases (an officer's application is no secretary's work).
    const both = await h.newUser('both.roles', '锡林郭勒盟应急管理局', ['secretary', 'officer']);
    const readers = [...(await Promise.all(DEMO_USERS.map((u) => h.as(u.username)))), both];
    const ended = new Set<string>();
    let listed = 0;
    for (const reader of readers) {
      const todo = (await reader.get('/api/v1/worklist')).body.items as {
        id: string;
        state: string;
        step: string;
      }[];
      const readable = (await reader.get('/api/v1/cases?limit=200')).body.items;
      const theirs: string[] = [];
      const steps = new Map<string, string>();
      for (const { id } of readable as { id: string }[]) {
        const c = (await reader.get(`/api/v1/cases/${id}`)).body;
        // The page always says what comes next, or why nothing does.
        expect(c.nextStep.step, c.state).not.toBe('');
        if (c.nextStep.ended) ended.add(c.state);
        // The reader's step comes with something to take now, and only then.
        const taking =
          c.nextStep.actions.length + c.nextStep.records.length + c.nextStep.reviews.length;
        expect(c.nextStep.yours, `${c.state} ${c.title}`).toBe(taking > 0);
        if (c.nextStep.yours) theirs.push(id);
        steps.set(id, c.nextStep.step);
      }
      // One rule: the to-do list is the cases whose next step is the reader's.
      expect(todo.map((c) => c.id).sort()).toEqual(theirs.sort());
      for (const c of todo) {
        expect(['closed', 'refused', 'withdrawn']).not.toContain(c.state);
        // Each to-do says the step, as the case page does.
        expect(c.step).toBe(steps.get(c.id));
      }
      listed += todo.length;
    }
    expect(listed).toBeGreaterThan(0);
    // The demo's overdue correction (整改期限) is on a case closed after its objection period.
    expect([...ended].sort()).toEqual(['closed', 'refused', 'withdrawn']);
    expect((await both.get('/api/v1/worklist')).body.items).toEqual([
      expect.objectContaining({ title: DECIDED_TITLE }),
    ]);
  });

  it('says on the case page what comes next, who takes it and by when', async () => {
    const secretary = await h.as('zhangmin');
    const officer = await h.as('wangqiang');
    const list = (await secretary.get(`/api/v1/cases?q=${encodeURIComponent(DECIDED_TITLE)}`)).body;
    const id = list.items[0].id;
    const c = (await secretary.get(`/api/v1/cases/${id}`)).body;
    expect(c.nextStep).toMatchObject({
      ended: false,
      step: '送达告知（还有2份）',
      who: { role: 'secretary', name: '党委/党组秘书（综合行政执法大队或其上级单位）' },
      yours: true,
      actions: ['send_notification'],
    });
    expect(c.nextStep.dates.map((d: { label: string }) => d.label).sort()).toEqual(
      ['告知当事人 王强', '告知锡林浩特市应急管理局'].sort(),
    );
    expect(c.nextStep.when).toMatch(/^告知.+（截止 \d{4}年\d{1,2}月\d{1,2}日）；告知.+（截止 /);
    // The officer reads the same step as someone else's, with whose and by when.
    const his = (await officer.get(`/api/v1/cases/${id}`)).body.nextStep;
    expect(his).toMatchObject({
      step: c.nextStep.step,
      yours: false,
      actions: [],
      when: c.nextStep.when,
    });
    // Where the procedure sets no time limit, the page says so rather than invent one.
    const opened = await applyAs(officer, '下一步：受理');
    const submitted = (await officer.get(`/api/v1/cases/${opened.body.id}`)).body.nextStep;
    expect(submitted).toMatchObject({
      step: '受理或不予受理',
      who: { role: 'investigator', roleLabel: '调查人员' },
      when: '制度未规定本步骤的办理期限',
      dates: [],
      yours: false,
      rights: [{ action: 'withdraw', text: '申请人 王强可在研究决定前撤回申请', yours: true }],
    });
    await officer.post(`/api/v1/cases/${opened.body.id}/actions/withdraw`, {
      version: opened.body.version,
    });
    expect((await officer.get(`/api/v1/cases/${opened.body.id}`)).body.nextStep).toMatchObject({
      ended: true,
      detail: '申请人已撤回申请，认定程序终结',
      who: null,
      yours: false,
    });
  });

  it('answers a write with the case as the writer now sees it', async () => {
    const officer = await h.as('wangqiang');
    const investigator = await h.as('lina');
    const opened = await applyAs(officer, '写入后返回案件');
    const id = opened.body.id;
    const accepted = await investigator.post(`/api/v1/cases/${id}/actions/accept`, {
      version: opened.body.version,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual((await investigator.get(`/api/v1/cases/${id}`)).body);
    expect(accepted.body).toMatchObject({ state: 'investigating', stateLabel: '调查核实中' });
    // Why the investigator may not assess yet, and the officer may record nothing, in the domain's words.
    expect(accepted.body.recordRefusals).toEqual({
      assessment: '案件调查核实中，只有在综合分析研判中时才能记录综合分析研判',
    });
    const officerView = (await officer.get(`/api/v1/cases/${id}`)).body;
    expect(officerView.recordRefusals.fact).toBe('只有负责本案的调查人员可以记录事实');
    // The interview's next question goes to whoever may answer it, not to the officer, and
    // only when asked for (the interview asks; its search costs more than the rest).
    expect(accepted.body.evaluation.nextQuestion).toBeNull();
    const asked = `/api/v1/cases/${id}?include=nextQuestion`;
    const interview = (await investigator.get(asked)).body;
    expect(interview.evaluation.nextQuestion).toMatchObject({ fact: expect.any(String) });
    expect(interview.evaluation.missing).toContain(interview.evaluation.nextQuestion.fact);
    expect(interview.evaluation.interviewOrder[0]).toBe(interview.evaluation.nextQuestion.fact);
    expect({
      ...interview,
      evaluation: { ...interview.evaluation, nextQuestion: null, interviewOrder: null },
    }).toEqual(accepted.body);
    expect((await officer.get(asked)).body.evaluation.nextQuestion).toBeNull();
    expect(officerView.evaluation.nextQuestion).toBeNull();
    expect(officerView.evaluation.missing).toEqual(accepted.body.evaluation.missing);
    expect((await investigator.get(`/api/v1/cases/${id}?include=all`)).status).toBe(400);
    const recorded = await investigator.request('PUT', `/api/v1/cases/${id}/facts/a10.3`, {
      version: accepted.body.version,
      value: true,
      note: '检测报告在卷',
    });
    expect(recorded.body).toEqual((await investigator.get(`/api/v1/cases/${id}`)).body);
    expect(recorded.body.facts).toEqual([
      expect.objectContaining({
        factId: 'a10.3',
        citation: '第十条第（三）项',
        value: true,
        valueLabel: '属实',
      }),
    ]);
    expect(recorded.body.timeline.at(-1)).toMatchObject({
      actionLabel: '记录事实',
      actor: { displayName: '李娜' },
      detail: '第十条第（三）项：属实：检测报告在卷',
    });
    // The interview's save asks for the next question with the case it answers.
    const next = await investigator.request(
      'PUT',
      `/api/v1/cases/${id}/facts/a13.c1?include=nextQuestion`,
      {
        version: recorded.body.version,
        value: false,
      },
    );
    expect(next.status).toBe(200);
    expect(next.body.evaluation.nextQuestion).toMatchObject({ fact: expect.any(String) });
    expect(next.body).toEqual((await investigator.get(asked)).body);
  });

  it('answers a write with 204 and the new version as the ETag when the client prefers it', async () => {
    const investigator = await h.as('lina');
    const opened = await applyAs(await h.as('wangqiang'), '批量导入：只要新版本');
    const minimal = { prefer: 'return=minimal' };
    const path = `/api/v1/cases/${opened.body.id}`;
    const accepted = await investigator.request(
      'POST',
      `${path}/actions/accept`,
      { version: opened.body.version },
      minimal,
    );
    expect(accepted.status).toBe(204);
    expect(accepted.headers.get('preference-applied')).toBe('return=minimal');
    expect(accepted.headers.get('etag')).toBe(`W/"${opened.body.version + 1}"`);
    const fact = await investigator.request(
      'PUT',
      `${path}/facts/a10.3`,
      { version: opened.body.version + 1, value: true },
      minimal,
    );
    expect(fact.status).toBe(204);
    const now = (await investigator.get(path)).body;
    expect(now).toMatchObject({ state: 'investigating', version: opened.body.version + 2 });
    expect(fact.headers.get('etag')).toBe(`W/"${now.version}"`);
    // Without the preference, the same ETag beside the case.
    const full = await investigator.request('PUT', `${path}/facts/a13.c1`, {
      version: now.version,
      value: false,
    });
    expect(full.status).toBe(200);
    expect(full.headers.get('etag')).toBe(`W/"${full.body.version}"`);
  });

  it('names, labels and dates the decided case, and gives its forms what they need', async () => {
    const secretary = await h.as('zhangmin');
    const list = (await secretary.get(`/api/v1/cases?q=${encodeURIComponent(DECIDED_TITLE)}`)).body;
    expect(list.items[0]).toMatchObject({
      unit: { name: '综合行政执法大队' },
      officer: { displayName: '王强' },
      policy: { id: 'xilingol-emergency-2024', title: expect.stringContaining('应急') },
    });
    const c = (await secretary.get(`/api/v1/cases/${list.items[0].id}`)).body;
    expect(c.officer).toMatchObject({ displayName: '王强', badgeNumber: '15250123001' });
    expect(c.notifications.map((n: { recipientName: string }) => n.recipientName).sort()).toEqual(
      ['当事人 王强', '锡林浩特市应急管理局'].sort(),
    );
    // Due 7 days after today's meeting: not yet due soon; 6 days on, both are.
    expect(c.notifications.map((n: { deadlineStatus: string | null }) => n.deadlineStatus)).toEqual(
      [null, null],
    );
    expect(c.notifications[0].daysLeft).toBe(7);
    // The demo's committee met today: the forms' today in China is that day.
    expect(c.forms.today).toBe(c.notifications[0].fromDate);
    // How the due date was counted, and where a rest day moved it, why (issue 9).
    expect(c.notifications[0].limitText).toMatch(/^自\d{4}年\d{1,2}月\d{1,2}日起7日，/);
    expect(c.forms).toMatchObject({
      closeNeedsReason: false,
      engineOutcome: 'no_liability',
      conclusion: 'no_liability',
      publication: {
        scopes: ['本单位', '本系统', '社会公开'],
        defaultScope: '本单位',
        // Composed for whoever may publish now; the case is not yet notified.
        draft: null,
        periodText: '5 个工作日',
      },
    });
    expect(c.forms.outcomes.map((o: { value: string }) => o.value)).toContain('no_liability');
    expect(c.timeline.at(-1)).toMatchObject({
      actionLabel: '登记研究决定',
      actor: { displayName: '张敏' },
      detail: '认定结论：不予追究行政执法责任',
    });
    h.advance(6 * 86_400_000);
    const later = (await (await h.as('zhangmin')).get(`/api/v1/cases/${c.id}`)).body;
    expect(later.notifications.map((n: { deadlineStatus: string }) => n.deadlineStatus)).toEqual([
      'due_soon',
      'due_soon',
    ]);
  });

  it('offers the education regime’s own outcomes, without 不予追究', async () => {
    const chenjing = await h.as('chenjing');
    const mine = (await chenjing.get('/api/v1/cases')).body.items;
    const c = (await chenjing.get(`/api/v1/cases/${mine[0].id}`)).body;
    expect(c.policy.id).toBe('xilingol-education-2024');
    const outcomes = c.forms.outcomes.map((o: { value: string }) => o.value);
    expect(outcomes).not.toContain('no_liability');
    expect(outcomes.at(-1)).toBe('no_ground');
    expect(c.forms.outcomes[0]).toEqual({ value: 'not_tolerated', label: '不予容错' });
  });

  // Last: it moves the clock past the objection period.
  it('lists a closed case on no one’s to-do list, and its page says nothing comes next', async () => {
    const officer = await h.as('wangqiang');
    const crew = await emergencyCrew(h.url);
    const opened = (await applyAs(officer, '待办：办结的案件')).body;
    const notified = await advance(crew, opened, 'submitted', 'notified');
    expect(notified.nextStep).toMatchObject({ step: '公开或办结', yours: true });
    h.advance(16 * 86_400_000);
    const secretary = await h.as('zhangmin');
    const closed = await secretary.post(`/api/v1/cases/${opened.id}/actions/close`, {
      version: notified.version,
      reason: '涉及个人隐私，不予公开',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.nextStep).toMatchObject({
      ended: true,
      step: '程序已终结',
      detail: '本案已办结，认定程序终结',
      yours: false,
      actions: [],
    });
    for (const { username } of DEMO_USERS) {
      const todo = (await (await h.as(username)).get('/api/v1/worklist')).body.items;
      expect(todo.map((c: { id: string }) => c.id)).not.toContain(opened.id);
    }
  });
});
