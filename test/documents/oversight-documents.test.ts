// The papers of 纠错, 警示提醒 and 信访举报 from the database (issue 12): each source loads its
// owner's rows as the demo's use cases wrote them, and the document it builds says what
// the rows say (numbers, dates, items, findings); an owner whose state has no such paper
// yet is DOCUMENT_NOT_APPLICABLE. On the embedded PostgreSQL and on the server.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/account/sessions.ts';
import type { AppContext } from '../../src/app/app-context.ts';
import { takeCorrectionStep } from '../../src/app/correction/correction-steps.ts';
import { seedDemo } from '../../src/app/demo-data.ts';
import { assembleContext } from '../../src/main.ts';
import { formatChineseDate, todayInChina } from '../../src/domain/calendar-date.ts';
import type { OfficialDocument } from '../../src/domain/document/official-document.ts';
import { countNumeral } from '../../src/domain/document/kinds/oversight-document-parts.ts';
import { textOf } from '../../src/domain/document/kinds/case-document-fixtures.ts';
import type { DocumentSource } from '../../src/app/document/document-source.ts';
import { clearanceNoticeSource } from '../../src/app/document/sources/clearance-notice.source.ts';
import { correctionNoticeSource } from '../../src/app/document/sources/correction-notice.source.ts';
import { extensionDecisionSource } from '../../src/app/document/sources/extension-decision.source.ts';
import { followUpRecordSource } from '../../src/app/document/sources/follow-up-record.source.ts';
import { reportFeedbackSource } from '../../src/app/document/sources/report-feedback.source.ts';
import { warningNoticeSource } from '../../src/app/document/sources/warning-notice.source.ts';
import { builtinRegistry } from '../support/builtin-registry.ts';
import { storeTargets, type TestStore } from '../support/test-databases.ts';

