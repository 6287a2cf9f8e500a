// Demo reports (信访举报, 第十九条) and clearances (澄清正名), through the real use cases:
//
//   - 锡盟应急: a named letter about 赵丽, found untrue (not malicious), feedback given;
//   - 锡盟应急: an anonymous online report about 王强, found unfounded, explained within the
//     unit;
//   - 锡盟应急: a named report accusing 王强 of taking money, found untrue and a false
//     accusation (诬告陷害): feedback given, referred to the discipline inspectors, and his
//     name cleared within the system (decided, then carried out);
//   - 锡盟教育: a named report about 陈静 on the kindergarten inspection the committee decided
//     as 尽职免责 (the demo's published case): found tolerated, linked to that case, feedback
//     given, and a clearance decided at her request, not yet carried out;
//   - 锡盟应急: a named phone report about 赵丽 received 75 days ago and still open, its
//     feedback limit (60 days) passed: the workbench's overdue feedback.
//
// Each report's days are set back from today (received, found, answered), as if handled
// then; the use cases check each day against today and against the step before it.

import { addDays, todayInChina } from '../../domain/calendar-date.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { carryOutClearance, decideReportClearance } from '../clearance/clearance-steps.ts';
import { receiveReport, type ReceiveReportInput } from '../report/receive-report.ts';
import { takeReportStep, type ReportStepRequest } from '../report/report-steps.ts';

/** Receives a report and takes its steps in order, each on the version the last one left. */
async function handled(
  ctx: AppContext,
  staffer: Actor,
  input: ReceiveReportInput,
  steps: readonly ReportStepRequest[],
): Promise<string> {
  const received = await receiveReport(ctx, staffer, input);
  let version = received.version;
  for (const step of steps)
    version = (await takeReportStep(ctx, staffer, received.id, version, step)).version;
  return received.id;
}

