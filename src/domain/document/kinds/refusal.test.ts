import { describe, expect, it } from 'vitest';
import { buildRefusal } from './refusal.ts';
import { CASE, CASE_POLICY, ORGAN, textOf } from './case-document-fixtures.ts';

describe('不予受理通知书', () => {
  const doc = buildRefusal(
    {
      organ: ORGAN,
      policy: CASE_POLICY,
      case: CASE,
      appliedOn: '2026-03-01',
      refusedOn: '2026-03-04',
      reason: '申请事项不属于行政执法行为。',
    },
    '锡盟应急容不受〔2026〕1号',
  );

  it('carries its number and is dated the day refused', () => {
    expect(doc.head?.number).toBe('锡盟应急容不受〔2026〕1号');
    expect(doc.signature?.date).toBe('2026-03-04');
    expect(doc.asOf).toBe('2026-03-04');
  });

  it('gives the reason recorded with the refusal, once', () => {
    const text = textOf(doc);
    expect(text).toContain('不予受理的理由：申请事项不属于行政执法行为。');
    expect(text).not.toContain('。。');
    expect(text).toContain('你于2026年3月1日提出');
    expect(text).toContain('依照《测试制度》（第一版），决定不予受理');
  });
});
