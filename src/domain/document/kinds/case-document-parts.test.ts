import { describe, expect, it } from 'vitest';
import {
  assessmentText,
  caseConclusion,
  conductPeriodText,
  decidingBodyName,
  limitFrom,
  officeOf,
  policyName,
  provisionOfFact,
  provisionText,
  sentence,
} from './case-document-parts.ts';
import { CASE, CASE_POLICY, noLiability, POLICY } from './case-document-fixtures.ts';

describe('the parts every case paper shares', () => {
  it('names the organ’s own 党委 for a body the policy calls 本级, and keeps a named one', () => {
    expect(decidingBodyName('本级应急管理部门党委', '锡林郭勒盟应急管理局')).toBe(
      '锡林郭勒盟应急管理局党委',
    );
    expect(decidingBodyName('本级教育部门党组', '二连浩特市教育局')).toBe('二连浩特市教育局党组');
    expect(decidingBodyName('锡林郭勒盟教育局党组', '二连浩特市教育局')).toBe(
      '锡林郭勒盟教育局党组',
    );
    expect(officeOf('锡林郭勒盟应急管理局')).toBe('锡林郭勒盟应急管理局办公室');
  });

  it('cites an item with its whole text, a condition with its paragraph’s', () => {
    expect(provisionOfFact(POLICY, 'a2.2')).toEqual({
      citation: '第二条第（二）项',
      text: '因不可抗力未能履职的。',
    });
    // The 但书 is cited by the item it is written into, with the item's text.
    expect(provisionOfFact(POLICY, 'a2.1.x')?.text).toBe(
      '因依据不明确致使执法出现偏差的，但故意违法的除外；',
    );
    expect(provisionOfFact(POLICY, 'a1.c2')).toEqual({
      citation: '第一条',
      text: '依法履职过程中，因客观因素造成损失，并及时纠正的，予以容错。',
    });
    expect(provisionOfFact(POLICY, 'a99.1')).toBeNull();
    expect(provisionText({ citation: '第二条第（二）项', text: '因不可抗力未能履职的。' })).toBe(
      '第二条第（二）项“因不可抗力未能履职的”',
    );
  });

  it('states a conclusion by its ground’s provisions, and one without a ground by none', () => {
    const determination = noLiability();
    const held = caseConclusion(POLICY, determination, 'no_liability');
    expect(held).toMatchObject({ label: '不予追究行政执法责任', citation: '第二条第（二）项' });
    expect(held.provisions.map((p) => p.citation)).toEqual(['第二条第（二）项']);
    const none = caseConclusion(POLICY, determination, 'no_ground');
    expect(none).toMatchObject({ label: '无容错免责情形', citation: null, provisions: [] });
  });

  it('writes limits with how they are counted, and the policy by its version', () => {
    expect(limitFrom('告知', { days: 7, counting: 'calendar' })).toBe(
      '自告知之次日起七日内（自然日）',
    );
    expect(limitFrom('下发通知', { days: 30, counting: 'working' })).toBe(
      '自下发通知之次日起三十日内（工作日）',
    );
    expect(policyName(CASE_POLICY)).toBe('《测试制度》（第一版）');
    expect(conductPeriodText(CASE)).toBe('2025年8月12日');
    expect(conductPeriodText({ conductDate: '2025-11-03', conductEndDate: '2025-11-20' })).toBe(
      '2025年11月3日至2025年11月20日',
    );
  });

  it('writes reasons as sentences and the findings in the article’s order of factors', () => {
    expect(sentence(' 证据不足 ')).toBe('证据不足。');
    expect(sentence('证据不足。')).toBe('证据不足。');
    expect(assessmentText({ remedy: '已挽回。', intent: '无故意' })).toBe(
      '主观方面，无故意；挽回损失方面，已挽回。',
    );
    expect(assessmentText({})).toBeNull();
  });
});
