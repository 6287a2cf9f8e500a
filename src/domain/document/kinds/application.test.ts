import { describe, expect, it } from 'vitest';
import { buildApplication } from './application.ts';
import { CASE, CASE_POLICY, ORGAN, textOf } from './case-document-fixtures.ts';

describe('容错认定申请表', () => {
  const doc = buildApplication(
    { organ: ORGAN, policy: CASE_POLICY, case: CASE, appliedOn: '2026-03-01' },
    null,
  );

  it('is a form without 版头, dated the day the officer applied', () => {
    expect(doc).toMatchObject({ kind: 'application', title: '容错认定申请表', head: null });
    expect(doc.asOf).toBe('2026-03-01');
    expect(doc.signature).toBeNull();
    expect(doc.body.map((b) => b.kind)).toEqual(['form', 'signature-line']);
  });

  it('names the applicant, the conduct and the policy by its version', () => {
    const text = textOf(doc);
    expect(text).toContain('申请日期：2026年3月1日');
    expect(text).toContain('执法证号：15250123001');
    expect(text).toContain('案号：锡盟应急容〔2026〕5号');
    expect(text).toContain('执法行为类别：行政处罚');
    expect(text).toContain('履职时间：2025年8月12日');
    expect(text).toContain('案件来源：本人申请');
    expect(text).toContain('请求锡林郭勒盟应急管理局党委依据《测试制度》（第一版）');
  });
});
