// Demo cases for the statistics dashboard (统计分析): twenty cases of the two regimes, each
// classified by field and error type, opened over the last five quarters and taken through
// the same use cases a user fires (受理, 调查, 研判, 法制审核, 研究决定, 告知, 办结) under a
// clock set to the day of each step, so that the quarters and the days spent in each stage
// are real. They end closed (办结), so that nobody's to-do list grows by them; their
// officers are 赵丽 and 陈静.

import { addDays, todayInChina } from '../../domain/calendar-date.ts';
import { determine, isDeterminationError } from '../../domain/determination/determine.ts';
import { versionOf } from '../../domain/policy/policy-registry.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { fireTransition } from '../case/fire-transition.ts';
import { openCase } from '../case/open-case.ts';
import {
  assessAndSubmit,
  daysPastObjectionPeriod,
  recordDecision,
  recordFindings,
  serveNotices,
} from './demo-procedure.ts';

const DAY = 86_400_000;
const EMERGENCY = 'xilingol-emergency-2024';
const EDUCATION = 'xilingol-education-2024';

interface DemoCase {
  readonly policy: typeof EMERGENCY | typeof EDUCATION;
  /** Days before today the case was opened. */
  readonly openedDaysAgo: number;
  /** The facts that decide it; the rest of what the engine asks is recorded as not so. */
  readonly facts: Readonly<Record<string, boolean>>;
  /** Indexes into the version's taxonomy of fields and error types. */
  readonly field: number;
  readonly errorType: number;
  /** Where it stops: closed (办结) unless a test of the demo needs it on someone's desk. */
  readonly until: 'closed' | 'assessing' | 'awaiting_decision';
  /** Days spent in 调查, 研判 and 待决定. */
  readonly pace: readonly [number, number, number];
}

// Emergency (第九至十三条): 履职尽责, 不予追究, 予以容错, 从轻减轻, 不予容错.
const DUE = { 'a9.2': true, 'a13.c1': false };
const NO_LIABILITY = { 'a10.1': true, 'a13.c1': false };
const TOLERATED = { 'a4.c1': true, 'a4.c2': true, 'a4.c3': true, 'a13.c1': false };
const MITIGATION = { 'a11.2': true, 'a13.c1': false };
const NOT_TOLERATED = { 'a13.c1': true, 'a13.c2': true };
// Education: 履职尽责 (第九条).
const EDU_DUE = { 'a9.1': true, 'a12.c1': false, 'a12.c2': false };

const CASES: readonly DemoCase[] = [
  {
    policy: EMERGENCY,
    openedDaysAgo: 440,
    facts: DUE,
    field: 0,
    errorType: 5,
    until: 'closed',
    pace: [21, 9, 12],
  },
  {
    policy: EMERGENCY,
    openedDaysAgo: 420,
    facts: NO_LIABILITY,
    field: 1,
    errorType: 0,
    until: 'closed',
    pace: [30, 12, 15],
  },
  {
    policy: EMERGENCY,
    openedDaysAgo: 400,
    facts: TOLERATED,
    field: 0,
    errorType: 2,
    until: 'closed',
    pace: [18, 7, 10],
  },
  {
    policy: EMERGENCY,
    openedDaysAgo: 350,
    facts: MITIGATION,
    field: 2,
    errorType: 3,
    until: 'closed',
    pace: [25, 10, 20],
  },
  {
    policy: EMERGENCY,
    openedDaysAgo: 330,
    facts: DUE,
    field: 0,
    errorType: 5,
    until: 'closed',
    pace: [14, 6, 9],
  },
  {
    policy: EMERGENCY,
    openedDaysAgo: 300,
    facts: NOT_TOLERATED,
    field: 3,
    errorType: 4,
    until: 'closed',
    pace: [35, 14, 18],
  },
  {
    policy: EMERGENCY,
    openedDaysAgo: 260,
    facts: NO_LIABILITY,
    field: 0,
    errorType: 1,
    until: 'closed',
    pace: [20, 8, 11],
  },
  {
    policy: EMERGENCY,
    openedDaysAgo: 240,
    facts: DUE,
    field: 4,
    errorType: 6,
    until: 'closed',
    pace: [16, 5, 8],
  },
  {
    policy: EMERGENCY,
    openedDaysAgo: 200,
    facts: TOLERATED,
    field: 1,
    errorType: 5,
    until: 'closed',
    pace: [22, 9, 13],
  },
  {
    policy: EMERGENCY,
    openedDaysAgo: 170,
    facts: MITIGATION,
    field: 0,
    errorType: 0,
    until: 'closed',
    pace: [19, 11, 10],
  },
  {
    policy: EMERGENCY,
    openedDaysAgo: 150,
    facts: DUE,
    field: 2,
    errorType: 7,
    until: 'closed',
    pace: [12, 6, 7],
  },
  {
    policy: EMERGENCY,
    openedDaysAgo: 120,
    facts: NO_LIABILITY,
    field: 5,
    errorType: 5,
    until: 'closed',
    pace: [15, 7, 9],
  },
  {
    policy: EMERGENCY,
    openedDaysAgo: 60,
    facts: DUE,
    field: 0,
    errorType: 3,
    until: 'closed',
    pace: [20, 8, 6],
  },
  {
    policy: EMERGENCY,
    openedDaysAgo: 55,
    facts: TOLERATED,
    field: 1,
    errorType: 2,
    until: 'closed',
    pace: [14, 5, 7],
  },
  {
    policy: EDUCATION,
    openedDaysAgo: 430,
    facts: EDU_DUE,
    field: 0,
    errorType: 0,
    until: 'closed',
    pace: [20, 10, 12],
  },
  {
    policy: EDUCATION,
    openedDaysAgo: 380,
    facts: EDU_DUE,
    field: 1,
    errorType: 1,
    until: 'closed',
    pace: [26, 8, 14],
  },
  {
    policy: EDUCATION,
    openedDaysAgo: 290,
    facts: EDU_DUE,
    field: 2,
    errorType: 2,
    until: 'closed',
    pace: [17, 9, 10],
  },
  {
    policy: EDUCATION,
    openedDaysAgo: 210,
    facts: EDU_DUE,
    field: 0,
    errorType: 3,
    until: 'closed',
    pace: [23, 7, 16],
  },
  {
    policy: EDUCATION,
    openedDaysAgo: 130,
    facts: EDU_DUE,
    field: 3,
    errorType: 0,
    until: 'closed',
    pace: [15, 6, 9],
  },
  {
    policy: EDUCATION,
    openedDaysAgo: 65,
    facts: EDU_DUE,
    field: 1,
    errorType: 4,
    until: 'closed',
    pace: [18, 7, 9],
  },
];

