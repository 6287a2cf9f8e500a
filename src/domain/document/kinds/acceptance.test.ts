import { describe, expect, it } from 'vitest';
import { buildAcceptance } from './acceptance.ts';
import { CASE, CASE_POLICY, ORGAN, textOf } from './case-document-fixtures.ts';

describe('受理通知书', () => {
  const doc = buildAcceptance(
    {
      organ: ORGAN,
      policy: CASE_POLICY,
      case: CASE,
      appliedOn: '2026-03-01',
      acceptedOn: '2026-03-03',
    },
    '锡盟应急容受〔2026〕2号',
  );

  it('carries the organ’s 版头 with its number, addressed to the applicant', () => {
    expect(doc.head).toEqual({
      organMark: '锡林郭勒盟应急管理局',
      number: '锡盟应急容受〔2026〕2号',
    });
    expect(doc.addressee).toBe('王强');
    expect(doc.signature).toEqual({ organ: '锡林郭勒盟应急管理局', date: '2026-03-03' });
    expect(doc.asOf).toBe('2026-03-03');
  });

  it('states the day applied and the deciding body', () => {
    const text = textOf(doc);
    expect(text).toContain('你于2026年3月1日提出的“依据检测报告作出行政处罚后检测机构撤回报告”');
    expect(text).toContain('案号：锡盟应急容〔2026〕5号');
    expect(text).toContain('决定予以受理');
    expect(text).toContain('提请锡林郭勒盟应急管理局党委研究决定');
  });
});
