// 信访举报 (第十九条) over HTTP, on the embedded PostgreSQL and on the server: every step to
// the closing and the referral, and each refusal (feedback after its limit without a
// reason, a stale version, a step in the wrong state), the overdue feedback on the
// workbench, and a tolerated finding resting on a decided case. The intake and who reads
// what are in reports.test.ts.

import { describe, expect, it } from 'vitest';
import { advance, applyAs } from '../support/procedure-api.ts';
import { addDays, reportApi } from '../support/report-api.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

describe.each(storeTargets())('report steps on $name', (target) => {
  const h = useHarness(target);
  const { today, as, post, received, finding, auditOf } = reportApi(h);

  it('takes a named report through the finding, the feedback and the referral', async () => {
    const { petitions, report } = await received();
    const id: string = report.id;
    const secretary = await as('zhangmin');

    const file = await petitions.request(
      'POST',
      `/api/v1/reports/${id}/attachments?filename=${encodeURIComponent('举报信.txt')}`,
      '举报信正文',
      { 'content-type': 'text/plain' },
    );
    expect(file.status).toBe(201);
    expect(file.body).toMatchObject({ fileName: '举报信.txt', version: 1 });
    const download = await petitions.get(`/api/v1/reports/${id}/attachments/${file.body.id}`);
    expect(download.body).toBe('举报信正文');
    // A letter is signed and often named after its writer: the other readers of the report
    // see that it exists, not its name nor its content.
    const kept = await secretary.get(`/api/v1/reports/${id}/attachments/${file.body.id}`);
    expect(kept.status).toBe(403);
    expect(kept.body.error.code).toBe('IDENTITY_FORBIDDEN');
    const asSecretary = (await secretary.get(`/api/v1/reports/${id}`)).body;
    expect(asSecretary.withheld).toBe(true);
    expect(asSecretary.attachments.map((a: { fileName: string }) => a.fileName)).toEqual([
      '举报材料1',
    ]);
    expect((await petitions.get(`/api/v1/reports/${id}`)).body.withheld).toBe(false);
    const bySecretary = await secretary.request(
      'POST',
      `/api/v1/reports/${id}/attachments?filename=x.txt`,
      'x',
      { 'content-type': 'text/plain' },
    );
    expect(bySecretary.status).toBe(403);
    const disguised = await petitions.request(
      'POST',
      `/api/v1/reports/${id}/attachments?filename=a.pdf`,
      'not a pdf',
      { 'content-type': 'application/pdf' },
    );
    expect(disguised.status).toBe(415);
    expect(disguised.body.error.code).toBe('EVIDENCE_TYPE_NOT_ALLOWED');

    // The finding: not the secretary's, not on a stale version, not a feedback before it.
    expect((await post(secretary, id, 'finding', finding(1))).status).toBe(403);
    const stale = await post(petitions, id, 'finding', finding(0));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const early = await post(petitions, id, 'feedback', {
      expectedVersion: 1,
      givenOn: today(),
      channel: 'written',
      content: '反馈',
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('INVALID_TRANSITION');
    const found = await post(petitions, id, 'finding', finding(1, { malice: 'false_accusation' }));
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      state: 'found',
      findingLabel: '不属实',
      version: 2,
      actions: ['attach', 'link_case', 'give_feedback', 'refer'],
      // The detail's finding is the whole record; the list's is its code.
      finding: {
        finding: 'untrue',
        foundOn: today(),
        malice: 'false_accusation',
        maliceLabel: '诬告陷害',
        decidedCase: null,
      },
    });
    expect(found.body.attachments).toHaveLength(1);

    // A named report is answered with feedback, not explained nor closed without it.
    const explain = await post(petitions, id, 'explanation', {
      expectedVersion: 2,
      givenOn: today(),
      scope: 'unit',
      content: '说明',
    });
    expect(explain.body.error.code).toBe('NOT_ANONYMOUS');
    const close = await post(petitions, id, 'close', {
      expectedVersion: 2,
      closedOn: today(),
      reason: '办结',
    });
    expect(close.body.error.code).toBe('FEEDBACK_REQUIRED');
    const feedback = await post(petitions, id, 'feedback', {
      expectedVersion: 2,
      givenOn: today(),
      channel: 'written',
      content: '经查，反映问题不属实，已书面告知。',
    });
    expect(feedback.status).toBe(200);
    expect(feedback.body).toMatchObject({
      state: 'closed',
      dueStatus: null,
      closing: {
        closedOn: today(),
        feedback: { channel: 'written', channelLabel: '书面反馈', lateReason: null },
        explanation: null,
      },
      actions: ['refer'],
    });
    expect(feedback.body.closing.feedback.content).toBe('经查，反映问题不属实，已书面告知。');
    // Written to the reporter, feedback names them: the secretary sees it was given, not what.
    const closedForSecretary = (await secretary.get(`/api/v1/reports/${id}`)).body;
    expect(closedForSecretary.closing.feedback).toMatchObject({
      channelLabel: '书面反馈',
      content: null,
      lateReason: null,
    });

    // Closed: no file, no second finding; the false accusation is referred, once.
    const late = await petitions.request(
      'POST',
      `/api/v1/reports/${id}/attachments?filename=y.txt`,
      'y',
      { 'content-type': 'text/plain' },
    );
    expect(late.body.error.code).toBe('INVALID_TRANSITION');
    expect((await post(petitions, id, 'finding', finding(3))).body.error.code).toBe(
      'INVALID_TRANSITION',
    );
    const relink = await petitions.request('PUT', `/api/v1/reports/${id}/case`, {
      expectedVersion: 3,
      caseId: null,
    });
    expect(relink.body.error.code).toBe('INVALID_TRANSITION');
    const referral = {
      expectedVersion: 3,
      referredOn: today(),
      referredTo: '盟纪委监委驻应急管理局纪检监察组',
      note: '涉嫌诬告陷害',
    };
    const referred = await post(petitions, id, 'referral', referral);
    expect(referred.status).toBe(200);
    expect(referred.body.referral).toEqual({
      referredOn: today(),
      referredTo: referral.referredTo,
      note: '涉嫌诬告陷害',
    });
    expect((await secretary.get(`/api/v1/reports/${id}`)).body.referral).toEqual({
      referredOn: today(),
      referredTo: referral.referredTo,
      note: null,
    });
    const again = await post(petitions, id, 'referral', { ...referral, expectedVersion: 4 });
    expect(again.body.error.code).toBe('ALREADY_REFERRED');

    const events = await auditOf(id);
    expect(events.map((e) => e.action)).toEqual([
      'report.receive',
      'report.attach',
      'report.record_finding',
      'report.give_feedback',
      'report.refer',
    ]);
    expect(events[3]!.data).toMatchObject({
      from: 'found',
      to: 'closed',
      change: { channel: 'written', late: false },
    });
  });

  it('asks the reason of feedback after its limit, and shows it overdue until then', async () => {
    const receivedOn = addDays(today(), -90);
    const { petitions, report } = await received({ receivedOn, channel: 'visit' });
    const id: string = report.id;
    expect(report.feedbackDue < today()).toBe(true);
    expect(report).toMatchObject({ dueStatus: 'overdue', dueStatusLabel: '已逾期' });

    // On the workbench of the petitions staff, not of the secretary nor the officer.
    const watched = (await petitions.get('/api/v1/deadlines')).body;
    const entry = watched.unit.find((d: { reportId: string | null }) => d.reportId === id);
    expect(entry).toMatchObject({
      kind: 'report_feedback',
      kindLabel: '举报反馈期限',
      status: 'overdue',
      reportNumber: report.number,
      caseId: '',
      due: report.feedbackDue,
    });
    expect(watched.all.some((d: { reportId: string | null }) => d.reportId === id)).toBe(true);
    // Only the reports' limits: the unit's cases are read to link them, not worked on.
    expect(watched.all.map((d: { kind: string }) => d.kind)).toEqual(
      watched.all.map(() => 'report_feedback'),
    );
    for (const username of ['zhangmin', 'wangqiang']) {
      const other = (await (await as(username)).get('/api/v1/deadlines')).body.all;
      expect(other.some((d: { reportId: string | null }) => d.reportId === id)).toBe(false);
    }
    const overdue = (await petitions.get('/api/v1/reports?overdue=true&pageSize=200')).body;
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(id);

    expect((await post(petitions, id, 'finding', finding(0))).status).toBe(200);
    const feedback = {
      expectedVersion: 1,
      givenOn: today(),
      channel: 'phone',
      content: '已电话告知查处结果',
    };
    const refused = await post(petitions, id, 'feedback', feedback);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('FEEDBACK_LATE_REASON_REQUIRED');
    const given = await post(petitions, id, 'feedback', {
      ...feedback,
      lateReason: '举报人长期外出，无法联系',
    });
    expect(given.status).toBe(200);
    expect(given.body.closing.feedback).toMatchObject({
      channel: 'phone',
      lateReason: '举报人长期外出，无法联系',
    });
    const after = (await petitions.get('/api/v1/deadlines')).body.all;
    expect(after.some((d: { reportId: string | null }) => d.reportId === id)).toBe(false);
    expect((await auditOf(id)).at(-1)!.data).toMatchObject({ change: { late: true } });
  });

  it('explains an anonymous report found untrue, and closes one found true', async () => {
    const { petitions, report } = await received({ named: false, reporter: undefined });
    const id: string = report.id;
    expect(report).toMatchObject({
      named: false,
      feedbackDue: null,
      dueStatus: null,
      reporter: { named: false, readable: false },
    });
    expect(report.policy.feedbackCountingText).toBeNull();
    const identity = await petitions.get(`/api/v1/reports/${id}/reporter`);
    expect(identity.body.error.code).toBe('NOT_NAMED');

    expect(
      (await post(petitions, id, 'finding', finding(0, { finding: 'unfounded' }))).status,
    ).toBe(200);
    const feedback = await post(petitions, id, 'feedback', {
      expectedVersion: 1,
      givenOn: today(),
      channel: 'written',
      content: '反馈',
    });
    expect(feedback.body.error.code).toBe('NOT_NAMED');
    const close = await post(petitions, id, 'close', {
      expectedVersion: 1,
      closedOn: today(),
      reason: '办结',
    });
    expect(close.body.error.code).toBe('EXPLANATION_REQUIRED');
    const explained = await post(petitions, id, 'explanation', {
      expectedVersion: 1,
      givenOn: today(),
      scope: 'system',
      content: '在本系统范围内说明查无实据',
    });
    expect(explained.status).toBe(200);
    expect(explained.body.closing).toMatchObject({
      feedback: null,
      explanation: { scope: 'system', scopeLabel: '本系统' },
    });

    const other = await received({ named: false, reporter: undefined });
    const trueId: string = other.report.id;
    await post(petitions, trueId, 'finding', finding(0, { finding: 'partly_true' }));
    const noMalice = await post(petitions, trueId, 'referral', {
      expectedVersion: 1,
      referredOn: today(),
      referredTo: '纪检监察组',
    });
    expect(noMalice.body.error.code).toBe('REFERRAL_NOT_ALLOWED');
    const closed = await post(petitions, trueId, 'close', {
      expectedVersion: 1,
      closedOn: today(),
      reason: '部分属实，已移交相关科室处理',
    });
    expect(closed.status).toBe(200);
    expect(closed.body.closing).toMatchObject({
      closeReason: '部分属实，已移交相关科室处理',
      explanation: null,
    });
  });

  it('rests a tolerated finding on a decided case of the officer, and links cases', async () => {
    const officer = await as('wangqiang');
    const crew = {
      investigator: await as('lina'),
      reviewer: await as('liuyang'),
      secretary: await as('zhangmin'),
    };
    const decided = await advance(
      crew,
      await applyAs(officer, '举报涉及的容错案件'),
      'submitted',
      'decided',
    );
    const pending = await applyAs(officer, '尚未决定的案件');
    const { petitions, report } = await received();
    const id: string = report.id;

    const tolerated = (version: number, extra: Record<string, unknown> = {}) =>
      finding(version, { finding: 'tolerated', reasons: '经认定予以容错免责', ...extra });
    const none = await post(petitions, id, 'finding', tolerated(0));
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('DECIDED_CASE_REQUIRED');
    const undecided = await post(
      petitions,
      id,
      'finding',
      tolerated(0, { decidedCaseId: pending.id }),
    );
    expect(undecided.body.error.code).toBe('INVALID_INPUT');

    // A case about someone the report does not accuse is not linked.
    const aboutZhaoli = await received({}, ['zhaoli']);
    const wrong = await petitions.request('PUT', `/api/v1/reports/${aboutZhaoli.report.id}/case`, {
      expectedVersion: 0,
      caseId: decided.id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: '关联的容错案件须是关于被举报人的案件',
    });

    const linked = await petitions.request('PUT', `/api/v1/reports/${id}/case`, {
      expectedVersion: 0,
      caseId: pending.id,
    });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({
      caseId: pending.id,
      caseNumber: pending.number,
      version: 1,
    });
    const ok = await post(petitions, id, 'finding', tolerated(1, { decidedCaseId: decided.id }));
    expect(ok.status).toBe(200);
    expect(ok.body.finding).toMatchObject({
      finding: 'tolerated',
      findingLabel: '经认定予以容错免责',
      decidedCase: { id: decided.id, number: decided.number, conclusion: 'no_liability' },
    });
    const unlinked = await petitions.request('PUT', `/api/v1/reports/${id}/case`, {
      expectedVersion: 2,
      caseId: null,
    });
    expect(unlinked.body).toMatchObject({ caseId: null, caseNumber: null });
  });
});
