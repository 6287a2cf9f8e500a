// The correction procedure (纠错, 第十六至十八条) over HTTP, on the embedded PostgreSQL and on
// the server: every step from the decision to the closing with the lessons, each refusal
// (a user of another unit, another officer, a role that may not act, a stale version, an
// extension after the deadline, a claim or a closing with items not done), the workbench's
// deadlines and to-do list, and the daily reminder job claimed once across instances.

import { describe, expect, it } from 'vitest';
import { ensureScheduled, runDueJobs } from '../../src/app/jobs/job-runner.ts';
import { raiseCorrectionReminders } from '../../src/app/correction/correction-deadlines.ts';
import type { HttpClient } from '../support/http-client.ts';
import { advance, applyAs, emergencyCrew } from '../support/procedure-api.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

const DAY = 24 * 60 * 60_000;

describe.each(storeTargets())('the correction procedure on $name', (target) => {
  const h = useHarness(target);

  /** A new application of 王强, decided 不予追究: its correction, as the secretary reads it. */
  async function decidedCorrection(title: string) {
    const officer = await h.as('wangqiang');
    const crew = await emergencyCrew(h.url);
    const c = await applyAs(officer, title);
    await advance(crew, c, 'submitted', 'decided');
    const list = await crew.secretary.get(`/api/v1/corrections?caseId=${c.id}`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    return { officer, ...crew, caseId: c.id, correction: list.body.items[0] };
  }

  const post = (client: HttpClient, id: string, step: string, body: Record<string, unknown>) =>
    client.post(`/api/v1/corrections/${id}/${step}`, body);

  const notice = {
    reason: '执法检查中核验不到位',
    items: ['补齐核验记录', '组织专题学习', '建立复核机制'],
    requirements: '限期完成并书面报告',
    responsible: '综合行政执法大队',
  };

  it('has demo corrections in every state: one overdue, one with an extension pending', async () => {
    const secretary = await h.as('zhangmin');
    const { items } = (await secretary.get('/api/v1/corrections?pageSize=200')).body;
    type Item = { state: string; dueStatus: string | null; pendingExtension: boolean; id: string };
    const states = new Set(items.map((i: Item) => i.state));
    for (const state of ['opened', 'in_progress', 'completion_claimed', 'completed'])
      expect(states).toContain(state);
    expect(items.filter((i: Item) => i.dueStatus === 'overdue')).toHaveLength(1);
    const pending = items.filter((i: Item) => i.pendingExtension);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ dueStatus: 'due_soon' });
    const completed = items.find((i: Item) => i.state === 'completed');
    const page = (await secretary.get(`/api/v1/corrections/${completed.id}`)).body;
    expect(page.closing.causeAnalysis).not.toBe('');
    // The officer sees his own only.
    const own = (await (await h.as('wangqiang')).get('/api/v1/corrections')).body.items;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((i: { officer: { name: string } }) => i.officer.name === '王强')).toBe(true);
  });

  it('runs from the decision to the closing with the lessons, refusing what may not be done', async () => {
    const { officer, investigator, secretary, reviewer, caseId, correction } =
      await decidedCorrection('纠错全流程');
    const id: string = correction.id;
    expect(correction).toMatchObject({ state: 'opened', stateLabel: '待下发纠错通知', due: null });

    // The officer sees his own correction; the secretary may issue the notice, no one else.
    const mine = await officer.get('/api/v1/corrections?mine=true');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await officer.get(`/api/v1/corrections/${id}`)).body.allowedActions).toEqual([]);
    const page = await secretary.get(`/api/v1/corrections/${id}`);
    expect(page.body.allowedActions).toEqual(['issue_notice']);
    expect(page.body.citations).toEqual({
      correction: '第十六条',
      details: '第十七条',
      followUp: '第十八条',
    });
    expect(page.body.forms).toMatchObject({
      defaultDays: 30,
      counting: 'working',
      extensionAllowed: true,
    });

    const byOfficer = await post(officer, id, 'notice', { expectedVersion: 0, ...notice });
    expect(byOfficer.status).toBe(403);
    expect(byOfficer.body.error.code).toBe('FORBIDDEN');
    expect((await post(investigator, id, 'notice', { expectedVersion: 0, ...notice })).status).toBe(
      403,
    );
    const blank = await post(secretary, id, 'notice', {
      expectedVersion: 0,
      ...notice,
      reason: '  ',
    });
    expect(blank.body.error.code).toBe('INVALID_INPUT');

    // 纠错通知: the deadline from today, 30 working days, and how it was counted.
    const issued = await post(secretary, id, 'notice', { expectedVersion: 0, ...notice });
    expect(issued.status).toBe(200);
    const today: string = issued.body.forms.today;
    expect(issued.body).toMatchObject({ state: 'in_progress', notifiedOn: today, version: 1 });
    expect(issued.body.notice).toMatchObject({ days: 30, counting: 'working', notifiedOn: today });
    expect(issued.body.notice.countingText).toMatch(/^自.+起30个工作日/);
    expect(issued.body.due).toBe(issued.body.notice.due);
    expect(issued.body.due > today).toBe(true);
    const items: { id: string }[] = issued.body.notice.items;
    expect(items).toHaveLength(3);

    // A stale version is refused and writes nothing.
    const stale = await post(investigator, id, 'follow-ups', {
      expectedVersion: 0,
      method: 'on_site',
      checkedOn: today,
      findings: '实地核查',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    // The reviewer reads but does not act.
    const byReviewer = await post(reviewer, id, 'follow-ups', {
      expectedVersion: 1,
      method: 'on_site',
      checkedOn: today,
      findings: '实地核查',
    });
    expect(byReviewer.status).toBe(403);

    // A progress report with the first item done, and a file attached to it.
    const report = await post(officer, id, 'progress', {
      expectedVersion: 1,
      text: '已补齐核验记录',
      itemIds: [items[0]!.id],
    });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ version: 2 });
    const reportId: string = report.body.reportId;
    const file = await officer.request(
      'POST',
      `/api/v1/corrections/${id}/progress/${reportId}/evidence?filename=${encodeURIComponent('核验记录.txt')}`,
      '核验记录已补齐',
      { 'content-type': 'text/plain' },
    );
    expect(file.status).toBe(201);
    expect(file.body).toMatchObject({ fileName: '核验记录.txt', version: 3 });
    const read = (await officer.get(`/api/v1/corrections/${id}`)).body;
    expect(read.progressReports[0]).toMatchObject({ id: reportId, itemIds: [items[0]!.id] });
    expect(read.progressReports[0].evidence).toEqual([
      { id: file.body.id, fileName: '核验记录.txt', size: file.body.size },
    ]);
    expect(read.notice.items.map((i: { done: boolean }) => i.done)).toEqual([true, false, false]);
    const download = await secretary.get(`/api/v1/corrections/${id}/evidence/${file.body.id}`);
    expect(download.body).toBe('核验记录已补齐');
    expect(
      (
        await investigator.request(
          'POST',
          `/api/v1/corrections/${id}/progress/${reportId}/evidence?filename=x.txt`,
          'x',
          { 'content-type': 'text/plain' },
        )
      ).status,
    ).toBe(403);

    // Claiming completion with items not done is refused.
    const early = await post(officer, id, 'completion', {
      expectedVersion: 3,
      summary: '已完成',
      items: [],
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('ITEMS_NOT_DONE');

    // 延长整改期限: asked, a second request refused while it is pending, then approved.
    const due: string = read.due;
    const later = addDays(due, 20);
    const asked = await post(officer, id, 'extensions', {
      expectedVersion: 3,
      reason: '因特殊情况难以按期完成',
      requestedDue: later,
    });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ pendingExtension: true, due });
    expect(asked.body.extensions[0]).toMatchObject({
      state: 'pending',
      stateLabel: '待审批',
      requestedDue: later,
    });
    const again = await post(officer, id, 'extensions', {
      expectedVersion: 4,
      reason: '再次申请',
      requestedDue: addDays(later, 5),
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('EXTENSION_PENDING');
    const extensionId: string = asked.body.extensions[0].id;
    // On the secretary's to-do list; the investigator may not decide it.
    const todo = (await secretary.get('/api/v1/corrections?todo=true')).body.items;
    expect(todo.find((i: { id: string }) => i.id === id)).toMatchObject({
      todo: '审批延期申请',
      todoAction: 'decide_extension',
    });
    const decision = `extensions/${extensionId}/decision`;
    expect(
      (await post(investigator, id, decision, { expectedVersion: 4, approved: true })).status,
    ).toBe(403);
    const notLater = await post(secretary, id, decision, {
      expectedVersion: 4,
      approved: true,
      newDue: due,
    });
    expect(notLater.body.error.code).toBe('NEW_DUE_NOT_LATER');
    const refusedBare = await post(secretary, id, decision, {
      expectedVersion: 4,
      approved: false,
    });
    expect(refusedBare.body.error.code).toBe('REASON_REQUIRED');
    const approved = await post(secretary, id, decision, { expectedVersion: 4, approved: true });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ due: later, pendingExtension: false, version: 5 });
    expect(approved.body.extensions[0]).toMatchObject({
      state: 'approved',
      newDue: later,
      decidedOn: today,
    });
    const decidedAgain = await post(secretary, id, decision, {
      expectedVersion: 5,
      approved: true,
    });
    expect(decidedAgain.status).toBe(409);

    // 跟踪了解: not dated in the future.
    const future = await post(investigator, id, 'follow-ups', {
      expectedVersion: 5,
      method: 'interview',
      checkedOn: addDays(today, 1),
      findings: '约谈',
    });
    expect(future.body.error.code).toBe('INVALID_DATE');
    const followed = await post(investigator, id, 'follow-ups', {
      expectedVersion: 5,
      method: 'interview',
      checkedOn: today,
      findings: '约谈了解整改进度',
    });
    expect(followed.body.followUps).toEqual([
      expect.objectContaining({
        method: 'interview',
        methodLabel: '约谈',
        checkedOn: today,
        findings: '约谈了解整改进度',
      }),
    ]);

    // Completion claimed, sent back with a reason, claimed again.
    const rest = items.slice(1).map((i) => ({ id: i.id, note: '已完成' }));
    const claimed = await post(officer, id, 'completion', {
      expectedVersion: 6,
      summary: '三项均已完成',
      items: rest,
    });
    expect(claimed.body).toMatchObject({
      state: 'completion_claimed',
      completion: { summary: '三项均已完成', claimedOn: today },
    });
    expect((await officer.get(`/api/v1/corrections/${id}`)).body.allowedActions).toEqual([]);
    expect(
      (await secretary.get('/api/v1/corrections?todo=true')).body.items.find(
        (i: { id: string }) => i.id === id,
      ),
    ).toMatchObject({ todoAction: 'close' });
    const back = await post(investigator, id, 'send-back', {
      expectedVersion: 7,
      reason: '专题学习记录不全',
    });
    expect(back.body).toMatchObject({
      state: 'in_progress',
      completion: null,
      sendBacks: [{ reason: '专题学习记录不全', on: today }],
    });
    const reclaimed = await post(officer, id, 'completion', {
      expectedVersion: 8,
      summary: '已补充学习记录',
      items: [],
    });
    expect(reclaimed.body.state).toBe('completion_claimed');

    // Closed with the lessons (第十七条), which the case page shows.
    const lessons = {
      causeAnalysis: '审查偏重书面材料',
      improvements: '修订检查规程，建立复核机制',
    };
    const noLessons = await post(secretary, id, 'close', {
      expectedVersion: 9,
      result: '验收合格',
      causeAnalysis: ' ',
      improvements: lessons.improvements,
    });
    expect(noLessons.body.error.code).toBe('INVALID_INPUT');
    const closed = await post(secretary, id, 'close', {
      expectedVersion: 9,
      result: '验收合格',
      ...lessons,
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      state: 'completed',
      closedOn: today,
      closing: { result: '验收合格', ...lessons, closedOn: today },
      allowedActions: [],
    });
    const onCase = (await secretary.get(`/api/v1/cases/${caseId}`)).body.corrections;
    expect(onCase).toEqual([
      expect.objectContaining({ id, state: 'completed', due: later, closedOn: today, lessons }),
    ]);

    // One audit event per step, each labelled.
    const events = await h.app.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'correction.issue_notice',
      'correction.report_progress',
      'correction.attach_evidence',
      'correction.request_extension',
      'correction.decide_extension',
      'correction.follow_up',
      'correction.claim_completion',
      'correction.send_back',
      'correction.claim_completion',
      'correction.close',
    ]);
  });

  it('answers 404 to a user of another unit, another officer and an administrator', async () => {
    const { correction } = await decidedCorrection('他人不可见');
    const id: string = correction.id;
    for (const username of ['zhouyan', 'zhaoli', 'chenjing', 'sysadmin']) {
      const client = await h.as(username);
      const read = await client.get(`/api/v1/corrections/${id}`);
      expect(read.status).toBe(404);
      expect(read.body.error).toEqual({ code: 'CORRECTION_NOT_FOUND', message: '纠错记录不存在' });
      expect((await post(client, id, 'notice', { expectedVersion: 0, ...notice })).status).toBe(
        404,
      );
      expect(
        (await post(client, id, 'progress', { expectedVersion: 0, text: '进展' })).status,
      ).toBe(404);
      const list = (await client.get('/api/v1/corrections')).body.items;
      expect(list.map((i: { id: string }) => i.id)).not.toContain(id);
    }
    expect(
      (
        await (
          await h.as('zhangmin')
        ).get('/api/v1/corrections/00000000-0000-4000-8000-000000000000')
      ).status,
    ).toBe(404);
  });

  it('refuses closing while an item is not done', async () => {
    const { officer, secretary, correction } = await decidedCorrection('事项未完成不得办结');
    const id: string = correction.id;
    const issued = await post(secretary, id, 'notice', {
      expectedVersion: 0,
      ...notice,
      items: ['唯一事项'],
    });
    const [item] = issued.body.notice.items;
    await post(officer, id, 'completion', {
      expectedVersion: 1,
      summary: '已完成',
      items: [{ id: item.id, note: '已完成' }],
    });
    // What the unit's check would find: the item is not done after all (set as the API cannot).
    await h.admin
      .updateTable('correction_items')
      .set({ done: false })
      .where('id', '=', item.id)
      .execute();
    const refused = await post(secretary, id, 'close', {
      expectedVersion: 2,
      result: '合格',
      causeAnalysis: '原因',
      improvements: '措施',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: 'ITEMS_NOT_DONE',
      message: '尚有 1 项纠错事项未完成，不能验收办结',
    });
    expect((await secretary.get(`/api/v1/corrections/${id}`)).body.state).toBe(
      'completion_claimed',
    );
  });

  it('documents each route with its error codes', async () => {
    const doc = (await (await h.as('lina')).get('/api/v1/openapi.json')).body;
    const extension = doc.paths['/api/v1/corrections/{id}/extensions'].post;
    expect(extension.description).toContain('DEADLINE_PASSED (409)');
    expect(extension.description).toContain('EXTENSION_PENDING (409)');
    expect(doc.paths['/api/v1/corrections/{id}/close'].post.description).toContain(
      'ITEMS_NOT_DONE (409)',
    );
    expect(doc.paths['/api/v1/corrections/{id}'].get.description).toContain(
      'CORRECTION_NOT_FOUND (404)',
    );
  });

  // Last: it moves the clock on.
  it('shows due soon and overdue corrections on the workbench, reminds once a day, and refuses a late extension', async () => {
    const { officer, secretary, correction } = await decidedCorrection('逾期整改');
    const id: string = correction.id;
    const issued = await post(secretary, id, 'notice', { expectedVersion: 0, ...notice, days: 2 });
    const due: string = issued.body.due;
    const entry = (list: { correctionId: string | null }[]) =>
      list.find((d) => d.correctionId === id);
    // Two working days: within the five-working-day reminder.
    expect(issued.body).toMatchObject({ dueStatus: 'due_soon', dueStatusLabel: '即将到期' });
    const soon = (await officer.get('/api/v1/deadlines')).body;
    expect(entry(soon.mine)).toMatchObject({
      kind: 'correction',
      kindLabel: '整改期限',
      status: 'due_soon',
      due,
    });
    expect(entry((await secretary.get('/api/v1/deadlines')).body.unit)).toMatchObject({
      status: 'due_soon',
    });
    expect(entry((await (await h.as('zhaoli')).get('/api/v1/deadlines')).body.all)).toBeUndefined();

    // Past the deadline: overdue everywhere, and no extension may be asked any more.
    const [y, m, d] = due.split('-').map(Number) as [number, number, number];
    const past = Date.UTC(y, m - 1, d + 1, 1) - Date.now();
    h.advance(past);
    const late = await h.as('wangqiang');
    const staff = await h.as('zhangmin');
    const refused = await post(late, id, 'extensions', {
      expectedVersion: 1,
      reason: '来不及',
      requestedDue: addDays(due, 30),
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('DEADLINE_PASSED');
    expect(entry((await late.get('/api/v1/deadlines')).body.mine)).toMatchObject({
      status: 'overdue',
      statusLabel: '已逾期',
    });
    expect(entry((await staff.get('/api/v1/deadlines')).body.unit)).toMatchObject({
      status: 'overdue',
    });
    const overdue = (await staff.get('/api/v1/corrections?overdue=true')).body.items;
    expect(overdue.find((i: { id: string }) => i.id === id)).toMatchObject({
      dueStatus: 'overdue',
    });

    // The daily job: four instances poll at once, one run records one warning per correction.
    await ensureScheduled(h.app.ctx);
    h.advance(DAY);
    await Promise.all(['a', 'b', 'c', 'd'].map((w) => runDueJobs(h.app.ctx, `instance-${w}`)));
    const runs = await h.app.ctx.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'job.correction_reminders')
      .execute();
    expect(runs).toHaveLength(1);
    const reminders = () =>
      h.app.ctx.db
        .selectFrom('correction_reminders')
        .select(['kind', 'on_day'])
        .where('correction_id', '=', id)
        .execute();
    expect(await reminders()).toEqual([expect.objectContaining({ kind: 'overdue' })]);
    // Run again the same day: nothing more.
    expect(await raiseCorrectionReminders(h.app.ctx, new Date())).toBe(0);
    expect(await reminders()).toHaveLength(1);
  });
});

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