export async function seedReports(
  ctx: AppContext,
  as: (username: string) => Actor,
  /** The demo's published education case (民办幼儿园年检), decided as 尽职免责. */
  kindergarten: string,
): Promise<void> {
  const today = todayInChina(ctx.now());
  const daysAgo = (n: number) => addDays(today, -n);
  const xuqing = as('xuqing');
  const heping = as('heping');
  const wangqiang = as('wangqiang');
  const zhaoli = as('zhaoli');
  const chenjing = as('chenjing');

  // Named, untrue: the reporter told the result in writing, in time.
  await handled(
    ctx,
    xuqing,
    {
      receivedOn: daysAgo(40),
      channel: 'letter',
      named: true,
      reporter: { name: '马振东', contact: '13904791256', address: '锡林浩特市宝力根街道' },
      summary:
        '反映危险化学品安全监督管理科执法人员赵丽在对某加油站检查中发现隐患不予处理，存在包庇企业的情况。',
      officerIds: [zhaoli.id],
    },
    [
      {
        kind: 'record_finding',
        finding: 'untrue',
        reasons:
          '经调阅检查记录、现场核查，该加油站隐患已当场责令整改并复查销号，未发现包庇企业的情况。',
        foundOn: daysAgo(20),
      },
      {
        kind: 'give_feedback',
        givenOn: daysAgo(15),
        channel: 'written',
        content: '经调查核实，您反映的问题不属实。检查中发现的隐患已责令整改并复查销号。',
      },
    ],
  );

  // Anonymous, unfounded: explained within the unit (第十九条 在一定范围内说明情况).
  await handled(
    ctx,
    xuqing,
    {
      receivedOn: daysAgo(35),
      channel: 'online',
      named: false,
      reporter: null,
      summary: '网络匿名反映综合行政执法大队执法人员在餐饮场所安全检查中吃拿卡要。',
      officerIds: [wangqiang.id],
    },
    [
      {
        kind: 'record_finding',
        finding: 'unfounded',
        reasons: '经走访被检查的餐饮场所、调阅执法记录仪视频，未发现吃拿卡要的证据。',
        foundOn: daysAgo(18),
      },
      {
        kind: 'explain',
        givenOn: daysAgo(16),
        scope: 'unit',
        content: '在执法大队全体会议上说明：网络反映的问题经调查查无实据。',
      },
    ],
  );

  // A false accusation: answered, referred on, and 王强's name cleared within the system.
  const accused = await handled(
    ctx,
    xuqing,
    {
      receivedOn: daysAgo(50),
      channel: 'visit',
      named: true,
      reporter: { name: '郭淑芬', contact: '15847912830', address: '锡林浩特市希日塔拉街道' },
      summary:
        '反映综合行政执法大队执法人员王强在对某加油站执法检查中收受企业负责人现金两万元，并在微信群中广泛传播。',
      officerIds: [wangqiang.id],
    },
    [
      {
        kind: 'record_finding',
        finding: 'untrue',
        reasons:
          '经调取银行流水、询问企业负责人和同行执法人员，王强未收受任何财物；举报人系被处罚企业的关联人员，捏造事实并在微信群中传播。',
        foundOn: daysAgo(20),
        malice: 'false_accusation',
      },
      {
        kind: 'give_feedback',
        givenOn: daysAgo(18),
        channel: 'in_person',
        content: '经调查核实，您反映的问题不属实。捏造事实诬告陷害他人的，将依法依规处理。',
      },
      {
        kind: 'refer',
        referredOn: daysAgo(12),
        referredTo: '锡林郭勒盟纪委监委派驻应急管理局纪检监察组',
        note: '举报人涉嫌诬告陷害，移送依规处理。',
      },
    ],
  );
  const cleared = await decideReportClearance(ctx, xuqing, accused, {
    officerId: wangqiang.id,
    basis: 'malicious',
    findings:
      '王强同志在该次执法检查中依法履职，未收受企业负责人任何财物；举报内容系捏造事实，并经微信群传播，对王强同志造成了不良影响。',
    accusationReach: 'system',
    scope: 'system',
    methods: ['meeting', 'written_notice'],
    decidedOn: daysAgo(10),
    requestedOn: null,
    noticeText: null,
  });
  await carryOutClearance(ctx, as('zhangmin'), cleared.id, cleared.version, {
    carriedOutOn: daysAgo(3),
    note: '已在全盟应急管理系统工作会议上说明情况，并印发澄清正名通报。',
  });

  // Tolerated: the report concerns conduct the committee decided as 尽职免责; 陈静 asked to
  // be cleared within the bureau.
  const tolerated = await handled(
    ctx,
    heping,
    {
      receivedOn: daysAgo(20),
      channel: 'referred',
      named: true,
      reporter: { name: '白云峰', contact: '13514793378', address: '二连浩特市苏尼特街' },
      summary: '上级转办：反映教育督导股执法人员陈静在民办幼儿园年检中失职，致举办者挪用办园经费。',
      officerIds: [chenjing.id],
      caseId: kindergarten,
    },
    [
      {
        kind: 'record_finding',
        finding: 'tolerated',
        reasons: '反映的问题已由局党组研究认定为尽职免责：年检时财务报告经审计机构签章，无从发现。',
        foundOn: today,
        decidedCaseId: kindergarten,
      },
      {
        kind: 'give_feedback',
        givenOn: today,
        channel: 'phone',
        content:
          '您反映的问题已调查清楚，有关执法人员的行为经认定予以尽职免责，挪用的经费已全部退还。',
      },
    ],
  );
  await decideReportClearance(ctx, heping, tolerated, {
    officerId: chenjing.id,
    basis: 'tolerated',
    findings: '陈静同志按年检程序审查了财务报告，所涉行为经局党组认定予以尽职免责。',
    accusationReach: 'unit',
    scope: 'unit',
    methods: ['meeting'],
    decidedOn: today,
    requestedOn: today,
    noticeText: null,
  });

  // Still open, its feedback limit passed: on the workbench of the petitions staff.
  await handled(
    ctx,
    xuqing,
    {
      receivedOn: daysAgo(75),
      channel: 'phone',
      named: true,
      reporter: { name: '那仁花', contact: '13087915542', address: '锡林浩特市杭盖街道' },
      summary: '反映危险化学品安全监督管理科执法人员赵丽对企业许可申请拖延办理。',
      officerIds: [zhaoli.id],
    },
    [],
  );
}
