// The papers of a case, loaded from the database and built: the demo's cases (an
// application just submitted, one under investigation, one decided with a related unit to
// notify, one served and published) and two taken through the use cases here (an
// application refused; one accepted, decided against the engine with a member recused and
// served). Each paper's citations, dates and numbers are checked against the case's rows,
// and a paper the case's state has not reached is refused with DOCUMENT_NOT_APPLICABLE.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/account/sessions.ts';
import type { AppContext } from '../../src/app/app-context.ts';
import { fireTransition } from '../../src/app/case/fire-transition.ts';
import { openCase } from '../../src/app/case/open-case.ts';
import { seedDemo } from '../../src/app/demo-data.ts';
import { assembleContext } from '../../src/main.ts';
import {
  assessAndSubmit,
  NO_LIABILITY_ON_10_3,
  recordFindings,
  serveNotices,
} from '../../src/app/demo/demo-procedure.ts';
import type { DocumentSource } from '../../src/app/document/document-source.ts';
import { acceptanceSource } from '../../src/app/document/sources/acceptance.source.ts';
import { applicationSource } from '../../src/app/document/sources/application.source.ts';
import { decisionNoticeSource } from '../../src/app/document/sources/decision-notice.source.ts';
import { decisionRecordSource } from '../../src/app/document/sources/decision-record.source.ts';
import { decisionSource } from '../../src/app/document/sources/decision.source.ts';
import { investigationReportSource } from '../../src/app/document/sources/investigation-report.source.ts';
import { refusalSource } from '../../src/app/document/sources/refusal.source.ts';
import { serviceReceiptSource } from '../../src/app/document/sources/service-receipt.source.ts';
import { formatChineseDate, todayInChina } from '../../src/domain/calendar-date.ts';
import type { OfficialDocument } from '../../src/domain/document/official-document.ts';
import { textOf } from '../../src/domain/document/kinds/case-document-fixtures.ts';
import { builtinRegistry } from '../support/builtin-registry.ts';
import { caseRecords } from '../../src/store/case-detail.queries.ts';
import { storeTargets, type TestStore } from '../support/test-databases.ts';

const DAY = 24 * 3600_000;

/** The item 第十条第（三）项 of the emergency regime, as its policy file writes it. */
const ITEM_10_3 =
  '第十条第（三）项“依据检验、检测、鉴定、评价报告或者专家评审意见等作出行政执法决定，且已按照规定认真履行审查职责的”';