describe.each(storeTargets())('the oversight documents on $name', (target) => {
  let store: TestStore | undefined;
  let context: AppContext | undefined;
  let removeAuditFiles = async () => {};
  const ctx = (): AppContext => {
    if (context === undefined) throw new Error('the context is made in beforeAll');
    return context;
  };
  const db = () => ctx().db;

  // The application's context as main.ts assembles it, without the HTTP server, on the
  // demo's data: the papers are read by the sources, whatever renders them.
  beforeAll(async () => {
    store = await target.open();
    await store.migrate();
    const started = await assembleContext(store, {
      store,
      registry: await builtinRegistry(),
      now: () => new Date(),
    });
    removeAuditFiles = started.removeAuditFiles;
    context = started.ctx;
    await seedDemo(context);
  }, 180_000);

  afterAll(async () => {
    await store?.close();
    await removeAuditFiles();
  });

  async function actor(username: string): Promise<Actor> {
    const u = await db()
      .selectFrom('users')
      .select(['id', 'display_name', 'unit_id', 'roles'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return {
      id: u.id,
      username,
      displayName: u.display_name,
      unitId: u.unit_id,
      roles: u.roles as Actor['roles'],
      sessionId: 'test',
      csrfToken: '',
      mustChangePassword: false,
    };
  }

  const versionOf = async (correctionId: string) =>
    (
      await db()
        .selectFrom('corrections')
        .select('version')
        .where('id', '=', correctionId)
        .executeTakeFirstOrThrow()
    ).version;

  /** Loads and builds as generate-document.ts does, with a number for a numbered kind. */
  async function generate<I>(source: DocumentSource<I>, ownerId: string, number: string | null) {
    const input = await source.load(db(), ctx(), ownerId);
    return { input, numbering: source.numbering(input), doc: source.build(input, number) };
  }

  async function notApplicable<I>(source: DocumentSource<I>, ownerId: string, why: RegExp) {
    const error = await source.load(db(), ctx(), ownerId).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'DOCUMENT_NOT_APPLICABLE' });
    expect((error as Error).message).toMatch(why);
  }

  /** The demo's corrections about a case whose title contains `title`. */
  async function correctionOf(title: string) {
    return db()
      .selectFrom('corrections')
      .innerJoin('cases', 'cases.id', 'corrections.case_id')
      .select(['corrections.id', 'corrections.state', 'corrections.unit_id', 'cases.number'])
      .where('cases.title', 'like', `%${title}%`)
      .executeTakeFirstOrThrow();
  }

  const noticeOf = (id: string) =>
    db()
      .selectFrom('correction_notices')
      .selectAll()
      .where('correction_id', '=', id)
      .executeTakeFirstOrThrow();

  function tableRows(doc: OfficialDocument, header: string) {
    const table = doc.body.find((b) => b.kind === 'table' && b.header?.includes(header));
    if (table?.kind !== 'table') throw new Error(`no table with ${header}`);
    return table.rows;
  }

  it('writes the 纠错通知书 from the notice as issued, numbered and dated by it', async () => {
    const c = await correctionOf('危险化学品运输车辆检查未核验押运人员资格');
    const notice = await noticeOf(c.id);
    const { input, numbering, doc } = await generate(
      correctionNoticeSource,
      c.id,
      '锡盟应急容纠〔2026〕1号',
    );
    expect(numbering).toEqual({ unitId: c.unit_id, subjectId: c.id, on: notice.notified_on });
    expect(doc.head).toEqual({
      organMark: '锡林郭勒盟应急管理局',
      number: '锡盟应急容纠〔2026〕1号',
    });
    expect(doc.addressee).toBe('赵丽同志');
    expect(doc.asOf).toBe(notice.notified_on);
    expect(doc.signature).toEqual({ organ: '锡林郭勒盟应急管理局', date: notice.notified_on });
    expect(input.counting).toBe('working');
    const text = textOf(doc);
    expect(text).toContain(c.number);
    expect(text).toContain(notice.reason);
    expect(text).toContain(notice.requirements);
    expect(text).toContain(notice.responsible);
    expect(text).toContain('纠错事项共两项');
    expect(tableRows(doc, '纠错事项')).toEqual([
      ['1', '对照检查规程补齐核验记录'],
      ['2', '组织科室人员开展专题学习'],
    ]);
    // The demo gives three working days; the deadline is the notice's, counted from its day.
    expect(text).toContain(
      `整改期限为三个工作日（按工作日计算），自${formatChineseDate(notice.notified_on)}之次日起算`,
    );
    expect(text).toContain(`${formatChineseDate(notice.due)}届满`);
    expect(text).toContain('第十六条、第十七条的规定');
    expect(text).toContain('第十七条规定：“应向尽职免责、容错免责对象说明纠错事由');
  });

  it('has no paper of a correction still awaiting its notice', async () => {
    const opened = await db()
      .selectFrom('corrections')
      .select('id')
      .where('state', '=', 'opened')
      .executeTakeFirstOrThrow();
    await notApplicable(correctionNoticeSource, opened.id, /尚未下发纠错通知/);
    await notApplicable(extensionDecisionSource, opened.id, /尚未下发纠错通知/);
    await notApplicable(followUpRecordSource, opened.id, /尚未下发纠错通知/);
  });

  it('writes the 延长整改期限审批表 of the latest decided request only', async () => {
    const c = await correctionOf('危险化学品运输车辆检查未核验押运人员资格');
    // The demo's request is pending: no paper yet.
    await notApplicable(extensionDecisionSource, c.id, /没有已审批的延长整改期限申请/);
    const pending = await db()
      .selectFrom('correction_extensions')
      .select('id')
      .where('correction_id', '=', c.id)
      .executeTakeFirstOrThrow();
    const extensionId = pending.id;
    await takeCorrectionStep(ctx(), await actor('zhangmin'), c.id, await versionOf(c.id), {
      kind: 'decide_extension',
      extensionId,
      approved: false,
      newDue: null,
      reason: '所述情况不属于特殊情况',
    });
    const row = await db()
      .selectFrom('correction_extensions')
      .selectAll()
      .where('id', '=', extensionId)
      .executeTakeFirstOrThrow();
    const notice = await noticeOf(c.id);
    const { numbering, doc } = await generate(extensionDecisionSource, c.id, null);
    expect(numbering).toEqual({ unitId: c.unit_id, subjectId: extensionId, on: row.decided_on });
    expect(doc.head).toBeNull();
    expect(doc.asOf).toBe(row.decided_on);
    const text = textOf(doc);
    expect(text).toContain('申请人：赵丽');
    expect(text).toContain(`申请日期：${formatChineseDate(row.requested_on)}`);
    expect(text).toContain(`申请延长至：${formatChineseDate(row.requested_due)}`);
    expect(text).toContain('第一次申请');
    expect(text).toContain(row.reason);
    expect(text).toContain(`审批意见：不予批准。整改期限仍为${formatChineseDate(notice.due)}。`);
    expect(text).toContain('不予批准理由：所述情况不属于特殊情况。');
    expect(text).toContain(`审批人：张敏`);
    expect(text).toContain(`审批日期：${formatChineseDate(row.decided_on!)}`);
  });

  it('writes the 整改情况跟踪记录 with the follow-ups, the reports and the closing', async () => {
    const atWork = await correctionOf('危险化学品运输车辆检查未核验押运人员资格');
    const open = await generate(followUpRecordSource, atWork.id, null);
    const followUp = await db()
      .selectFrom('correction_follow_ups')
      .selectAll()
      .where('correction_id', '=', atWork.id)
      .executeTakeFirstOrThrow();
    expect(tableRows(open.doc, '方式')).toEqual([
      ['1', formatChineseDate(followUp.checked_on), '电话了解', followUp.findings, '李娜'],
    ]);
    expect(textOf(open.doc)).toContain('已补齐核验记录。');
    expect(textOf(open.doc)).toContain('整改尚未验收办结。');
    expect(open.doc.head).toBeNull();

    // The completed one had no follow-up: no record. The claimed one is followed and closed.
    const completed = await correctionOf('危险化学品经营许可审查未核实储存设施');
    await notApplicable(followUpRecordSource, completed.id, /尚无跟踪了解记录/);
    const claimed = await correctionOf('工贸企业粉尘防爆检查未发现除尘系统缺陷');
    const investigator = await actor('lina');
    const today = todayInChina(ctx().now());
    await takeCorrectionStep(ctx(), investigator, claimed.id, await versionOf(claimed.id), {
      kind: 'follow_up',
      method: 'on_site',
      checkedOn: today,
      findings: '实地查看除尘系统泄爆装置，已更换。',
    });
    await takeCorrectionStep(ctx(), investigator, claimed.id, await versionOf(claimed.id), {
      kind: 'close',
      result: '验收合格',
      causeAnalysis: '检查中对除尘系统关键部件的核查不够细致',
      improvements: '将泄爆装置纳入粉尘防爆检查必查项',
      closedOn: null,
    });
    const { numbering, doc } = await generate(followUpRecordSource, claimed.id, null);
    expect(numbering).toEqual({ unitId: claimed.unit_id, subjectId: claimed.id, on: today });
    expect(doc.asOf).toBe(today);
    const text = textOf(doc);
    expect(text).toContain('跟踪了解共一次。');
    expect(tableRows(doc, '方式')).toEqual([
      ['1', formatChineseDate(today), '实地核查', '实地查看除尘系统泄爆装置，已更换。', '李娜'],
    ]);
    expect(text).toContain('核验记录已全部补齐，正在组织专题学习。');
    expect(text).toContain(`验收日期：${formatChineseDate(today)}`);
    expect(text).toContain('整改结果：验收合格。');
    expect(text).toContain('原因分析：检查中对除尘系统关键部件的核查不够细致。');
    expect(text).toContain('第十八条规定：“应当采取适当方式，跟踪了解纠错对象的整改情况。');
  });

  it('writes the 警示提醒函 from the warning’s rule, cases and recipients', async () => {
    // The demo's cluster of 证据不足 in the 大队 (warning-demo.ts).
    const warning = await db()
      .selectFrom('warnings')
      .selectAll()
      .where('error_type', '=', 'insufficient_evidence')
      .executeTakeFirstOrThrow();
    const cases = await db()
      .selectFrom('warning_cases')
      .innerJoin('cases', 'cases.id', 'warning_cases.case_id')
      .select('cases.number')
      .where('warning_id', '=', warning.id)
      .execute();
    const raisedOn = todayInChina(warning.raised_at);
    const { numbering, doc } = await generate(
      warningNoticeSource,
      warning.id,
      '锡盟应急容警〔2026〕1号',
    );
    expect(numbering).toEqual({ unitId: warning.unit_id, subjectId: warning.id, on: raisedOn });
    // The 大队 is a section of the 锡林浩特市应急管理局: its organ issues the letter to it.
    expect(doc.head).toEqual({
      organMark: '锡林浩特市应急管理局',
      number: '锡盟应急容警〔2026〕1号',
    });
    expect(doc.addressee).toBe('综合行政执法大队');
    expect(doc.asOf).toBe(raisedOn);
    const numbers = tableRows(doc, '案件编号').map((r) => r[1]);
    expect(numbers.sort()).toEqual(cases.map((c) => c.number).sort());
    const text = textOf(doc);
    expect(text).toContain(`“证据不足”类问题出现${countNumeral(cases.length)}次`);
    expect(text).toContain(
      `“同一单位同类错误频繁出现”（${countNumeral(warning.months)}个月内${countNumeral(warning.threshold)}次）`,
    );
    expect(text).toContain(formatChineseDate(warning.window_from));
    expect(text).toContain('第十八条规定：“应当采取适当方式');
  });

  /** The demo's report whose summary contains `words`. */
  const reportWith = (words: string) =>
    db()
      .selectFrom('reports')
      .selectAll()
      .where('summary', 'like', `%${words}%`)
      .executeTakeFirstOrThrow();

  it('writes the 反馈函 to the named reporter, with the finding, in time; none for others', async () => {
    const report = await reportWith('发现隐患不予处理');
    const { numbering, doc } = await generate(
      reportFeedbackSource,
      report.id,
      '锡盟应急容复〔2026〕1号',
    );
    expect(numbering).toEqual({
      unitId: report.unit_id,
      subjectId: report.id,
      on: report.closed_on,
    });
    expect(doc.head).toEqual({
      organMark: '锡林郭勒盟应急管理局',
      number: '锡盟应急容复〔2026〕1号',
    });
    expect(doc.addressee).toBe('马振东');
    expect(doc.asOf).toBe(report.closed_on);
    const text = textOf(doc);
    expect(text).toContain(
      `${formatChineseDate(report.received_on)}，本单位受理您以来信方式反映的问题（编号：${report.number}）`,
    );
    expect(text).toContain('您反映的问题不属实。');
    expect(text).toContain(report.finding_reasons!);
    expect(text).toContain(
      `本件反馈期限为六十日（按自然日计算），自${formatChineseDate(report.received_on)}之次日起算，至${formatChineseDate(report.feedback_due!)}届满。`,
    );
    expect(text).toContain('在期限内反馈。反馈方式：书面反馈。');
    // The reporter's contact and address stay sealed; the officer is named as the report names her.
    expect(text).not.toContain('13904791256');
    expect(text).not.toContain('宝力根');

    const anonymous = await reportWith('吃拿卡要');
    await notApplicable(reportFeedbackSource, anonymous.id, /匿名举报/);
    const open = await reportWith('拖延办理');
    await notApplicable(reportFeedbackSource, open.id, /尚未向举报人反馈/);
  });

  it('writes the 澄清正名通报 as decided, only once decided', async () => {
    const report = await reportWith('收受企业负责人现金');
    const clearance = await db()
      .selectFrom('clearances')
      .selectAll()
      .where('report_id', '=', report.id)
      .executeTakeFirstOrThrow();
    const { numbering, doc } = await generate(
      clearanceNoticeSource,
      report.id,
      '锡盟应急容澄〔2026〕1号',
    );
    expect(numbering).toEqual({
      unitId: clearance.unit_id,
      subjectId: report.id,
      on: clearance.decided_on,
    });
    expect(doc.title).toBe('关于为王强同志澄清正名的通报');
    expect(doc.head).toEqual({
      organMark: '锡林郭勒盟应急管理局',
      number: '锡盟应急容澄〔2026〕1号',
    });
    expect(doc.addressee).toBe('本系统各单位');
    expect(doc.signature).toEqual({ organ: '锡林郭勒盟应急管理局', date: clearance.decided_on });
    expect(doc.asOf).toBe(clearance.decided_on);
    const text = textOf(doc);
    expect(text).toContain(clearance.findings);
    expect(text).toContain('决定在本系统范围内，以会议说明、书面通报的方式为王强同志澄清正名');
    expect(doc.body.some((b) => b.kind === 'page-break')).toBe(false);
    // Never the reporter.
    expect(text).not.toContain('郭淑芬');

    const none = await reportWith('发现隐患不予处理');
    await notApplicable(clearanceNoticeSource, none.id, /尚未作出澄清正名决定/);
  });
});
