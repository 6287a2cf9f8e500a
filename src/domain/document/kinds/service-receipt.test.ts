import { describe, expect, it } from 'vitest';
import { CASE, ORGAN, textOf } from './case-document-fixtures.ts';
import { buildServiceReceipt, type Delivery } from './service-receipt.ts';

const LIMIT = {
  from: '2026-03-12',
  days: 7,
  counting: 'calendar',
  extendedFrom: null,
  extensionRest: null,
} as const;

const DELIVERIES: Delivery[] = [
  {
    ...LIMIT,
    recipientKind: 'party',
    recipient: '王强',
    due: '2026-03-19',
    method: 'in_person',
    deliveredTo: '王强',
    deliveredOn: '2026-03-13',
    deliveredBy: '张敏',
    lateReason: null,
  },
  {
    ...LIMIT,
    recipientKind: 'unit',
    recipient: '锡林浩特市应急管理局',
    due: '2026-03-19',
    method: 'by_post',
    deliveredTo: '办公室收发员',
    deliveredOn: '2026-03-23',
    deliveredBy: '张敏',
    lateReason: '邮路中断',
  },
];

describe('送达回证', () => {
  const doc = buildServiceReceipt(
    { organ: ORGAN, case: CASE, servedDocument: '认定结论告知书', deliveries: DELIVERIES },
    null,
  );
  const pages = textOf(doc).split('\f');

  it('has one receipt per notice delivered, each on its own page, dated the last delivery', () => {
    expect(doc.head).toBeNull();
    expect(pages).toHaveLength(2);
    expect(doc.asOf).toBe('2026-03-23');
  });

  it('records how, to whom and when, the limit and how it was counted, and why late', () => {
    expect(pages[0]).toContain('送达对象：王强（当事人）');
    expect(pages[0]).toContain('送达方式：直接送达');
    expect(pages[0]).toContain('送达日期：2026年3月13日');
    expect(pages[0]).toContain(
      '送达期限：自2026年3月12日作出决定之次日起七日内（自然日），至2026年3月19日止',
    );
    expect(pages[0]).not.toContain('逾期送达理由');
    expect(pages[1]).toContain('送达对象：锡林浩特市应急管理局（相关单位）');
    expect(pages[1]).toContain('受送达人：办公室收发员');
    expect(pages[1]).toContain('送达方式：邮寄送达');
    expect(pages[1]).toContain('逾期送达理由：邮路中断');
    expect(pages[1]).toContain('送达机关：锡林郭勒盟应急管理局');
  });
});
