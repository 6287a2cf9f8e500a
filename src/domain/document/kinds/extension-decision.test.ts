import { describe, expect, it } from 'vitest';
import type { FormRow } from '../official-document.ts';
import { buildExtensionDecision, type ExtensionDecisionInput } from './extension-decision.ts';
import { textOf } from './case-document-fixtures.ts';

const INPUT: ExtensionDecisionInput = {
  unitName: '锡林郭勒盟应急管理局',
  officerName: '赵丽',
  caseNumber: '锡盟应急容〔2026〕4号',
  caseTitle: '危险化学品运输车辆检查未核验押运人员资格',
  notifiedOn: '2026-03-02',
  dueBefore: '2026-04-14',
  sequence: 2,
  request: {
    reason: '因特殊情况（专题学习须待上级统一组织），难以在规定时间内完成',
    requestedDue: '2026-05-14',
    requestedOn: '2026-04-08',
    requestedBy: '赵丽',
  },
  decision: {
    approved: true,
    newDue: '2026-04-29',
    reason: '专题学习确需上级统一组织，酌情延长',
    decidedOn: '2026-04-10',
    decidedBy: '张敏',
  },
  basis: {
    policyTitle: '锡林郭勒盟应急管理局行政执法尽职免责和容错纠错制度（试行）',
    articles: [{ number: 17, text: '……可以申请适当延长整改期限。' }],
  },
};

function rowsOf(doc: ReturnType<typeof buildExtensionDecision>): FormRow[] {
  const form = doc.body.find((b) => b.kind === 'form');
  if (form?.kind !== 'form') throw new Error('no form');
  return [...form.rows];
}

describe('延长整改期限审批表', () => {
  it('is a form without 版头, dated and signed the day it was decided', () => {
    const doc = buildExtensionDecision(INPUT, null);
    expect(doc.kind).toBe('extension-decision');
    expect(doc.head).toBeNull();
    expect(doc.numberLine).toBeNull();
    expect(doc.asOf).toBe('2026-04-10');
    expect(doc.signature).toEqual({ organ: '锡林郭勒盟应急管理局', date: '2026-04-10' });
  });

  it('shows the request: reason, the date asked for with the days counted, when and by whom', () => {
    const rows = rowsOf(buildExtensionDecision(INPUT, null));
    expect(rows).toContainEqual({
      label: '申请人',
      value: '赵丽',
      label2: '申请日期',
      value2: '2026年4月8日',
    });
    expect(rows).toContainEqual({
      label: '申请延长至',
      value: '2026年5月14日（申请延长三十日，第二次申请）',
    });
    expect(rows).toContainEqual({
      label: '申请理由',
      value: '因特殊情况（专题学习须待上级统一组织），难以在规定时间内完成。',
    });
    expect(rows).toContainEqual({
      label: '纠错通知日期',
      value: '2026年3月2日',
      label2: '原整改期限',
      value2: '2026年4月14日',
    });
  });

  it('shows an approval with the new due date, the reasons, who decided and when', () => {
    const rows = rowsOf(buildExtensionDecision(INPUT, null));
    expect(rows).toContainEqual({
      label: '审批意见',
      value: '已批准。同意将整改期限延长至2026年4月29日（延长十五日）。',
    });
    expect(rows).toContainEqual({
      label: '批准理由',
      value: '专题学习确需上级统一组织，酌情延长。',
    });
    expect(rows).toContainEqual({
      label: '审批人',
      value: '张敏',
      label2: '审批日期',
      value2: '2026年4月10日',
    });
    expect(textOf(buildExtensionDecision(INPUT, null))).toContain(
      '第十七条规定：“……可以申请适当延长整改期限。”',
    );
  });

  it('shows a refusal with its reasons, the due date unchanged', () => {
    const refused = buildExtensionDecision(
      {
        ...INPUT,
        decision: {
          ...INPUT.decision,
          approved: false,
          newDue: null,
          reason: '所述情况不属于特殊情况',
        },
      },
      null,
    );
    const rows = rowsOf(refused);
    expect(rows).toContainEqual({
      label: '审批意见',
      value: '不予批准。整改期限仍为2026年4月14日。',
    });
    expect(rows).toContainEqual({ label: '不予批准理由', value: '所述情况不属于特殊情况。' });
    expect(textOf(refused)).not.toContain('同意将整改期限延长');
  });
});
