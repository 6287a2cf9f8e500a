// Warnings on recurring errors (警示提醒, 第十八条) and the classification they count by, over
// real HTTP: a case is classified before its decision and not after; the submission for
// decision waits for it; the system administrator's rule changes are audited with before
// and after; a rule fires at its threshold and not one below, through real decisions (the
// same error type in one unit) and through a rule change (the same field across units);
// a unit acknowledges with its measures, once; another unit does not see the warning and
// the wrong roles are refused.
import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../support/http-client.ts';
import {
  advance,
  applyAs,
  emergencyCrew,
  written,
  type CaseAnswer,
} from '../support/procedure-api.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

interface Rule {
  id: string;
  kind: string;
  policyId: string | null;
  threshold: number;
  months: number;
  enabled: boolean;
}
interface Warning {
  id: string;
  kind: string;
  unit: { id: string; name: string } | null;
  field: { code: string; label: string } | null;
  errorType: { code: string; label: string } | null;
  caseCount: number;
  recipients: { unit: { name: string }; acknowledged: boolean; measures: string | null }[];
  waitingForReader: { id: string; name: string }[];
}

describe.each(storeTargets())('warnings on $name', (target) => {
  const h = useHarness(target);

  const warnings = async (client: HttpClient, query = '') => {
    const res = await client.get(`/api/v1/warnings?limit=100${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as Warning[];
  };
  const auditEvents = (action: string) =>
    h.app.ctx.db
      .selectFrom('audit_events')
      .select(['data', 'actor_id', 'entity_id'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();
  const rules = async (sys: HttpClient) => {
    const res = await sys.get('/api/v1/warning-rules');
    expect(res.status).toBe(200);
    return res.body as { version: number; rules: Rule[] };
  };
  const setRule = async (sys: HttpClient, kind: string, change: Partial<Rule>) => {
    const set = await rules(sys);
    const next = set.rules.map(({ id, kind: k, policyId, threshold, months, enabled }) => ({
      id,
      kind: k,
      policyId,
      threshold,
      months,
      enabled,
      ...(k === kind ? change : {}),
    }));
    return sys.request('PUT', '/api/v1/warning-rules', {
      expectedVersion: set.version,
      rules: next,
    });
  };

  describe('the classification', () => {
    it('is set before the decision by the investigator, audited, and required to submit', async () => {
      const officer = await h.as('zhaoli');
      const crew = await emergencyCrew(h.url);
      const opened = written(
        await officer.post('/api/v1/cases', {
          origin: 'application',
          unitId: await h.unitId('危险化学品安全监督管理科'),
          title: '未分类的案件',
          conduct: '依据第三方检测报告作出罚款决定，后报告被撤回。',
          conductDate: '2025-03-01',
          enforcementAction: 'penalty',
        }),
      );
      let c: CaseAnswer = await advance(crew, opened, 'submitted', 'assessed');
      expect(c.classification).toMatchObject({ field: null, errorType: null, mayClassify: true });
      const path = `/api/v1/cases/${c.id}`;
      const submit = await crew.investigator.post(`${path}/actions/submit_for_decision`, {
        version: c.version,
      });
      expect(submit.status).toBe(409);
      expect(submit.body.error).toEqual({
        code: 'CLASSIFICATION_REQUIRED',
        message: '提请研究决定前，须选定本案的执法领域和错误类型',
      });

      const classify = (client: HttpClient, body: Record<string, unknown>) =>
        client.request('PUT', `${path}/classification`, { version: c.version, ...body });
      const unknown = await classify(crew.investigator, {
        field: 'off_campus_training',
        errorType: 'facts_unclear',
      });
      expect(unknown.body.error.code).toBe('UNKNOWN_FIELD');
      const badType = await classify(crew.investigator, { field: 'fireworks', errorType: 'typo' });
      expect(badType.body.error.code).toBe('UNKNOWN_ERROR_TYPE');
      const byOfficer = await classify(officer, { field: 'fireworks', errorType: 'other' });
      expect(byOfficer.status).toBe(403);
      const byReviewer = await classify(crew.reviewer, { field: 'fireworks', errorType: 'other' });
      expect(byReviewer.status).toBe(403);

      c = written(await classify(crew.investigator, { field: 'fireworks', errorType: 'other' }));
      c = written(await classify(crew.secretary, { field: 'other', errorType: 'document_defect' }));
      expect(c.classification).toMatchObject({
        field: { code: 'other', label: '其他' },
        errorType: { code: 'document_defect', label: '执法文书不规范' },
      });
      const events = (await auditEvents('case.classify')).filter((e) => e.entity_id === c.id);
      expect(events.map((e) => e.data)).toEqual([
        {
          before: { field: null, errorType: null },
          after: { field: 'fireworks', errorType: 'other' },
        },
        {
          before: { field: 'fireworks', errorType: 'other' },
          after: { field: 'other', errorType: 'document_defect' },
        },
      ]);

      c = await advance(crew, c, 'assessed', 'decided');
      expect(c.classification).toMatchObject({ mayClassify: false });
      const late = await classify(crew.investigator, { field: 'fireworks', errorType: 'other' });
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('INVALID_TRANSITION');
    });
  });

  describe('the rules', () => {
    it('are read and set by the system administrator alone, every change audited', async () => {
      const sys = await h.as('sysadmin');
      const set = await rules(sys);
      expect(set.rules.map((r) => [r.kind, r.threshold, r.months, r.enabled])).toEqual([
        ['same_error_type_in_unit', 3, 12, true],
        ['same_field_across_units', 5, 12, true],
      ]);
      for (const username of ['lina', 'zhangmin', 'secadmin']) {
        const other = await h.as(username);
        expect((await other.get('/api/v1/warning-rules')).status, username).toBe(403);
        const put = await other.request('PUT', '/api/v1/warning-rules', {
          expectedVersion: set.version,
          rules: set.rules.map(({ id, kind, policyId, months, enabled }) => ({
            ...{ id, kind, policyId, months, enabled },
            threshold: 2,
          })),
        });
        expect(put.status, username).toBe(403);
      }

      const changed = await setRule(sys, 'same_error_type_in_unit', { months: 6 });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body.version).toBe(set.version + 1);
      const [event] = (await auditEvents('warning_rules.set')).slice(-1);
      expect(event?.actor_id).toBe(await h.userId('sysadmin'));
      expect(event?.data).toMatchObject({
        changes: [
          {
            before: { kind: 'same_error_type_in_unit', threshold: 3, months: 12 },
            after: { kind: 'same_error_type_in_unit', threshold: 3, months: 6 },
          },
        ],
      });
      // Against the version read: a second writer with the old version is refused.
      const stale = await sys.request('PUT', '/api/v1/warning-rules', {
        expectedVersion: set.version,
        rules: [],
      });
      expect(stale.body.error.code).toBe('STALE_VERSION');
      const refused = await setRule(sys, 'same_error_type_in_unit', { threshold: 1 });
      expect(refused.status).toBe(400);
      expect((await setRule(sys, 'same_error_type_in_unit', { months: 12 })).status).toBe(200);
    });
  });

  describe('a warning', () => {
    // A section of its own under the bureau, whose cases no demo data shares, and its officer.
    const UNIT = '应急救援指挥科';
    let officer: HttpClient;
    beforeAll(async () => {
      const sys = await h.as('sysadmin');
      const unit = await sys.post('/api/v1/units', {
        name: UNIT,
        parentId: await h.unitId('锡林郭勒盟应急管理局'),
        kind: 'section',
      });
      expect(unit.status, JSON.stringify(unit.body)).toBe(201);
      officer = await h.newUser('rescue-officer', UNIT, ['officer']);
    });

    it('fires at the threshold of one error type in one unit, not one below', async () => {
      const crew = await emergencyCrew(h.url);
      const investigator = crew.investigator;
      const ofKey = async () =>
        (await warnings(investigator)).filter((w) => w.errorType?.code === 'overdue_handling');
      const decide = async (n: number) => {
        const c = await applyAs(officer, `超期办理 ${n}`, undefined, {
          field: 'other',
          errorType: 'overdue_handling',
        });
        return advance(crew, c, 'submitted', 'decided');
      };
      await decide(1);
      await decide(2);
      expect(await ofKey()).toEqual([]);
      const third = await decide(3);
      const [warning, ...more] = await ofKey();
      expect(more).toEqual([]);
      expect(warning).toMatchObject({
        kind: 'same_error_type_in_unit',
        unit: { name: UNIT },
        errorType: { code: 'overdue_handling', label: '超期办理' },
        caseCount: 3,
        recipients: [{ unit: { name: UNIT }, acknowledged: false }],
      });
      const detail = (await investigator.get(`/api/v1/warnings/${warning!.id}`)).body;
      expect(detail.cases.map((c: { number: string }) => c.number)).toContain(third.number);
      expect(detail.cases.every((c: { readable: boolean }) => c.readable)).toBe(true);
      // Raised once: a fourth case of the key does not warn again.
      await decide(4);
      expect(await ofKey()).toHaveLength(1);
      const raised = (await auditEvents('warning.raised')).filter(
        (e) => e.entity_id === warning!.id,
      );
      expect(raised).toHaveLength(1);
    });

    it('fires across units when a lowered threshold is reached, not one below', async () => {
      const sys = await h.as('sysadmin');
      const investigator = await h.as('lina');
      const fieldWarnings = async () =>
        (await warnings(investigator, '&kind=same_field_across_units')).filter(
          (w) => w.field?.code === 'other',
        );
      // 其他: decided cases in the new section (above) and the 危险化学品科 (the classified one).
      expect((await setRule(sys, 'same_field_across_units', { threshold: 3 })).status).toBe(200);
      expect(await fieldWarnings()).toEqual([]);
      expect((await setRule(sys, 'same_field_across_units', { threshold: 2 })).status).toBe(200);
      const [warning, ...more] = await fieldWarnings();
      expect(more).toEqual([]);
      expect(warning?.recipients.map((r) => r.unit.name).sort()).toEqual(
        ['危险化学品安全监督管理科', UNIT].sort(),
      );
      // The bureau's investigator answers for both units, one at a time, naming which.
      expect(warning?.waitingForReader).toHaveLength(2);
      const path = `/api/v1/warnings/${warning!.id}/acknowledgement`;
      const unnamed = await investigator.post(path, { measures: '组织专项培训' });
      expect(unnamed.body.error.code).toBe('UNIT_REQUIRED');
      const unitId = await h.unitId(UNIT);
      const named = await investigator.post(path, { measures: '组织专项培训', unitId });
      expect(named.status, JSON.stringify(named.body)).toBe(200);
      expect(named.body.waitingForReader.map((u: { name: string }) => u.name)).toEqual([
        '危险化学品安全监督管理科',
      ]);
      expect((await setRule(sys, 'same_field_across_units', { threshold: 5 })).status).toBe(200);
    });

    it('is acknowledged once by its unit, with the measures; others may not', async () => {
      const investigator = await h.as('lina');
      // The demo's warning: 证据不足 three times in the 综合行政执法大队.
      const [demo] = (await warnings(investigator, '&status=pending')).filter(
        (w) => w.errorType?.code === 'insufficient_evidence',
      );
      expect(demo).toMatchObject({
        unit: { name: '综合行政执法大队' },
        caseCount: 3,
        recipients: [{ acknowledged: false }],
      });
      const path = `/api/v1/warnings/${demo!.id}`;

      // Another unit's staff do not see it; an officer and an administrator see no warnings.
      const edu = await h.as('sunhao');
      expect((await edu.get(path)).status).toBe(404);
      expect((await edu.post(`${path}/acknowledgement`, { measures: '整改' })).status).toBe(404);
      expect((await warnings(edu)).map((w) => w.id)).not.toContain(demo!.id);
      for (const username of ['wangqiang', 'sysadmin']) {
        const other = await h.as(username);
        expect(await warnings(other), username).toEqual([]);
        expect((await other.get(path)).status, username).toBe(404);
      }
      // The wrong roles: a reviewer reads it but does not answer it; nor does an officer.
      const reviewer = await h.as('liuyang');
      expect((await reviewer.get(path)).status).toBe(200);
      for (const client of [reviewer, await h.as('wangqiang')])
        expect((await client.post(`${path}/acknowledgement`, { measures: '整改' })).status).toBe(
          403,
        );
      const blank = await investigator.post(`${path}/acknowledgement`, { measures: '  ' });
      expect(blank.status).toBe(400);

      const secretary = await h.as('zhangmin');
      const measures = '组织证据规则专题培训，重大处罚决定前由法制审核人员复核证据。';
      const acknowledged = await secretary.post(`${path}/acknowledgement`, { measures });
      expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(200);
      expect(acknowledged.body.recipients).toEqual([
        {
          unit: { id: await h.unitId('综合行政执法大队'), name: '综合行政执法大队' },
          acknowledged: true,
          acknowledgedAt: expect.any(String),
          acknowledgedBy: { id: await h.userId('zhangmin'), displayName: '张敏' },
          measures,
        },
      ]);
      const again = await investigator.post(`${path}/acknowledgement`, { measures: '再次' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('ALREADY_ACKNOWLEDGED');
      const [event] = (await auditEvents('warning.acknowledged')).filter(
        (e) => e.entity_id === demo!.id,
      );
      expect(event?.data).toEqual({ unit: await h.unitId('综合行政执法大队'), measures });
      expect((await warnings(investigator, '&status=pending')).map((w) => w.id)).not.toContain(
        demo!.id,
      );
      expect((await warnings(investigator, '&status=acknowledged')).map((w) => w.id)).toContain(
        demo!.id,
      );
    });
  });
});
