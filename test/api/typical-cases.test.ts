// Typical cases (典型案例) and similar cases (类案参考) over real HTTP: the deciding unit's
// secretary marks a published case, its text is the publication's and carries nothing
// personal of the case; the library is searched by each filter and read by exactly the
// readers of each publication; the refusals; and the alike cases on a case under
// investigation and on a decision that departs from the engine.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/app/demo-data.ts';
import { todayInChina } from '../../src/domain/calendar-date.ts';
import { ASSESSMENT_FACTORS } from '../../src/domain/vocabulary.ts';
import type { HttpClient } from '../support/http-client.ts';
import { range } from '../support/spec-oracle.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

const PERSONAL = ['张三丰', '152501198805061234', '13912345678', '赵丽', '15250123002', '王强'];
const CONDUCT =
  '执法人员检查某化工企业，负责人张三丰（身份证号152501198805061234，联系电话13912345678）提供的检测报告系伪造。';
/** A note on a fact: the case's own words, which no typical case may carry. */
const NOTE = '检测报告原件在卷，赵丽签字确认';

/** 不予追究 on 第十条第（三）项: none of 第九条 nor the exclusion of 第十三条. */
const NO_LIABILITY: readonly (readonly [string, boolean])[] = [
  ['a10.3', true],
  ['a13.c1', false],
  ...range('a9.', 9).map((f) => [f, false] as const),
];
/** 履职尽责 on 第九条第（一）项. */
const DUE_DILIGENCE: readonly (readonly [string, boolean])[] = [
  ['a9.1', true],
  ['a13.c1', false],
];

interface Plan {
  readonly unit: string;
  readonly officer: string;
  readonly title: string;
  readonly field: string;
  readonly errorType: string;
  readonly facts: readonly (readonly [string, boolean])[];
  /** Where the case stops. */
  readonly until: 'investigating' | 'notified' | 'published';
  readonly conclusion?: string;
  readonly scope?: string;
}

