// 履职档案 over HTTP: an officer's cases with the conclusion in force, the counts, and the
// policy's 不作为执法错误认定 article (第十五条) quoted and marked on the case it applied to;
// read by the officer and by the readers of the officer's unit, by no one else.
import { describe, expect, it } from 'vitest';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

interface RecordCase {
  title: string;
  state: string;
  conclusion: string | null;
  conclusionLabel: string | null;
  decidedOn: string | null;
  notEnforcementError: boolean;
  enforcementError: boolean;
  policy: { id: string; version: number; title: string };
}

describe.each(storeTargets())('an officer’s record ($name)', (target) => {
  const h = useHarness(target);

  it('shows the officer their cases, outcomes, counts and the 第十五条 rule', async () => {
    const officer = await h.as('wangqiang');
    const id = await h.userId('wangqiang');
    const res = await officer.get(`/api/v1/officers/${id}/record`);
    expect(res.status).toBe(200);
    const record = res.body;
    expect(record.officer).toMatchObject({
      id,
      displayName: '王强',
      unitName: expect.any(String),
    });
    const decided = (record.cases as RecordCase[]).find(
      (c) => c.title === '依据检测报告作出行政处罚后检测机构撤回报告',
    )!;
    expect(decided).toMatchObject({
      conclusion: 'no_liability',
      conclusionLabel: '不予追究行政执法责任',
      decidedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      notEnforcementError: true,
      enforcementError: false,
      policy: { id: 'xilingol-emergency-2024', version: 1, title: expect.stringContaining('应急') },
    });
    // Besides it, 王强 has the warning demo's decided cases (src/app/demo/warning-demo.ts)
    // and cases still open.
    const open = (record.cases as RecordCase[]).filter((c) => c.decidedOn === null);
    expect(open.length).toBeGreaterThan(0);
    for (const c of open) {
      expect(c).toMatchObject({
        conclusion: null,
        conclusionLabel: null,
        decidedOn: null,
        notEnforcementError: false,
        enforcementError: false,
      });
    }
    expect(record.counts).toEqual({
      cases: record.cases.length,
      decided: (record.cases as RecordCase[]).filter((c) => c.decidedOn !== null).length,
      notEnforcementError: (record.cases as RecordCase[]).filter((c) => c.notEnforcementError)
        .length,
      enforcementErrors: (record.cases as RecordCase[]).filter((c) => c.enforcementError).length,
    });
    expect(record.enforcementErrors).toBe(0);
    expect(record.rules).toEqual([
      {
        policy: { id: 'xilingol-emergency-2024', version: 1, title: expect.any(String) },
        article: 15,
        citation: '第十五条',
        topic: '不作为执法错误认定',
        text: '经本级应急管理部门党委研究决定，对应急管理行政执法人员予以容错的，不作为执法错误认定。',
        groundLabels: ['履职尽责，尽职免责', '不予追究行政执法责任', '予以容错', '可以免除责任'],
      },
    ]);
  });

  it('quotes the education regime’s own article (第十四条) for its officers', async () => {
    const res = await (
      await h.as('chenjing')
    ).get(`/api/v1/officers/${await h.userId('chenjing')}/record`);
    expect(res.status).toBe(200);
    expect(res.body.rules).toHaveLength(1);
    expect(res.body.rules[0]).toMatchObject({ citation: '第十四条', article: 14 });
    expect(res.body.rules[0].text).toContain('不作为执法错误认定');
  });

  it('is read by the readers of the officer’s unit, by no one else', async () => {
    const id = await h.userId('wangqiang');
    const lina = await (await h.as('lina')).get(`/api/v1/officers/${id}/record`);
    expect(lina.status).toBe(200);
    expect(lina.body.counts.cases).toBeGreaterThan(0);
    for (const who of ['zhaoli', 'sunhao', 'sysadmin']) {
      const res = await (await h.as(who)).get(`/api/v1/officers/${id}/record`);
      expect(res.status, who).toBe(404);
    }
  });
});
