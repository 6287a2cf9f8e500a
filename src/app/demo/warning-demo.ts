// A demo warning (警示提醒, 第十八条): two more cases of the 综合行政执法大队, classified
// 证据不足 (insufficient_evidence) and decided in the last weeks, beside the demo's decided
// case 3 of the same unit and error type. With the default rule (the same error type
// three times in twelve months in one unit) the second of them raises the warning through
// the same hook a user's decision goes through; the unit's staff find it on the
// workbench, unacknowledged.

import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { fireTransition } from '../case/fire-transition.ts';
import { openCase } from '../case/open-case.ts';
import {
  assessAndSubmit,
  daysPastObjectionPeriod,
  NO_LIABILITY_ON_10_3,
  recordDecision,
  recordFindings,
  serveNotices,
} from './demo-procedure.ts';

/** The error type of the demo's cluster, that of the demo's decided case 3. */
export const DEMO_WARNING_ERROR_TYPE = 'insufficient_evidence';

const CASES = [
  {
    title: '依据企业自行检测数据作出责令停产决定后数据被证实失真',
    conduct:
      '执法大队依据企业提交的可燃气体检测数据责令其停产整顿，后经复检，该数据因仪器未校准而失真。',
    conductDate: '2025-09-18',
  },
  {
    title: '依据举报材料作出罚款决定后关键证言被撤回',
    conduct:
      '执法大队依据举报人提供的证言和照片作出罚款决定，后举报人撤回证言，照片拍摄时间无法确认。',
    conductDate: '2025-10-09',
  },
] as const;

const DAY = 86_400_000;

/**
 * An initiated case about the officer, found, assessed, reviewed and decided 不予追究
 * `daysAgo` days ago, notified the next day and closed after the objection period, on a
 * clock set to each day: the demo's to-do lists do not grow by it.
 */
async function decided(
  ctx: AppContext,
  crew: { officer: Actor; investigator: Actor; reviewer: Actor; secretary: Actor },
  c: (typeof CASES)[number],
  daysAgo: number,
): Promise<void> {
  const { officer, investigator, secretary } = crew;
  let at = ctx.now().getTime() - daysAgo * DAY;
  const on: AppContext = { ...ctx, now: () => new Date(at) };
  const opened = await openCase(on, investigator, {
    origin: 'initiation',
    unitId: officer.unitId,
    officerId: officer.id,
    ...c,
    enforcementAction: 'penalty',
    field: 'industry_trade',
    errorType: DEMO_WARNING_ERROR_TYPE,
  });
  const id = opened.id;
  let v = await recordFindings(on, investigator, id, opened.version, NO_LIABILITY_ON_10_3);
  v = (await fireTransition(on, investigator, id, { kind: 'complete_investigation' }, v)).version;
  const assessment = { findings: '经核实，情况清楚', opinion: '经审核，同意系统认定意见。' };
  v = await assessAndSubmit(on, crew, id, v, assessment);
  const decision = {
    members: ['党委书记', '局长', '纪检组长'],
    conclusion: 'no_liability',
  } as const;
  v = await recordDecision(on, secretary, id, v, decision);
  at += DAY;
  v = await serveNotices(on, secretary, id, v, officer.displayName);
  // After the objection period, closed without publication, with the reason asked for.
  at += (await daysPastObjectionPeriod(on, id, 20)) * DAY;
  const reason = '当事人未提出异议，不涉及公共利益，不予公开。';
  await fireTransition(on, secretary, id, { kind: 'close', reason }, v);
}

export async function seedWarnings(
  ctx: AppContext,
  as: (username: string) => Actor,
): Promise<void> {
  const crew = {
    officer: as('wangqiang'),
    investigator: as('lina'),
    reviewer: as('liuyang'),
    secretary: as('zhangmin'),
  };
  // Decided 40 and 30 days ago: within twelve months of the demo's decided case 3.
  await decided(ctx, crew, CASES[0], 40);
  await decided(ctx, crew, CASES[1], 30);
}
