// Demo data for a first start: Xilingol units, one account per role, and cases in
// several states. The cases are made through the same use cases a user would fire, so
// the demo is also a smoke test of the procedure.

import { inTransaction } from '../store/transaction.ts';
import { insertUnit } from '../store/unit.repository.ts';
import { countUsers, insertUser } from '../store/user.repository.ts';
import { hashPassword } from './account/passwords.ts';
import type { Actor } from './account/sessions.ts';
import type { AppContext } from './app-context.ts';
import { appendAudit } from './audit/audit-log.ts';
import { fireTransition } from './case/fire-transition.ts';
import { openCase } from './case/open-case.ts';
import { recordFact } from './case/record-on-case.ts';
import {
  assessAndSubmit,
  NINTH_ARTICLE_ITEMS,
  recordDecision,
  recordFindings,
  serveNotices,
} from './demo/demo-procedure.ts';
import { seedTypicalCases } from './demo/typical-case-demo.ts';
import { seedCorrections } from './demo/correction-demo.ts';
import { seedWarnings } from './demo/warning-demo.ts';
import { seedStatisticsDemo } from './demo/statistics-demo.ts';
import { seedReports } from './demo/report-demo.ts';
import {
  ROLE_LABELS,
  type AssessmentFactor,
  type Role,
  type UnitKind,
} from '../domain/vocabulary.ts';

/** One password for every demo account; printed at start, never for production use. */
export const DEMO_PASSWORD = 'Rongcuo@2026';

interface DemoUnit {
  key: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
  policy: string | null;
  /** The prefix of its case numbers (锡盟应急容〔2026〕1号); the units below share it. */
  caseNumberPrefix?: string;
}

const UNITS: DemoUnit[] = [
  { key: 'league', name: '锡林郭勒盟', kind: 'league', parent: null, policy: null },
  {
    key: 'em',
    name: '锡林郭勒盟应急管理局',
    kind: 'bureau',
    parent: 'league',
    policy: 'xilingol-emergency-2024',
    caseNumberPrefix: '锡盟应急容',
  },
  { key: 'em-sup', name: '执法监督科', kind: 'section', parent: 'em', policy: null },
  { key: 'em-chem', name: '危险化学品安全监督管理科', kind: 'section', parent: 'em', policy: null },
  { key: 'xlht', name: '锡林浩特市应急管理局', kind: 'county_bureau', parent: 'em', policy: null },
  { key: 'xlht-team', name: '综合行政执法大队', kind: 'section', parent: 'xlht', policy: null },
  {
    key: 'ed',
    name: '锡林郭勒盟教育局',
    kind: 'bureau',
    parent: 'league',
    policy: 'xilingol-education-2024',
    caseNumberPrefix: '锡盟教育容',
  },
  { key: 'ed-law', name: '政策法规科', kind: 'section', parent: 'ed', policy: null },
  { key: 'erl', name: '二连浩特市教育局', kind: 'county_bureau', parent: 'ed', policy: null },
  { key: 'erl-sec', name: '教育督导股', kind: 'section', parent: 'erl', policy: null },
];

interface DemoUser {
  username: string;
  name: string;
  unit: string;
  roles: Role[];
  badge?: string;
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'wangqiang',
    name: '王强',
    unit: 'xlht-team',
    roles: ['officer'],
    badge: '15250123001',
  },
  { username: 'zhaoli', name: '赵丽', unit: 'em-chem', roles: ['officer'], badge: '15250123002' },
  { username: 'lina', name: '李娜', unit: 'em', roles: ['investigator'] },
  { username: 'zhangmin', name: '张敏', unit: 'em', roles: ['secretary'] },
  { username: 'liuyang', name: '刘洋', unit: 'em', roles: ['reviewer'] },
  { username: 'chenjing', name: '陈静', unit: 'erl-sec', roles: ['officer'], badge: '15250456001' },
  { username: 'sunhao', name: '孙浩', unit: 'ed', roles: ['investigator'] },
  { username: 'zhouyan', name: '周燕', unit: 'ed', roles: ['secretary'] },
  { username: 'wulei', name: '吴磊', unit: 'ed', roles: ['reviewer'] },
  // 信访举报工作人员 (第十九条): the reports about the officers of each bureau.
  { username: 'xuqing', name: '徐晴', unit: 'em', roles: ['petitions'] },
  { username: 'heping', name: '何平', unit: 'ed', roles: ['petitions'] },
  { username: 'sysadmin', name: '系统管理员', unit: 'league', roles: ['sysadmin'] },
  { username: 'secadmin', name: '安全管理员', unit: 'league', roles: ['secadmin'] },
  { username: 'auditadmin', name: '审计管理员', unit: 'league', roles: ['auditadmin'] },
];

