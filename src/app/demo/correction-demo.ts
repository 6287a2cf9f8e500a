// Demo corrections (纠错) in every state, about 赵丽, each on an emergency case of its own
// taken to the committee's decision (不予追究, which opens a correction under 第十六条), served
// and published within the unit, then along the correction procedure by the real use cases:
//
//   - 整改中, its deadline near (due soon): a progress report, a follow-up, an extension
//     asked and pending;
//   - overdue: decided, notified and the notice issued 60 days ago, ten working days to
//     correct;
//   - completion claimed, awaiting the unit's check;
//   - completed, with the lessons (第十七条 原因分析, 完善制度、健全机制).
//
// The demo's other decided cases (王强's 不予追究, the published and typical cases) have
// their corrections awaiting the 纠错通知.
//
// The overdue one runs on a clock set back 60 days, as if it had happened then: the use
// cases take today from the clock, and a notice cannot predate its correction.

import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { fireTransition } from '../case/fire-transition.ts';
import { openCase } from '../case/open-case.ts';
import { listCorrectionsFor, readCorrection } from '../correction/correction-reads.ts';
import { takeCorrectionStep } from '../correction/correction-steps.ts';
import { todayInChina } from '../../domain/calendar-date.ts';
import type { CorrectionCommand } from '../../domain/correction/decide-correction.ts';
import {
  assessAndSubmit,
  NO_LIABILITY_ON_10_3,
  recordDecision,
  recordFindings,
  serveNotices,
} from './demo-procedure.ts';

interface Crew {
  readonly officer: Actor;
  readonly investigator: Actor;
  readonly reviewer: Actor;
  readonly secretary: Actor;
}

/** Each demo case's version after its decision and notices. */
const caseVersions = new Map<string, number>();

/**
 * An emergency case initiated, found (第十条第（三）项 holds, nothing of 第九条 or the
 * exclusion), assessed, reviewed and decided 不予追究: its correction is opened. The
 * correction's id.
 */
async function decidedCase(
  ctx: AppContext,
  crew: Crew,
  c: { title: string; conduct: string; conductDate: string; errorType: string },
): Promise<string> {
  const { officer, investigator, secretary } = crew;
  const opened = await openCase(ctx, investigator, {
    origin: 'initiation',
    unitId: officer.unitId,
    officerId: officer.id,
    title: c.title,
    conduct: c.conduct,
    conductDate: c.conductDate,
    enforcementAction: 'inspection',
    field: 'hazardous_chemicals',
    errorType: c.errorType,
  });
  const id = opened.id;
  let v = await recordFindings(ctx, investigator, id, opened.version, NO_LIABILITY_ON_10_3);
  v = (await fireTransition(ctx, investigator, id, { kind: 'complete_investigation' }, v)).version;
  v = await assessAndSubmit(ctx, crew, id, v, {
    findings: '经综合分析研判，情节轻微，未造成不良后果',
    opinion: '经审核，同意系统认定意见。',
  });
  const decision = {
    members: ['党委书记', '局长', '纪检组长'],
    conclusion: 'no_liability',
  } as const;
  v = await recordDecision(ctx, secretary, id, v, decision);
  // 告知 served the same day: the demo's deadlines to watch are the corrections'.
  v = await serveNotices(ctx, secretary, id, v, officer.displayName);
  caseVersions.set(id, v);
  const { items } = await listCorrectionsFor(ctx, secretary, { caseId: id, page: 1, pageSize: 1 });
  const correction = items[0];
  if (!correction) throw new Error(`demo case ${c.title}: no correction opened`);
  return correction.row.id;
}

/** The case of a correction, and its version after the decision and the notices. */
async function caseOf(ctx: AppContext, secretary: Actor, correctionId: string) {
  const { row } = await readCorrection(ctx, secretary, correctionId);
  return { caseId: row.case_id, version: caseVersions.get(row.case_id)! };
}

/** Closes a notified case once its objection period is over (不予公开, with the reason). */
async function closeCase(ctx: AppContext, secretary: Actor, correctionId: string) {
  const { caseId, version } = await caseOf(ctx, secretary, correctionId);
  const reason = '不予公开：涉及企业商业信息，经研究在本单位内部通报';
  await fireTransition(ctx, secretary, caseId, { kind: 'close', reason }, version);
}

/** Publishes a notified case within the unit (本单位): nothing on the case is anyone's to do. */
async function publishCase(ctx: AppContext, secretary: Actor, correctionId: string) {
  const { caseId, version } = await caseOf(ctx, secretary, correctionId);
  await fireTransition(ctx, secretary, caseId, { kind: 'publish', scope: '本单位' }, version);
}

/** Takes the steps in order on one correction, each on the version the last one left. */
async function steps(ctx: AppContext, id: string, taken: readonly [Actor, CorrectionCommand][]) {
  let version = 0;
  const created: (string | null)[] = [];
  for (const [actor, command] of taken) {
    const written = await takeCorrectionStep(ctx, actor, id, version, command);
    version = written.version;
    created.push(written.createdId);
  }
  return created;
}