describe.each(storeTargets())('typical cases on $name', (target) => {
  const h = useHarness(target);
  const cases: Record<string, string> = {};
  const typical: Record<string, string> = {};
  let crew: { lina: HttpClient; liuyang: HttpClient; zhangmin: HttpClient };
  let countySecretary: HttpClient;

  const ok = (res: { status: number; body: unknown }, step: string) => {
    if (res.status >= 300) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; notifications: { id: string }[] };
  };

  /** A case opened by 李娜 and taken as far as the plan says, each step by its role. */
  async function caseAlong(plan: Plan): Promise<string> {
    const today = todayInChina(h.app.ctx.now());
    const { lina, liuyang, zhangmin } = crew;
    let c = ok(
      await lina.post('/api/v1/cases', {
        origin: 'initiation',
        unitId: await h.unitId(plan.unit),
        officerId: await h.userId(plan.officer),
        title: plan.title,
        conduct: CONDUCT,
        conductDate: '2025-03-01',
        enforcementAction: 'inspection',
        field: plan.field,
        errorType: plan.errorType,
      }),
      'initiate',
    );
    const id = c.id;
    const put = async (client: HttpClient, path: string, body: Record<string, unknown>) => {
      c = ok(
        await client.request('PUT', `/api/v1/cases/${id}/${path}`, { version: c.version, ...body }),
        path,
      );
    };
    const act = async (client: HttpClient, action: string, body: Record<string, unknown> = {}) => {
      c = ok(
        await client.post(`/api/v1/cases/${id}/actions/${action}`, { version: c.version, ...body }),
        action,
      );
    };
    for (const [fact, value] of plan.facts) await put(lina, `facts/${fact}`, { value, note: NOTE });
    if (plan.until === 'investigating') return id;
    await act(lina, 'complete_investigation');
    for (const factor of ASSESSMENT_FACTORS)
      await put(lina, `assessment/${factor}`, { finding: '已核实' });
    await act(lina, 'submit_for_decision');
    await put(liuyang, 'reviews/legal', { opinion: '同意', agrees: true, reviewedOn: today });
    const departs = plan.conclusion !== undefined;
    const engine = (await lina.get(`/api/v1/cases/${id}`)).body.determination.outcome as string;
    await act(zhangmin, 'record_decision', {
      meetingDate: today,
      members: ['党委书记', '局长'],
      conclusion: plan.conclusion ?? engine,
      departureReason: departs ? '执法人员未按规定审查检测报告，结论与系统认定意见不同' : null,
      relatedUnitIds: [],
    });
    for (const n of c.notifications)
      await act(zhangmin, 'send_notification', {
        notificationId: n.id,
        deliveryMethod: 'in_person',
        deliveredOn: today,
        deliveredTo: '受送达人',
      });
    if (plan.until === 'published') await act(zhangmin, 'publish', { scope: plan.scope });
    return id;
  }

  const mark = (client: HttpClient, caseId: string) =>
    client.post(`/api/v1/cases/${caseId}/typical`);
  const withdraw = (client: HttpClient, caseId: string, reason: string) =>
    client.request('DELETE', `/api/v1/cases/${caseId}/typical`, { reason });
  const library = async (client: HttpClient, query = '') => {
    const res = await client.get(`/api/v1/typical-cases${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { total: number; items: { id: string; [k: string]: unknown }[] };
  };
  const ids = async (client: HttpClient, query = '') =>
    (await library(client, query)).items.map((t) => t.id);

  beforeAll(async () => {
    crew = {
      lina: await h.as('lina'),
      liuyang: await h.as('liuyang'),
      zhangmin: await h.as('zhangmin'),
    };
    countySecretary = await h.newUser('xlhtmishu', '锡林浩特市应急管理局', ['secretary']);
    const section = '危险化学品安全监督管理科';
    cases.public = await caseAlong({
      unit: section,
      officer: 'zhaoli',
      title: '化工企业伪造检测报告骗取许可延续',
      field: 'hazardous_chemicals',
      errorType: 'inspection_gap',
      facts: NO_LIABILITY,
      until: 'published',
      scope: '社会公开',
    });
    cases.organ = await caseAlong({
      unit: '综合行政执法大队',
      officer: 'wangqiang',
      title: '非煤矿山复查中企业隐瞒采空区',
      field: 'non_coal_mines',
      errorType: 'facts_unclear',
      facts: DUE_DILIGENCE,
      until: 'published',
      scope: '本单位',
    });
    cases.system = await caseAlong({
      unit: section,
      officer: 'zhaoli',
      title: '工贸企业检测报告数据差错后主动报告',
      field: 'industry_trade',
      errorType: 'procedural_defect',
      facts: [...NO_LIABILITY, ['a12.2', true]],
      until: 'published',
      scope: '本系统',
    });
    cases.unpublished = await caseAlong({
      unit: section,
      officer: 'zhaoli',
      title: '已告知未公开的案件',
      field: 'hazardous_chemicals',
      errorType: 'inspection_gap',
      facts: NO_LIABILITY,
      until: 'notified',
    });
    cases.investigating = await caseAlong({
      unit: section,
      officer: 'zhaoli',
      title: '依据评价报告作出许可后报告被撤回',
      field: 'hazardous_chemicals',
      errorType: 'wrong_legal_basis',
      facts: [['a10.3', true]],
      until: 'investigating',
    });
    cases.departed = await caseAlong({
      unit: section,
      officer: 'zhaoli',
      title: '依据检测报告处罚但未审查报告资质',
      field: 'hazardous_chemicals',
      errorType: 'insufficient_evidence',
      facts: NO_LIABILITY,
      until: 'notified',
      conclusion: 'not_tolerated',
    });
  }, 240_000);

  it('lets the deciding secretary mark a published case: one typical case, one audit event', async () => {
    const res = await mark(crew.zhangmin, cases.public!);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const t = res.body.typicalCase;
    typical.public = t.id;
    const publication = (
      await crew.zhangmin.get(`/api/v1/cases/${cases.public}`)
    ).body.publications.at(-1);
    expect(t).toMatchObject({
      text: publication.text,
      heading: '关于“化工企业伪造检测报告骗取许可延续”认定结果的公示',
      scope: '社会公开',
      circle: 'public',
      unit: { name: '锡林郭勒盟应急管理局' },
      policy: {
        id: 'xilingol-emergency-2024',
        version: 1,
        title: expect.stringContaining('应急管理'),
      },
      field: { code: 'hazardous_chemicals', label: '危险化学品' },
      errorType: { code: 'inspection_gap', label: '检查不到位' },
      conclusion: 'no_liability',
      conclusionLabel: '不予追究行政执法责任',
      departed: false,
      groundCitation: '第十条第（三）项',
      groundText: '不予追究行政执法责任（第十条第（三）项）',
      findings: [
        {
          factId: 'a10.3',
          citation: '第十条第（三）项',
          text: expect.stringContaining('依据检验、检测、鉴定、评价报告'),
        },
      ],
      articles: [{ number: 10, label: '第十条' }],
      decidedOn: todayInChina(h.app.ctx.now()),
      withdrawn: null,
    });
    expect(res.body).toMatchObject({ mayMark: false, mayWithdraw: true });
    const events = await h.admin
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', cases.public!)
      .where('action', 'like', '%typical%')
      .execute();
    expect(events).toEqual([{ action: 'case.mark_typical', actor_id: await h.userId('zhangmin') }]);
    // The case's timeline names the step.
    const timeline = (await crew.lina.get(`/api/v1/cases/${cases.public}`)).body.timeline;
    expect(timeline.at(-1)).toMatchObject({ actionLabel: '标记为典型案例' });

    for (const name of ['organ', 'system'] as const) {
      const marked = await mark(crew.zhangmin, cases[name]!);
      expect(marked.status, JSON.stringify(marked.body)).toBe(201);
      typical[name] = marked.body.typicalCase.id;
    }
  });

  it('carries no personal information of the case: no name, number, conduct or note', async () => {
    for (const name of ['public', 'organ', 'system'] as const) {
      const res = await (
        await h.as(name === 'organ' ? 'wangqiang' : 'lina')
      ).get(`/api/v1/typical-cases/${typical[name]}`);
      expect(res.status).toBe(200);
      const all = JSON.stringify(res.body);
      for (const raw of [...PERSONAL, CONDUCT, NOTE]) expect(all).not.toContain(raw);
      expect(res.body.text).toContain(
        '负责人张**（身份证号152501********1234，联系电话139****5678）',
      );
    }
  });

  it('refuses an unpublished case, anyone but the deciding secretary, and a second mark', async () => {
    const unpublished = await mark(crew.zhangmin, cases.unpublished!);
    expect([unpublished.status, unpublished.body.error.code]).toEqual([409, 'NOT_PUBLISHED']);
    const investigator = await mark(crew.lina, cases.system!);
    expect([investigator.status, investigator.body.error.code]).toEqual([403, 'FORBIDDEN']);
    // The county bureau's secretary reads the case of its team, but its organ did not decide.
    const county = await mark(countySecretary, cases.organ!);
    expect([county.status, county.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(county.body.error.message).toContain('作出决定的单位');
    // A secretary of another system does not even see the case.
    expect((await mark(await h.as('zhouyan'), cases.public!)).status).toBe(404);
    const again = await mark(crew.zhangmin, cases.public!);
    expect([again.status, again.body.error.code]).toEqual([409, 'ALREADY_TYPICAL']);
    const status = (await countySecretary.get(`/api/v1/cases/${cases.organ}/typical`)).body;
    expect(status).toMatchObject({ mayMark: false, mayWithdraw: false });
    expect(status.typicalCase.id).toBe(typical.organ);
  });

  it('finds typical cases by field, error type, article, outcome, keyword and policy', async () => {
    const lina = crew.lina;
    const mine = (list: string[]) =>
      list.filter((id) => Object.values(typical).includes(id)).sort();
    const expectIds = async (query: string, expected: string[]) =>
      expect(mine(await ids(lina, query)), query).toEqual(expected.sort());
    await expectIds('?field=hazardous_chemicals', [typical.public!]);
    await expectIds('?errorType=procedural_defect', [typical.system!]);
    await expectIds('?article=12', [typical.system!]);
    await expectIds('?article=10', [typical.public!, typical.system!]);
    await expectIds('?outcome=no_liability', [typical.public!, typical.system!]);
    await expectIds(`?keyword=${encodeURIComponent('伪造检测报告')}`, [typical.public!]);
    // The policy's words of the facts found are searched too (第十二条第（二）项).
    await expectIds(`?keyword=${encodeURIComponent('如实说明本人')}`, [typical.system!]);
    await expectIds('?policy=xilingol-emergency-2024&field=industry_trade', [typical.system!]);
    await expectIds('?policy=xilingol-education-2024', []);
    // 本单位 of the county bureau: its own officer finds it by its outcome, the bureau does not.
    expect(mine(await ids(await h.as('wangqiang'), '?outcome=due_diligence'))).toEqual([
      typical.organ,
    ]);
    await expectIds('?outcome=due_diligence', []);
    const filters = (await lina.get('/api/v1/typical-cases/filters')).body.policies;
    const emergency = filters.find((p: { id: string }) => p.id === 'xilingol-emergency-2024');
    expect(emergency.fields).toContainEqual({ value: 'hazardous_chemicals', label: '危险化学品' });
    expect(emergency.articles).toContainEqual({ value: '10', label: '第十条（不予追究情形）' });
  });

  it('is read by exactly the readers of its publication, for every demo user', async () => {
    const readers: Record<string, string[]> = {
      public: [...DEMO_USERS.map((u) => u.username), 'xlhtmishu'],
      organ: ['wangqiang', 'xlhtmishu'],
      // 本系统: everyone of the emergency bureau's system, its petitions staff (徐晴) too.
      system: ['wangqiang', 'zhaoli', 'lina', 'zhangmin', 'liuyang', 'xuqing', 'xlhtmishu'],
    };
    for (const username of [...DEMO_USERS.map((u) => u.username), 'xlhtmishu']) {
      const client = username === 'xlhtmishu' ? countySecretary : await h.as(username);
      const listed = await ids(client, '?limit=100');
      for (const [name, id] of Object.entries(typical)) {
        const may = readers[name]!.includes(username);
        expect(listed.includes(id!), `${username} lists ${name}`).toBe(may);
        const page = await client.get(`/api/v1/typical-cases/${id}`);
        expect(page.status, `${username} opens ${name}`).toBe(may ? 200 : 404);
      }
      // Whatever the list holds opens.
      for (const id of listed)
        expect((await client.get(`/api/v1/typical-cases/${id}`)).status, `${username} ${id}`).toBe(
          200,
        );
    }
    // Not without signing in.
    const { HttpClient } = await import('../support/http-client.ts');
    expect((await new HttpClient(h.url).get('/api/v1/typical-cases')).status).toBe(401);
  }, 120_000);

  it('lists the alike cases on a case under investigation, naming the shared ground and facts', async () => {
    const res = await crew.lina.get(`/api/v1/cases/${cases.investigating}/similar-cases?limit=50`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.mode).toBe('similar');
    const items = res.body.items as {
      kind: string;
      typicalCaseId: string | null;
      caseId: string | null;
      title: string;
      conclusion: string;
      reasonText: string;
      similarity: number;
    }[];
    const pub = items.find((i) => i.typicalCaseId === typical.public);
    expect(pub).toMatchObject({
      kind: 'typical',
      caseId: cases.public,
      conclusion: 'no_liability',
      similarity: 1,
    });
    expect(pub!.reasonText).toBe(
      '同一认定依据：不予追究行政执法责任（第十条第（三）项）；相同事实 1 项（第十条第（三）项），相似度 100%',
    );
    // A decided case that is not typical: the demo's 不予追究 on 第十条第（三）项.
    expect(
      items.some(
        (i) => i.kind === 'decided' && i.title === '依据检测报告作出行政处罚后检测机构撤回报告',
      ),
    ).toBe(true);
    // Nothing alike: 履职尽责 on 第九条第（一）项; the case itself neither.
    expect(items.some((i) => i.typicalCaseId === typical.organ)).toBe(false);
    expect(items.some((i) => i.caseId === cases.investigating)).toBe(false);
    // The shared ground first, the typical ones before the others of the same likeness.
    expect(items[0]!.kind).toBe('typical');

    // The officer reads her own case: the public typical case, and of the decided cases
    // only those she may read (her own), not the demo's case about 王强.
    const officer = await h.as('zhaoli');
    const own = (await officer.get(`/api/v1/cases/${cases.investigating}/similar-cases?limit=50`))
      .body.items as typeof items;
    expect(own.some((i) => i.typicalCaseId === typical.public)).toBe(true);
    for (const i of own.filter((i) => i.kind === 'decided'))
      expect((await officer.get(`/api/v1/cases/${i.caseId}`)).status).toBe(200);
    expect(own.some((i) => i.title === '依据检测报告作出行政处罚后检测机构撤回报告')).toBe(false);
    // At most the limit, ten unless asked.
    const ten = (await crew.lina.get(`/api/v1/cases/${cases.investigating}/similar-cases`)).body;
    expect(ten.items).toEqual(items.slice(0, 10));
  });

  it('shows the alike cases decided the other way when a decision departs from the engine', async () => {
    const res = await crew.lina.get(`/api/v1/cases/${cases.departed}/similar-cases?limit=50`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      mode: 'departure',
      engineOutcome: 'no_liability',
      conclusion: 'not_tolerated',
      conclusionLabel: '不予容错',
    });
    expect(res.body.note).toContain('与系统认定意见（不予追究行政执法责任）不一致');
    const items = res.body.items as { conclusion: string; typicalCaseId: string | null }[];
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((i) => i.conclusion === 'no_liability')).toBe(true);
    expect(items.map((i) => i.typicalCaseId)).toEqual(
      expect.arrayContaining([typical.public, typical.system]),
    );
    // A decision as the engine found has no such panel; a case nobody may read, no answer.
    const followed = (await crew.lina.get(`/api/v1/cases/${cases.public}/similar-cases`)).body;
    expect(followed).toMatchObject({ mode: 'none', items: [] });
    expect(
      (await (await h.as('zhouyan')).get(`/api/v1/cases/${cases.departed}/similar-cases`)).status,
    ).toBe(404);
  });

  it('withdraws a mark with a reason, and marks it again', async () => {
    const blank = await withdraw(crew.zhangmin, cases.system!, '   ');
    expect([blank.status, blank.body.error.code]).toEqual([400, 'REASON_REQUIRED']);
    const investigator = await withdraw(crew.lina, cases.system!, '不典型');
    expect([investigator.status, investigator.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const res = await withdraw(crew.zhangmin, cases.system!, '同类案件已有更典型的案例');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ typicalCase: null, mayMark: true, mayWithdraw: false });
    expect(await ids(crew.lina)).not.toContain(typical.system);
    const kept = (await crew.lina.get(`/api/v1/typical-cases/${typical.system}`)).body;
    expect(kept.withdrawn).toEqual({
      on: todayInChina(h.app.ctx.now()),
      reason: '同类案件已有更典型的案例',
    });
    const again = await withdraw(crew.zhangmin, cases.system!, '再次撤销');
    expect([again.status, again.body.error.code]).toEqual([409, 'NOT_TYPICAL']);
    const audit = await h.admin
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('entity_id', '=', cases.system!)
      .where('action', '=', 'case.withdraw_typical')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toMatchObject({ reason: '同类案件已有更典型的案例' });
    const remarked = await mark(crew.zhangmin, cases.system!);
    expect(remarked.status).toBe(201);
    expect(remarked.body.typicalCase.id).not.toBe(typical.system);
  });
});