export async function hasData(ctx: AppContext): Promise<boolean> {
  return (await countUsers(ctx.db)) > 0;
}

export async function seedDemo(ctx: AppContext): Promise<void> {
  const now = ctx.now();
  const unitIds = new Map<string, string>();
  const userIds = new Map<string, string>();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await inTransaction(ctx.db, async (trx) => {
    for (const u of UNITS) {
      const row = await insertUnit(trx, {
        name: u.name,
        kind: u.kind,
        parent_id: u.parent === null ? null : unitIds.get(u.parent)!,
        policy_id: u.policy,
        case_number_prefix: u.caseNumberPrefix ?? null,
      });
      if (!row) throw new Error(`demo unit ${u.name} exists already`);
      unitIds.set(u.key, row.id);
    }
    for (const u of DEMO_USERS) {
      const row = await insertUser(trx, {
        username: u.username,
        displayName: u.name,
        unitId: unitIds.get(u.unit)!,
        roles: u.roles,
        badgeNumber: u.badge ?? null,
        passwordHash,
        // Seeded, not created by an administrator: the demo's published password is the
        // point of a demo, and its accounts sign in straight to work (and the tests with
        // them). An account an administrator creates must change its password first.
        mustChangePassword: false,
      });
      if (!row) throw new Error(`demo user ${u.username} exists already`);
      userIds.set(u.username, row.id);
    }
    await appendAudit(
      trx,
      {
        actorId: null,
        action: 'demo_seeded',
        entityType: 'system',
        entityId: 'demo',
        data: { units: UNITS.length, users: DEMO_USERS.length },
      },
      now,
    );
  });

  const as = (username: string): Actor => {
    const u = DEMO_USERS.find((d) => d.username === username)!;
    return {
      id: userIds.get(username)!,
      username,
      displayName: u.name,
      unitId: unitIds.get(u.unit)!,
      roles: u.roles,
      sessionId: 'demo-seed',
      csrfToken: '',
      mustChangePassword: false,
    };
  };
  const officer = as('wangqiang');
  const investigator = as('lina');
  const secretary = as('zhangmin');

  // 1. An application just submitted.
  await openCase(ctx, officer, {
    origin: 'application',
    unitId: officer.unitId,
    title: '危险化学品经营许可延续审查中未发现企业提供的虚假安全评价报告',
    conduct:
      '2025年5月，本人审查某化工公司危险化学品经营许可延续申请，依据其提交的安全评价报告作出准予延续决定，后查明该报告数据系企业伪造。',
    conductDate: '2025-05-20',
    enforcementAction: 'license',
    field: 'hazardous_chemicals',
    errorType: 'facts_unclear',
  });

  // 2. Under investigation, some facts recorded.
  let c = await openCase(ctx, investigator, {
    origin: 'initiation',
    unitId: unitIds.get('xlht-team')!,
    officerId: officer.id,
    title: '对违法生产经营单位责令改正后发生事故',
    conduct:
      '执法大队对某加油站检查发现隐患并责令限期整改，整改期间该站拒不执行整改要求，发生火灾事故。',
    // From the inspection to the fire: the whole period of the order to correct.
    conductDate: '2025-11-03',
    conductEndDate: '2025-11-20',
    enforcementAction: 'inspection',
    field: 'hazardous_chemicals',
    errorType: 'inspection_gap',
  });
  let v = (
    await recordFact(
      ctx,
      investigator,
      c.id,
      'a9.7',
      { value: true, note: '整改通知书及送达回证在卷' },
      c.version,
    )
  ).version;
  await recordFact(
    ctx,
    investigator,
    c.id,
    'a13.c1',
    { value: false, note: '未发现滥用职权或不履行职责' },
    v,
  );

  // 3. Decided by the committee, notifications still to send (a deadline to watch).
  c = await openCase(ctx, officer, {
    origin: 'application',
    unitId: officer.unitId,
    title: '依据检测报告作出行政处罚后检测机构撤回报告',
    conduct:
      '本人依据第三方检测机构出具的检测报告对某企业作出罚款决定，后该机构以检测设备故障为由撤回报告。',
    conductDate: '2025-08-12',
    enforcementAction: 'penalty',
    field: 'industry_trade',
    errorType: 'insufficient_evidence',
  });
  v = (await fireTransition(ctx, investigator, c.id, { kind: 'accept' }, c.version)).version;
  v = (
    await recordFact(
      ctx,
      investigator,
      c.id,
      'a10.3',
      { value: true, note: '已按规定审查检测报告' },
      v,
    )
  ).version;
  // None of the nine items of 第九条 holds, nor the exclusion of 第十三条.
  const none = [...NINTH_ARTICLE_ITEMS, 'a13.c1'].map((f) => [f, false] as const);
  v = await recordFindings(ctx, investigator, c.id, v, none, null);
  v = (await fireTransition(ctx, investigator, c.id, { kind: 'complete_investigation' }, v))
    .version;
  const findings: Record<AssessmentFactor, string> = {
    intent: '无故意或重大过失',
    conditions: '检测机构设备故障，执法人员无法识别',
    procedure: '按规定审查了检测报告的资质和程序',
    severity: '情节轻微',
    consequences: '已撤销处罚决定并退还罚款，未造成不良影响',
    remedy: '当事人损失已全部挽回',
  };
  v = await assessAndSubmit(ctx, { investigator, reviewer: as('liuyang') }, c.id, v, {
    findings,
    opinion: '经审核，事实清楚，证据确实充分，程序合法，同意系统认定意见。',
  });
  await recordDecision(ctx, secretary, c.id, v, {
    members: ['党委书记', '局长', '纪检组长'],
    conclusion: 'no_liability',
    relatedUnitIds: [unitIds.get('xlht')!],
  });

  // 4. An education case submitted by a county officer.
  const eduOfficer = as('chenjing');
  await openCase(ctx, eduOfficer, {
    origin: 'application',
    unitId: eduOfficer.unitId,
    title: '校外培训机构检查中因机构隐瞒情况未及时发现问题',
    conduct: '本人对某校外培训机构开展检查时，该机构隐瞒了超范围培训的事实，致使未能及时发现。',
    conductDate: '2025-09-16',
    enforcementAction: 'inspection',
    field: 'off_campus_training',
    errorType: 'inspection_gap',
  });

  // 5. Published to the public (社会公开): the conduct names a person, a phone and an
  // 身份证号, which the publication's text masks (第十四条 一定范围内公开).
  const published = await seedPublishedCase(ctx, as, unitIds.get('erl-sec')!);
  await seedTypicalCases(ctx, as, unitIds, published);
  await seedCorrections(ctx, as);
  await seedWarnings(ctx, as);
  await seedStatisticsDemo(ctx, { as, unit: (key) => unitIds.get(key)! });
  // 信访举报 and 澄清正名 (第十九条): after the cases, some of which the reports concern.
  await seedReports(ctx, as, published);
}