export interface StatisticsDemoPeople {
  /** A demo user as an actor. */
  readonly as: (username: string) => Actor;
  /** A demo unit's id by its key in demo-data.ts. */
  readonly unit: (key: string) => string;
}

export async function seedStatisticsDemo(ctx: AppContext, people: StatisticsDemoPeople) {
  for (const [i, c] of CASES.entries()) await seedCase(ctx, people, c, i);
}

/** Each fact the engine still asks for, recorded as not so, until the outcome is settled. */
function settledFacts(ctx: AppContext, c: DemoCase, asOf: string): Record<string, boolean> {
  const facts: Record<string, boolean> = { ...c.facts };
  for (let round = 0; round < 100; round++) {
    const result = determine(ctx.registry, { policy: c.policy, facts, asOf }, { today: asOf });
    if (isDeterminationError(result)) throw new Error(`statistics demo: ${result.error.message}`);
    if (result.missing.length === 0) return facts;
    for (const f of result.missing) facts[f] = false;
  }
  throw new Error('statistics demo: the facts do not settle');
}

async function seedCase(ctx: AppContext, people: StatisticsDemoPeople, c: DemoCase, n: number) {
  const emergency = c.policy === EMERGENCY;
  const [investigator, reviewer, secretary, officer] = (
    emergency
      ? ['lina', 'liuyang', 'zhangmin', 'zhaoli']
      : ['sunhao', 'wulei', 'zhouyan', 'chenjing']
  ).map(people.as) as [Actor, Actor, Actor, Actor];
  const taxonomy = versionOf(ctx.registry, c.policy)!.def.taxonomy;
  const field = taxonomy.fields[c.field % taxonomy.fields.length]!;
  const errorType = taxonomy.errorTypes[c.errorType % taxonomy.errorTypes.length]!;

  // The clock of this case: its steps are dated on the days they would have been taken.
  let at = ctx.now().getTime() - c.openedDaysAgo * DAY;
  const on: AppContext = { ...ctx, now: () => new Date(at) };
  const later = (days: number) => {
    at += days * DAY;
  };
  const today = () => todayInChina(new Date(at));

  const opened = await openCase(on, investigator, {
    origin: 'initiation',
    unitId: emergency ? people.unit('em-chem') : people.unit(n % 2 === 0 ? 'erl-sec' : 'erl'),
    officerId: officer.id,
    title: `${field.label}执法中${errorType.label}（统计演示${n + 1}）`,
    conduct: `执法人员在${field.label}领域执法中出现“${errorType.label}”问题，单位启动核查。`,
    conductDate: addDays(today(), -20),
    enforcementAction: 'inspection',
    field: field.code,
    errorType: errorType.code,
  });
  const [investigating, assessing, deciding] = c.pace;
  // An initiated case starts under investigation (调查核实).
  later(investigating);
  const found = Object.entries(settledFacts(ctx, c, today()));
  let v = await recordFindings(on, investigator, opened.id, opened.version, found);
  v = (await fireTransition(on, investigator, opened.id, { kind: 'complete_investigation' }, v))
    .version;
  if (c.until === 'assessing') return;
  later(assessing);
  v = await assessAndSubmit(on, { investigator, reviewer }, opened.id, v, {
    findings: '经核实，情况清楚。',
    opinion: '事实清楚，程序合法，同意系统认定意见。',
  });
  if (c.until === 'awaiting_decision') return;
  later(deciding);
  const engine = determine(
    ctx.registry,
    { policy: c.policy, facts: settledFacts(ctx, c, today()), asOf: today() },
    { today: today() },
  );
  if (isDeterminationError(engine) || engine.outcome === null)
    throw new Error('statistics demo: no outcome');
  const members = emergency ? ['党委书记', '局长', '纪检组长'] : ['党组书记', '局长'];
  v = await recordDecision(on, secretary, opened.id, v, { members, conclusion: engine.outcome });
  later(3);
  v = await serveNotices(on, secretary, opened.id, v, officer.displayName);
  // After the objection period (异议期) has passed without an objection; closed without
  // publication (不予公开), with the reason the procedure asks for.
  later(await daysPastObjectionPeriod(on, opened.id, 20));
  if (at > ctx.now().getTime()) throw new Error(`statistics demo ${n + 1}: closed after today`);
  await fireTransition(
    on,
    secretary,
    opened.id,
    { kind: 'close', reason: '当事人未提出异议，不涉及公共利益，不予公开。' },
    v,
  );
}
