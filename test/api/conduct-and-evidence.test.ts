// Issue 9, items 1 and 2, over real HTTP: every case records when its conduct happened
// and is judged under the version of the regime in force on the conduct's last day; the
// officer who applied attaches evidence while the case is before the decision. Runs on
// the embedded database and on the server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/app/demo-data.ts';
import { addDays, todayInChina } from '../../src/domain/calendar-date.ts';
import { createRegistry, versionOf } from '../../src/domain/policy/policy-registry.ts';
import { assemble, type Application } from '../../src/main.ts';
import { compileOrThrow, loadRegistry } from '../../src/policy-files/load-policies.ts';
import { range } from '../support/spec-oracle.ts';
import { HttpClient } from '../support/http-client.ts';
import { storeTargets, type TestStore } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

const EDUCATION = 'xilingol-education-2024';
const NOT_IN_FORCE =
  '锡林郭勒盟教育局行政执法尽职免责和容错纠错制度自2024年10月14日起施行，行为发生于2024年10月1日，不适用该制度';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n');
const PDF_TYPE = { 'content-type': 'application/pdf' };

describe.each(storeTargets())('conduct dates and the applicant’s evidence on $name', (target) => {
  const h = useHarness(target);
  let officer: HttpClient;
  let otherOfficer: HttpClient;
  let investigator: HttpClient;
  let eduOfficer: HttpClient;
  let eduInvestigator: HttpClient;

  beforeEach(async () => {
    officer = await h.as('wangqiang');
    otherOfficer = await h.as('zhaoli');
    investigator = await h.as('lina');
    eduOfficer = await h.as('chenjing');
    eduInvestigator = await h.as('sunhao');
  });

  const opening = async (extra: Record<string, unknown>) => ({
    origin: 'application',
    unitId: await h.unitId('综合行政执法大队'),
    title: '依据检测报告作出处罚后报告被撤回',
    conduct: '详见申请书',
    enforcementAction: 'penalty',
    ...extra,
  });
  const eduOpening = async (extra: Record<string, unknown>) => ({
    origin: 'application',
    unitId: await h.unitId('教育督导股'),
    title: '校外培训机构检查中未发现超范围培训',
    conduct: '该机构隐瞒了超范围培训的事实',
    enforcementAction: 'inspection',
    ...extra,
  });

  describe('the conduct date', () => {
    it('is required, and neither day may be after today in China', async () => {
      const today = todayInChina(new Date());
      const tomorrow = addDays(today, 1);
      const missing = await officer.post('/api/v1/cases', await opening({}));
      expect(missing.status).toBe(400);
      expect(missing.body.error.code).toBe('INVALID_INPUT');

      for (const dates of [
        { conductDate: tomorrow },
        { conductDate: today, conductEndDate: tomorrow },
      ]) {
        const res = await officer.post('/api/v1/cases', await opening(dates));
        expect(res.status, JSON.stringify(dates)).toBe(400);
        expect(res.body.error.code).toBe('INVALID_INPUT');
        expect(res.body.error.message).toMatch(/不能晚于今天/);
      }
    });

    it('a period may not end before it begins', async () => {
      const res = await officer.post(
        '/api/v1/cases',
        await opening({ conductDate: '2025-03-10', conductEndDate: '2025-03-09' }),
      );
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({
        code: 'INVALID_INPUT',
        message: '行为结束日期（2025年3月9日）不能早于开始日期（2025年3月10日）',
      });
    });

    it('POLICY_NOT_IN_FORCE: an education case about conduct before 2024-10-14', async () => {
      const res = await eduOfficer.post(
        '/api/v1/cases',
        await eduOpening({ conductDate: '2024-10-01' }),
      );
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({ code: 'POLICY_NOT_IN_FORCE', message: NOT_IN_FORCE });
    });

    it('a conduct from 2024-10-01 to 2024-10-20 falls under the regime in force at its end', async () => {
      const res = await eduOfficer.post(
        '/api/v1/cases',
        await eduOpening({ conductDate: '2024-10-01', conductEndDate: '2024-10-20' }),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const page = await eduOfficer.get(`/api/v1/cases/${res.body.id}`);
      expect(page.body).toMatchObject({
        conductDate: '2024-10-01',
        conductEndDate: '2024-10-20',
        policy: { id: EDUCATION, version: 1 },
      });
      // The determination is taken on the conduct's last day, not on the day it is read.
      expect(page.body.evaluation.asOf).toBe('2024-10-20');
      const listed = (await eduOfficer.get('/api/v1/cases')).body.items.find(
        (c: { id: string }) => c.id === res.body.id,
      );
      expect(listed).toMatchObject({ conductDate: '2024-10-01', conductEndDate: '2024-10-20' });
    });

    it('an initiation says it too, and a one-day conduct has no end date', async () => {
      const res = await investigator.post('/api/v1/cases', {
        ...(await opening({ conductDate: '2025-07-01' })),
        origin: 'initiation',
        officerId: await h.userId('wangqiang'),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const page = await investigator.get(`/api/v1/cases/${res.body.id}`);
      expect(page.body).toMatchObject({ conductDate: '2025-07-01', conductEndDate: null });
      expect(page.body.evaluation.asOf).toBe('2025-07-01');
    });
  });

  describe('the applicant’s evidence', () => {
    const upload = (client: HttpClient, id: string, version: number, filename: string) =>
      client.request(
        'POST',
        `/api/v1/cases/${id}/evidence?version=${version}&filename=${encodeURIComponent(filename)}`,
        PDF,
        PDF_TYPE,
      );
    const act = (client: HttpClient, id: string, action: string, version: number) =>
      client.post(`/api/v1/cases/${id}/actions/${action}`, { version });

    it('is attached in each state before the decision, and says who uploaded it', async () => {
      const opened = await officer.post(
        '/api/v1/cases',
        // Classified at opening: the submission for decision requires it.
        await opening({ conductDate: '2025-08-12', field: 'industry_trade', errorType: 'other' }),
      );
      expect(opened.status).toBe(201);
      const id: string = opened.body.id;
      let v: number = opened.body.version;

      /** The officer uploads in the state the case is in now; answers the new version. */
      const attach = async (state: string) => {
        const page = await officer.get(`/api/v1/cases/${id}`);
        expect(page.body.state).toBe(state);
        expect(page.body.allowedRecords).toEqual(['evidence']);
        const res = await upload(officer, id, v, `${state}.pdf`);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body.evidence.at(-1)).toMatchObject({
          filename: `${state}.pdf`,
          uploadedBy: await h.userId('wangqiang'),
          uploadedByName: '王强',
          factId: null,
        });
        return res.body.version as number;
      };

      v = await attach('submitted');
      // Not someone else's case: to another officer it does not exist.
      expect((await upload(otherOfficer, id, v, 'x.pdf')).body.error.code).toBe('NOT_FOUND');
      v = (await act(investigator, id, 'accept', v)).body.version;
      v = await attach('investigating');
      // The applicant files evidence for the application; linking it to a fact is the investigator's.
      const linked = await officer.request(
        'POST',
        `/api/v1/cases/${id}/evidence?version=${v}&filename=x.pdf&factId=a10.3`,
        PDF,
        PDF_TYPE,
      );
      expect(linked.body.error.code).toBe('FORBIDDEN');

      for (const [factId, value] of [
        ['a10.3', true],
        ...[...range('a9.', 9), 'a13.c1'].map((f) => [f, false] as const),
      ] as const) {
        const res = await investigator.request('PUT', `/api/v1/cases/${id}/facts/${factId}`, {
          value,
          version: v,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        v = res.body.version;
      }
      v = (await act(investigator, id, 'complete_investigation', v)).body.version;
      v = await attach('assessing');
      for (const factor of [
        'intent',
        'conditions',
        'procedure',
        'severity',
        'consequences',
        'remedy',
      ]) {
        const res = await investigator.request('PUT', `/api/v1/cases/${id}/assessment/${factor}`, {
          version: v,
          finding: '已核实',
        });
        v = res.body.version;
      }
      const submitted = await act(investigator, id, 'submit_for_decision', v);
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
      v = submitted.body.version;
      v = await attach('awaiting_decision');

      const page = await investigator.get(`/api/v1/cases/${id}`);
      expect(page.body.evidence.map((e: { uploadedByName: string }) => e.uploadedByName)).toEqual([
        '王强',
        '王强',
        '王强',
        '王强',
      ]);
      const timeline = page.body.timeline.filter(
        (e: { action: string }) => e.action === 'case.attach_evidence',
      );
      expect(timeline).toHaveLength(4);
      expect(
        timeline.every((e: { actor: { displayName: string } }) => e.actor.displayName === '王强'),
      ).toBe(true);
    });

    it('is refused after the decision', async () => {
      // The demo's case 3: applied for by 王强 and decided by the committee.
      const mine = (await officer.get('/api/v1/cases?state=decided')).body.items;
      const decided = mine.find((c: { title: string }) => c.title.includes('撤回报告'));
      expect(decided).toBeDefined();
      const page = await officer.get(`/api/v1/cases/${decided.id}`);
      expect(page.body.allowedRecords).toEqual([]);
      expect(page.body.recordRefusals.evidence).toBe(
        '案件已作出决定，申请人只能在作出决定前补充证据',
      );
      const res = await upload(officer, decided.id, page.body.version, '迟交.pdf');
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('INVALID_TRANSITION');
    });

    it('an investigator keeps the right to upload while investigating only', async () => {
      const opened = await eduOfficer.post(
        '/api/v1/cases',
        await eduOpening({ conductDate: '2025-09-16' }),
      );
      const id: string = opened.body.id;
      const before = await upload(eduInvestigator, id, opened.body.version, 'x.pdf');
      expect(before.body.error.code).toBe('INVALID_TRANSITION');
      const accepted = await act(eduInvestigator, id, 'accept', opened.body.version);
      const res = await upload(eduInvestigator, id, accepted.body.version, '笔录.pdf');
      expect(res.status).toBe(201);
      expect(res.body.evidence.at(-1).uploadedByName).toBe('孙浩');
    });
  });
});

describe('the version pinned to a case is the one in force on the conduct’s last day', () => {
  let store: TestStore;
  let app: Application;
  let client: HttpClient;
  let unitId: string;

  beforeAll(async () => {
    // The education regime with a second version from 2025-06-01, as an amendment would be.
    const builtin = await loadRegistry();
    const v1 = versionOf(builtin, EDUCATION, 1)!;
    const v2 = compileOrThrow('v2.yaml', { ...v1.def, version: 2, effectiveFrom: '2025-06-01' });
    const registry = createRegistry([...[...builtin.byId.values()].flat(), v2]);
    store = await storeTargets()[0]!.open();
    app = await assemble({ store, registry });
    await seedDemo(app.ctx);
    const url = await app.server.listen({ port: 0, host: '127.0.0.1' });
    client = new HttpClient(url);
    const res = await client.post('/api/v1/session', {
      username: 'chenjing',
      password: DEMO_PASSWORD,
    });
    client.csrfToken = res.body.csrfToken;
    unitId = res.body.user.unitId;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it.each([
    ['2025-05-31', null, 1],
    ['2025-06-01', null, 2],
    ['2025-05-20', '2025-06-02', 2],
    ['2024-10-14', '2025-05-31', 1],
  ] as const)('conduct %s to %s: version %i', async (conductDate, conductEndDate, version) => {
    const res = await client.post('/api/v1/cases', {
      origin: 'application',
      unitId,
      title: '校外培训机构检查',
      conduct: '检查中未发现问题',
      conductDate,
      conductEndDate,
      enforcementAction: 'inspection',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const page = await client.get(`/api/v1/cases/${res.body.id}`);
    expect(page.body.policy).toMatchObject({ id: EDUCATION, version });
    expect(page.body.evaluation).toMatchObject({
      policyVersion: version,
      asOf: conductEndDate ?? conductDate,
    });
  });
});
