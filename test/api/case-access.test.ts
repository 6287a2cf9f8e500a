// Who may open a case about whom, what an officer's record shows, and what a write on a
// case the writer may not read answers, over real HTTP (issue 8): an initiated case is
// about an officer of the initiator's own unit subtree; an officer's record lists only
// the cases its reader may read; and every write answers a case the writer may not read
// with the same 404 as a case that does not exist.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo-data.ts';
import type { HttpClient } from '../support/http-client.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness, type Harness } from './api-harness.ts';

const NO_CASE = '00000000-0000-4000-8000-000000000000';

async function initiate(h: Harness, client: HttpClient, unit: string, officer: string) {
  return client.post('/api/v1/cases', {
    origin: 'initiation',
    unitId: await h.unitId(unit),
    officerId: await h.userId(officer),
    title: `核查：${unit}的${officer}`,
    conduct: '单位启动核查',
    conductDate: '2025-03-01',
    enforcementAction: 'inspection',
  });
}

type Answer = Awaited<ReturnType<HttpClient['get']>>;

/** Every write on a case (and its reads), each with a body it would take on a case it may act on. */
function writes(caseId: string): [string, (c: HttpClient) => Promise<Answer>][] {
  return [
    ['withdraw', (c) => c.post(`/api/v1/cases/${caseId}/actions/withdraw`, { version: 1 })],
    ['accept', (c) => c.post(`/api/v1/cases/${caseId}/actions/accept`, { version: 1 })],
    [
      'close',
      (c) => c.post(`/api/v1/cases/${caseId}/actions/close`, { version: 1, reason: '结案' }),
    ],
    [
      'record a fact',
      (c) =>
        c.request('PUT', `/api/v1/cases/${caseId}/facts/a9.1`, {
          version: 1,
          value: true,
          note: null,
        }),
    ],
    [
      'record an assessment',
      (c) =>
        c.request('PUT', `/api/v1/cases/${caseId}/assessment/intent`, {
          version: 1,
          finding: '无故意',
        }),
    ],
    [
      'upload evidence',
      (c) =>
        c.request(
          'POST',
          `/api/v1/cases/${caseId}/evidence?version=1&filename=a.pdf`,
          new TextEncoder().encode('%PDF-1.4\n%%EOF\n'),
          { 'content-type': 'application/pdf' },
        ),
    ],
    ['download evidence', (c) => c.get(`/api/v1/cases/${caseId}/evidence/${NO_CASE}`)],
    ['read', (c) => c.get(`/api/v1/cases/${caseId}`)],
  ];
}

describe.each(storeTargets())('case access on $name', (target) => {
  const h = useHarness(target);
  let educationCase: string;
  let emergencyCase: string;

  beforeAll(async () => {
    const sunhao = await h.as('sunhao');
    const res = await initiate(h, sunhao, '锡林郭勒盟教育局', 'chenjing');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    educationCase = res.body.id;
    const lina = await h.as('lina');
    const own = await initiate(h, lina, '锡林郭勒盟应急管理局', 'zhaoli');
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    emergencyCase = own.body.id;
    // About an officer of a county bureau below lina's, opened at her bureau.
    expect((await initiate(h, lina, '锡林郭勒盟应急管理局', 'wangqiang')).status).toBe(201);
  }, 60_000);

  it('opens a case only about an officer of the initiator’s own unit subtree', async () => {
    const lina = await h.as('lina');
    // Another bureau's officer answers as an officer that does not exist.
    const elsewhere = await initiate(h, lina, '锡林郭勒盟应急管理局', 'chenjing');
    expect(elsewhere.status).toBe(404);
    const nobody = await lina.post('/api/v1/cases', {
      origin: 'initiation',
      unitId: await h.unitId('锡林郭勒盟应急管理局'),
      officerId: NO_CASE,
      title: '核查',
      conduct: '单位启动核查',
      conductDate: '2025-03-01',
      enforcementAction: 'inspection',
    });
    expect(elsewhere.body).toEqual(nobody.body);
    expect(nobody.body.error.code).toBe('NOT_FOUND');
    // An officer of a unit below the initiator's is theirs to initiate about.
    expect((await initiate(h, lina, '锡林浩特市应急管理局', 'wangqiang')).status).toBe(201);
    const titles = await h.app.ctx.db
      .selectFrom('cases')
      .select('title')
      .where('officer_id', '=', await h.userId('chenjing'))
      .where('unit_id', '=', await h.unitId('锡林郭勒盟应急管理局'))
      .execute();
    expect(titles).toEqual([]);
  });

  it('lists on an officer’s record only the cases its reader may read', async () => {
    // An investigator of the county bureau reads its officer wangqiang's record, but not
    // the case the league bureau above it opened about him.
    const title = '核查：锡林郭勒盟应急管理局的wangqiang';
    const county = await h.newUser('county.investigator', '锡林浩特市应急管理局', ['investigator']);

    const wangqiang = await h.userId('wangqiang');
    const recordOf = async (client: HttpClient) => {
      const res = await client.get(`/api/v1/officers/${wangqiang}/record`);
      expect(res.status).toBe(200);
      return res.body.cases.map((c: { title: string }) => c.title) as string[];
    };
    expect(await recordOf(await h.as('lina'))).toContain(title);
    expect(await recordOf(await h.as('wangqiang'))).toContain(title);
    const countyView = await recordOf(county);
    expect(countyView).not.toContain(title);
    // Not vacuous: the cases of the county's own units are there.
    expect(countyView).toContain('依据检测报告作出行政处罚后检测机构撤回报告');
  });

  it('answers every write on another bureau’s case with the same 404 as on no case', async () => {
    const lina = await h.as('lina');
    for (const [what, write] of writes(educationCase)) {
      const other = await write(lina);
      const missing = await writes(NO_CASE).find(([w]) => w === what)![1](lina);
      expect(other.status, what).toBe(404);
      expect(other.body, what).toEqual(missing.body);
    }
    // An officer on a case about someone else: the same.
    const wangqiang = await h.as('wangqiang');
    const withdraw = await wangqiang.post(`/api/v1/cases/${emergencyCase}/actions/withdraw`, {
      version: 1,
    });
    expect(withdraw.status).toBe(404);
    expect(withdraw.body.error).toEqual({ code: 'NOT_FOUND', message: '案件不存在' });
  });

  it('still answers 403 to a reader who may read the case but not do that', async () => {
    const secretary = await h.as('zhangmin');
    expect((await secretary.get(`/api/v1/cases/${emergencyCase}`)).status).toBe(200);
    const fact = await secretary.request('PUT', `/api/v1/cases/${emergencyCase}/facts/a9.1`, {
      version: 1,
      value: true,
      note: null,
    });
    expect(fact.status).toBe(403);
    expect(fact.body.error.code).toBe('FORBIDDEN');
    const zhaoli = await h.as('zhaoli', DEMO_PASSWORD);
    const accept = await zhaoli.post(`/api/v1/cases/${emergencyCase}/actions/accept`, {
      version: 1,
    });
    expect(accept.status).toBe(403);
  });
});