const notice = (days: number | null, items: string[]): CorrectionCommand => ({
  kind: 'issue_notice',
  reason: '执法检查中对企业提交材料的真实性核验不到位，虽经认定不予追究，仍需纠正工作中的问题',
  items,
  requirements: '限期完成整改，并书面报告整改情况；整改期间按月报告进展',
  responsible: '危险化学品安全监督管理科',
  days,
  notifiedOn: null,
});

const ITEMS = [
  '对照检查规程补齐核验记录',
  '组织科室人员开展专题学习',
  '建立第三方报告抽查复核机制',
];

export async function seedCorrections(
  ctx: AppContext,
  as: (username: string) => Actor,
): Promise<void> {
  const secretary = as('zhangmin');
  const investigator = as('lina');
  const officer = as('zhaoli');
  const crew: Crew = { officer, investigator, reviewer: as('liuyang'), secretary };
  const today = todayInChina(ctx.now());

  // At work, its deadline near: a progress report, a follow-up, and an extension asked.
  const atWork = await decidedCase(ctx, crew, {
    title: '危险化学品运输车辆检查未核验押运人员资格',
    conduct: '本人在道路联合检查中对一辆危险化学品运输车辆开展检查，未核验押运人员资格证。',
    conductDate: '2025-08-19',
    errorType: 'inspection_gap',
  });
  await publishCase(ctx, secretary, atWork);
  await steps(ctx, atWork, [
    [secretary, notice(3, ITEMS.slice(0, 2))],
    [officer, { kind: 'report_progress', text: '已补齐核验记录。', itemIds: [], reportedOn: null }],
    [
      investigator,
      {
        kind: 'follow_up',
        method: 'phone',
        checkedOn: today,
        findings: '电话了解，整改按计划推进。',
      },
    ],
    [
      officer,
      {
        kind: 'request_extension',
        reason: '因特殊情况（专题学习须待上级统一组织），难以在规定时间内完成',
        requestedDue: new Date(ctx.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
      },
    ],
  ]);

  // Overdue: decided, notified and the notice issued 60 days ago, ten working days to
  // correct, no report since; the case itself closed once its objection period ended.
  const sixtyDays = 60 * 86_400_000;
  const past: AppContext = { ...ctx, now: () => new Date(ctx.now().getTime() - sixtyDays) };
  const overdue = await decidedCase(past, crew, {
    title: '烟花爆竹批发企业许可现场核查走过场',
    conduct: '本人参与某烟花爆竹批发企业许可延续现场核查，未逐项核对库房安全距离。',
    conductDate: '2025-07-22',
    errorType: 'procedural_defect',
  });
  await steps(past, overdue, [[secretary, notice(10, ITEMS.slice(0, 2))]]);
  await closeCase(ctx, secretary, overdue);

  // Completion claimed, awaiting the unit's check.
  const claimed = await decidedCase(ctx, crew, {
    title: '工贸企业粉尘防爆检查未发现除尘系统缺陷',
    conduct: '本人对某木制品企业开展粉尘防爆专项检查，未发现其除尘系统泄爆装置失效。',
    conductDate: '2025-06-30',
    errorType: 'inspection_gap',
  });
  await publishCase(ctx, secretary, claimed);
  await claimedCorrection(ctx, claimed, secretary, officer);

  // Completed, with the lessons.
  const completed = await decidedCase(ctx, crew, {
    title: '危险化学品经营许可审查未核实储存设施',
    conduct: '本人审查某商贸公司危险化学品经营许可申请，未实地核实其储存设施，后经复查发现不符。',
    conductDate: '2025-05-12',
    errorType: 'facts_unclear',
  });
  await publishCase(ctx, secretary, completed);
  const version = await claimedCorrection(ctx, completed, secretary, officer);
  await takeCorrectionStep(ctx, investigator, completed, version, {
    kind: 'close',
    result: '经实地核查，各项整改措施均已落实，验收合格。',
    causeAnalysis:
      '许可审查偏重书面材料，对储存设施的实地核实缺少刚性要求，审查人员责任意识有待加强。',
    improvements:
      '修订《危险化学品经营许可审查工作规程》，明确储存设施一律实地核查并留存影像资料；建立许可审查交叉复核机制。',
    closedOn: null,
  });
}

/** A notice, a progress report with the first item done, and the claim; the version after it. */
async function claimedCorrection(
  ctx: AppContext,
  id: string,
  secretary: Actor,
  officer: Actor,
): Promise<number> {
  let v = (await takeCorrectionStep(ctx, secretary, id, 0, notice(null, ITEMS))).version;
  const [first, ...rest] = (await readCorrection(ctx, officer, id)).records.items;
  v = (
    await takeCorrectionStep(ctx, officer, id, v, {
      kind: 'report_progress',
      text: '核验记录已全部补齐，正在组织专题学习。',
      itemIds: first ? [first.id] : [],
      reportedOn: null,
    })
  ).version;
  return (
    await takeCorrectionStep(ctx, officer, id, v, {
      kind: 'claim_completion',
      summary: '三项纠错事项均已完成，相关记录和制度文件已报送。',
      items: rest.map((item) => ({ id: item.id, note: '已完成，材料已报送' })),
    })
  ).version;
}