describe.each(storeTargets())('the papers of a case on $name', (target) => {
  let store: TestStore;
  let context: AppContext | undefined;
  let removeAuditFiles = async () => {};
  let offset = 0;
  const ctx = (): AppContext => {
    if (context === undefined) throw new Error('the context is made in beforeAll');
    return context;
  };

  async function caseId(title: string): Promise<string> {
    const rows = await ctx()
      .db.selectFrom('cases')
      .select('id')
      .where('title', '=', title)
      .execute();
    expect(rows).toHaveLength(1);
    return rows[0]!.id;
  }

  async function actor(username: string): Promise<Actor> {
    const u = await ctx()
      .db.selectFrom('users')
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

  async function generate<I>(
    source: DocumentSource<I>,
    id: string,
    number: string | null = null,
  ): Promise<{ input: I; doc: OfficialDocument; text: string }> {
    const input = await source.load(ctx().db, ctx(), id);
    const doc = source.build(input, number);
    return { input, doc, text: textOf(doc) };
  }

  async function notApplicable(source: DocumentSource<unknown>, id: string): Promise<string> {
    const error = await source.load(ctx().db, ctx(), id).then(
      () => null,
      (e: unknown) => e as { code?: string; message?: string },
    );
    expect(error?.code).toBe('DOCUMENT_NOT_APPLICABLE');
    return error?.message ?? '';
  }

  const refusedTitle = '申请对已过时效的行政处罚案件作出容错认定';
  const departedTitle = '依据鉴定报告作出责令停产决定后鉴定结论被推翻';
  let refusedId = '';
  let departedId = '';

  beforeAll(async () => {
    // The application's context as main.ts assembles it, without the HTTP server: the
    // papers are read by the use case, whatever renders them.
    store = await target.open();
    await store.migrate();
    const started = await assembleContext(store, {
      store,
      registry: await builtinRegistry(),
      now: () => new Date(Date.now() + offset),
    });
    removeAuditFiles = started.removeAuditFiles;
    context = started.ctx;
    await seedDemo(context);
    const [officer, investigator, reviewer, secretary] = await Promise.all(
      ['zhaoli', 'lina', 'liuyang', 'zhangmin'].map(actor),
    );
    // An application refused by the investigator, with the reason.
    const refused = await openCase(ctx(), officer!, {
      origin: 'application',
      unitId: officer!.unitId,
      title: refusedTitle,
      conduct: '本人于2024年对某企业作出罚款决定，现申请认定。',
      conductDate: '2024-04-02',
      enforcementAction: 'penalty',
      field: 'hazardous_chemicals',
      errorType: 'facts_unclear',
    });
    refusedId = refused.id;
    await fireTransition(
      ctx(),
      investigator!,
      refused.id,
      { kind: 'refuse', reason: '申请事项已另案处理，不属于本次容错认定范围' },
      refused.version,
    );
    // An application accepted, decided against the engine with a member recused, and served.
    const opened = await openCase(ctx(), officer!, {
      origin: 'application',
      unitId: officer!.unitId,
      title: departedTitle,
      conduct: '本人依据鉴定机构出具的鉴定报告作出责令停产决定，后该鉴定结论经复核被推翻。',
      conductDate: '2025-07-08',
      enforcementAction: 'coercion',
      field: 'hazardous_chemicals',
      errorType: 'insufficient_evidence',
    });
    departedId = opened.id;
    let v = (
      await fireTransition(ctx(), investigator!, opened.id, { kind: 'accept' }, opened.version)
    ).version;
    v = await recordFindings(ctx(), investigator!, opened.id, v, NO_LIABILITY_ON_10_3);
    v = (
      await fireTransition(ctx(), investigator!, opened.id, { kind: 'complete_investigation' }, v)
    ).version;
    v = await assessAndSubmit(
      ctx(),
      { investigator: investigator!, reviewer: reviewer! },
      opened.id,
      v,
      {
        findings: '已核实',
        opinion: '经审核，事实清楚，同意系统认定意见。',
      },
    );
    const xlht = await ctx()
      .db.selectFrom('units')
      .select('id')
      .where('name', '=', '锡林浩特市应急管理局')
      .executeTakeFirstOrThrow();
    v = (
      await fireTransition(
        ctx(),
        secretary!,
        opened.id,
        {
          kind: 'record_decision',
          meetingDate: todayInChina(ctx().now()),
          members: ['党委书记', '局长'],
          recusedMembers: [{ name: '副局长', reason: '曾参与该执法行为' }],
          conclusion: 'no_ground',
          departureReason: '鉴定报告存在明显瑕疵，当事人未尽审查职责',
          relatedUnitIds: [xlht.id],
        },
        v,
      )
    ).version;
    await serveNotices(ctx(), secretary!, opened.id, v, '赵丽');
  }, 240_000);

  afterAll(async () => {
    await store?.close();
    await removeAuditFiles();
  });

  it('容错认定申请表: the officer’s application as the case row has it, dated the day applied', async () => {
    const id = await caseId('依据检测报告作出行政处罚后检测机构撤回报告');
    const row = await ctx()
      .db.selectFrom('cases')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const { doc, text } = await generate(applicationSource, id);
    expect(doc.head).toBeNull();
    expect(doc.asOf).toBe(todayInChina(row.created_at));
    expect(text).toContain(`案号：${row.number}`);
    expect(text).toContain(`申请日期：${formatChineseDate(todayInChina(row.created_at))}`);
    expect(text).toContain('执法证号：15250123001');
    expect(text).toContain('《锡林郭勒盟应急管理系统行政执法尽职免责和容错纠错制度》（第一版）');
    // A case the unit initiated has no application.
    await notApplicable(applicationSource, await caseId('对违法生产经营单位责令改正后发生事故'));
  });

  it('受理通知书: numbered, dated the day of the accept event, under the case unit’s organ', async () => {
    const id = await caseId('依据检测报告作出行政处罚后检测机构撤回报告');
    const accept = (await caseRecords(ctx().db, id)).timeline.find(
      (e) => e.action === 'case.accept',
    );
    const { doc, text } = await generate(acceptanceSource, id, '锡盟应急容受〔2026〕1号');
    expect(doc.head).toEqual({
      organMark: '锡林浩特市应急管理局',
      number: '锡盟应急容受〔2026〕1号',
    });
    expect(doc.asOf).toBe(todayInChina(accept!.at));
    expect(doc.signature).toEqual({ organ: '锡林浩特市应急管理局', date: doc.asOf });
    expect(acceptanceSource.numbering((await generate(acceptanceSource, id)).input)).toEqual({
      unitId: (
        await ctx()
          .db.selectFrom('cases')
          .select('unit_id')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).unit_id,
      subjectId: id,
      on: doc.asOf,
    });
    expect(text).toContain('提请锡林浩特市应急管理局党委研究决定');
    // Submitted and not yet accepted; initiated by the unit; refused.
    const submitted = await caseId('危险化学品经营许可延续审查中未发现企业提供的虚假安全评价报告');
    expect(await notApplicable(acceptanceSource, submitted)).toContain('申请尚未受理');
    await notApplicable(acceptanceSource, await caseId('对违法生产经营单位责令改正后发生事故'));
    expect(await notApplicable(acceptanceSource, refusedId)).toContain('不予受理');
  });

  it('不予受理通知书: the reason recorded with the refusal, the day refused', async () => {
    const refuse = (await caseRecords(ctx().db, refusedId)).timeline.find(
      (e) => e.action === 'case.refuse',
    );
    const { doc, text } = await generate(refusalSource, refusedId, '锡盟应急容不受〔2026〕1号');
    expect(doc.head).toEqual({
      organMark: '锡林郭勒盟应急管理局',
      number: '锡盟应急容不受〔2026〕1号',
    });
    expect(doc.asOf).toBe(todayInChina(refuse!.at));
    expect(text).toContain('不予受理的理由：申请事项已另案处理，不属于本次容错认定范围。');
    expect(doc.addressee).toBe('赵丽');
    await notApplicable(refusalSource, departedId);
  });

  it('调查核实报告: the facts found by citation and text, the six factors, the engine’s opinion', async () => {
    const id = await caseId('依据检测报告作出行政处罚后检测机构撤回报告');
    const row = await ctx()
      .db.selectFrom('cases')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const { doc, text } = await generate(investigationReportSource, id);
    expect(doc.head).toBeNull();
    expect(doc.asOf).toBe(row.submitted_for_decision_on);
    expect(text).toContain('认定下列一项情形属实');
    expect(text).toContain(`一是符合${ITEM_10_3}。（已按规定审查检测报告）`);
    // The nine items of 第九条 and the exclusion of 第十三条 were found not to hold.
    expect(text).toContain('另有十项情形经核实不成立');
    const table = doc.body.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows[1]).toEqual([
      '二',
      '客观条件',
      '检测机构设备故障，执法人员无法识别',
    ]);
    expect(text).toContain(`${ITEM_10_3}之规定，建议认定为：不予追究行政执法责任`);
    expect(doc.addressee).toBe('锡林浩特市应急管理局党委');
    await notApplicable(
      investigationReportSource,
      await caseId('对违法生产经营单位责令改正后发生事故'),
    );
    await notApplicable(investigationReportSource, refusedId);
  });

  it('集体研究决定记录: the meeting’s date, members, recusals, reviews and the departure', async () => {
    const records = await caseRecords(ctx().db, departedId);
    const decision = records.decisions.at(-1)!;
    const legal = records.reviews.find((r) => r.kind === 'legal')!;
    const { doc, text } = await generate(decisionRecordSource, departedId);
    expect(doc.asOf).toBe(decision.meeting_date);
    expect(text).toContain(`会议日期：${formatChineseDate(decision.meeting_date)}`);
    expect(text).toContain('决定机关：锡林郭勒盟应急管理局党委');
    expect(text).toContain('出席人员：党委书记、局长（共二人）');
    expect(text).toContain('回避情况：副局长（曾参与该执法行为）');
    expect(text).toContain(
      `法制审核意见：${legal.opinion}（同意系统认定意见；审核人：刘洋；${formatChineseDate(legal.reviewed_on)}）`,
    );
    expect(text).toContain('系统认定意见：不予追究行政执法责任（第十条第（三）项）');
    expect(text).toContain(
      '研究意见：不同意系统认定意见。理由：鉴定报告存在明显瑕疵，当事人未尽审查职责。',
    );
    expect(text).toContain('认定为：无容错免责情形');
    expect(text).toContain('告知对象：赵丽、锡林浩特市应急管理局');
    await notApplicable(decisionRecordSource, await caseId('对违法生产经营单位责令改正后发生事故'));
  });

  it('容错免责认定决定书: the ground with its text, the objection limit, signed and copied', async () => {
    const id = await caseId('依据检测报告作出行政处罚后检测机构撤回报告');
    const decision = (await caseRecords(ctx().db, id)).decisions.at(-1)!;
    const { doc, text } = await generate(decisionSource, id, '锡盟应急容决〔2026〕1号');
    expect(doc.head?.number).toBe('锡盟应急容决〔2026〕1号');
    expect(doc.signature).toEqual({
      organ: '锡林浩特市应急管理局党委',
      date: decision.meeting_date,
    });
    // The related unit is the issuing organ itself: only the officer's own unit is copied.
    expect(doc.record).toEqual({
      copyTo: ['综合行政执法大队'],
      printedBy: '锡林浩特市应急管理局办公室',
      printedOn: decision.meeting_date,
    });
    expect(text).toContain(`一是当事人的履职行为符合${ITEM_10_3}所列情形`);
    expect(text).toContain(
      `依据《锡林郭勒盟应急管理系统行政执法尽职免责和容错纠错制度》（第一版）${ITEM_10_3}之规定`,
    );
    expect(text).toContain('对王强的上述履职行为，认定为：不予追究行政执法责任。');
    expect(text).toContain(
      '经综合分析研判：主观方面，无故意或重大过失；客观条件方面，检测机构设备故障，执法人员无法识别；',
    );
    // 十五日, counted in calendar days: the policy's procedure.objection.
    expect(text).toContain(
      '可自收到本决定之次日起十五日内（自然日）向锡林浩特市应急管理局党委提出',
    );

    const departed = await generate(decisionSource, departedId, '锡盟应急容决〔2026〕2号');
    expect(departed.text).toContain(
      '本机关未采纳系统认定意见（不予追究行政执法责任），理由是：鉴定报告存在明显瑕疵，当事人未尽审查职责。',
    );
    expect(departed.text).toContain('对赵丽的上述履职行为，认定为：无容错免责情形。');
    expect(departed.doc.signature?.organ).toBe('锡林郭勒盟应急管理局党委');
    expect(departed.doc.record?.copyTo).toEqual([
      '锡林浩特市应急管理局',
      '危险化学品安全监督管理科',
    ]);
    await notApplicable(decisionSource, await caseId('对违法生产经营单位责令改正后发生事故'));
  });

  it('认定结论告知书: a page per notification, each limit as its row counted it', async () => {
    const id = await caseId('依据检测报告作出行政处罚后检测机构撤回报告');
    const records = await caseRecords(ctx().db, id);
    const { doc, text } = await generate(decisionNoticeSource, id, '锡盟应急容告〔2026〕1号');
    const pages = text.split('\f');
    expect(pages).toHaveLength(records.notifications.length);
    expect(records.notifications.length).toBe(2);
    expect(doc.head?.number).toBe('锡盟应急容告〔2026〕1号');
    expect(doc.asOf).toBe(records.decisions.at(-1)!.meeting_date);
    expect(pages[0]).toContain('王强：');
    expect(pages[0]).toContain('十五日内（自然日）');
    expect(pages[1]).toContain('锡林浩特市应急管理局：');
    for (const [i, n] of records.notifications.entries()) {
      expect(n.days).toBe(7);
      const page = pages.find((p) => p.includes(`至${formatChineseDate(n.due)}止`));
      expect(page, `notification ${i}`).toBeDefined();
      expect(page).toContain(
        `自${formatChineseDate(n.from_date)}作出决定之次日起七日内（自然日）告知`,
      );
      expect(page).toContain(ITEM_10_3);
    }
    await notApplicable(decisionNoticeSource, await caseId('对违法生产经营单位责令改正后发生事故'));
  });

  it('送达回证: one per notice served, with how, to whom and when', async () => {
    const records = await caseRecords(ctx().db, departedId);
    const { doc, text } = await generate(serviceReceiptSource, departedId);
    const pages = text.split('\f');
    expect(pages).toHaveLength(2);
    const sent = records.notifications.map((n) => n.sent_on!).sort();
    expect(doc.asOf).toBe(sent.at(-1));
    for (const n of records.notifications) {
      expect(text).toContain(`送达日期：${formatChineseDate(n.sent_on!)}`);
      expect(text).toContain(`至${formatChineseDate(n.due)}止`);
    }
    expect(pages[0]).toContain('送达对象：赵丽（当事人）');
    expect(pages[1]).toContain('送达对象：锡林浩特市应急管理局（相关单位）');
    expect(text).toContain('送达方式：直接送达');
    expect(text).toContain('受送达人：赵丽');
    expect(text).toContain('送达人：张敏');
    // The demo's published case was served too; the decided one not yet.
    const published = await generate(
      serviceReceiptSource,
      await caseId('民办幼儿园年检中未发现举办者挪用办园经费'),
    );
    expect(published.text).toContain('受送达人：陈静');
    expect(published.doc.body.some((b) => b.kind === 'form')).toBe(true);
    expect(
      await notApplicable(
        serviceReceiptSource,
        await caseId('依据检测报告作出行政处罚后检测机构撤回报告'),
      ),
    ).toContain('尚未送达');
  });

  it('gives the same papers when generated again days later', async () => {
    const id = await caseId('依据检测报告作出行政处罚后检测机构撤回报告');
    const sources = [
      applicationSource,
      acceptanceSource,
      investigationReportSource,
      decisionRecordSource,
      decisionSource,
      decisionNoticeSource,
    ] as DocumentSource<unknown>[];
    const before = await Promise.all(sources.map((s) => generate(s, id, 'N')));
    // Each number is kept in the unit's series, of the year of the paper's date: for the
    // case, or for the decision row the 决定书 and 告知书 speak of (a review's is a new paper).
    const unit = await ctx()
      .db.selectFrom('cases')
      .select('unit_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const decision = await ctx()
      .db.selectFrom('decisions')
      .select('id')
      .where('case_id', '=', id)
      .orderBy('decided_at', 'desc')
      .executeTakeFirstOrThrow();
    const perDecision = new Set(['decision', 'decision-notice']);
    for (const [i, s] of sources.entries())
      expect(s.numbering(before[i]!.input), s.kind).toEqual({
        unitId: unit.unit_id,
        subjectId: perDecision.has(s.kind) ? decision.id : id,
        on: before[i]!.doc.asOf,
      });
    const served = await Promise.all(
      [refusalSource, serviceReceiptSource].map((s, i) =>
        generate(s as DocumentSource<unknown>, i === 0 ? refusedId : departedId),
      ),
    );
    offset += 3 * DAY;
    const after = await Promise.all(sources.map((s) => generate(s, id, 'N')));
    expect(after.map((a) => a.doc)).toEqual(before.map((b) => b.doc));
    const servedAfter = await Promise.all(
      [refusalSource, serviceReceiptSource].map((s, i) =>
        generate(s as DocumentSource<unknown>, i === 0 ? refusedId : departedId),
      ),
    );
    expect(servedAfter.map((a) => a.doc)).toEqual(served.map((b) => b.doc));
  });
});