/** An education case taken through the whole procedure to publication; its id. */
async function seedPublishedCase(
  ctx: AppContext,
  as: (username: string) => Actor,
  unitId: string,
): Promise<string> {
  const [officer, investigator, reviewer, secretary] = [
    as('chenjing'),
    as('sunhao'),
    as('wulei'),
    as('zhouyan'),
  ];
  const c = await openCase(ctx, investigator, {
    origin: 'initiation',
    unitId,
    officerId: officer.id,
    title: '民办幼儿园年检中未发现举办者挪用办园经费',
    conduct:
      '本人按年检程序审查某民办幼儿园的财务报告，负责人刘建国（身份证号152501198805061234，' +
      '联系电话13912345678）提供的报告经审计机构签章，后查明其挪用办园经费。',
    conductDate: '2025-06-10',
    enforcementAction: 'inspection',
    field: 'private_schools',
    errorType: 'inspection_gap',
  });
  const facts = [
    ['a9.1', true],
    ['a12.c1', false],
    ['a12.c2', false],
  ] as const;
  let v = await recordFindings(ctx, investigator, c.id, c.version, facts);
  v = (await fireTransition(ctx, investigator, c.id, { kind: 'complete_investigation' }, v))
    .version;
  const findings: Record<AssessmentFactor, string> = {
    intent: '无故意或重大过失',
    conditions: '财务报告经审计机构签章，年检时无从发现',
    procedure: '按年检程序审查了财务报告',
    severity: '情节轻微',
    consequences: '已责令退还经费，未造成不良影响',
    remedy: '挪用经费已全部退还',
  };
  v = await assessAndSubmit(ctx, { investigator, reviewer }, c.id, v, {
    findings,
    opinion: '经审核，同意系统认定意见。',
  });
  const members = ['党组书记', '局长'];
  v = await recordDecision(ctx, secretary, c.id, v, { members, conclusion: 'due_diligence' });
  v = await serveNotices(ctx, secretary, c.id, v, '陈静');
  // The server's own redacted draft, published as it is.
  await fireTransition(ctx, secretary, c.id, { kind: 'publish', scope: '社会公开' }, v);
  return c.id;
}

export function demoAccountsTable(): string {
  const lines = DEMO_USERS.map(
    (u) =>
      `  ${u.username.padEnd(12)} ${u.name}（${u.roles.map((r) => ROLE_LABELS[r]).join('、')}）`,
  );
  return `演示账号 / demo accounts (密码 password: ${DEMO_PASSWORD}):\n${lines.join('\n')}\n`;
}
