import { describe, expect, it } from 'vitest';
import { caseConclusion } from './case-document-parts.ts';
import { CASE, CASE_POLICY, noLiability, ORGAN, POLICY, textOf } from './case-document-fixtures.ts';
import { buildDecisionRecord, type DecisionRecordInput } from './decision-record.ts';

function input(over: Partial<DecisionRecordInput> = {}): DecisionRecordInput {
  const determination = noLiability();
  return {
    organ: ORGAN,
    policy: CASE_POLICY,
    case: CASE,
    meetingDate: '2026-03-12',
    members: ['党委书记', '局长', '纪检组长'],
    recusedMembers: [{ name: '副局长', reason: '与当事人系近亲属' }],
    caseRecusals: [{ name: '李娜', kind: 'self', reason: '曾参与该执法行为' }],
    reviews: [
      {
        kind: 'legal',
        opinion: '事实清楚，程序合法。',
        agrees: true,
        reviewedOn: '2026-03-11',
        reviewer: '刘洋',
      },
    ],
    engine: caseConclusion(POLICY, determination, 'no_liability'),
    conclusion: caseConclusion(POLICY, determination, 'no_liability'),
    departureReason: null,
    onReview: false,
    recipients: ['王强', '锡林浩特市应急管理局'],
    ...over,
  };
}

describe('集体研究决定记录', () => {
  it('records the meeting: date, members counted in Chinese, recusals and reviews', () => {
    const doc = buildDecisionRecord(input(), null);
    expect(doc.head).toBeNull();
    expect(doc.asOf).toBe('2026-03-12');
    const text = textOf(doc);
    expect(text).toContain('会议日期：2026年3月12日');
    expect(text).toContain('决定机关：锡林郭勒盟应急管理局党委');
    expect(text).toContain('出席人员：党委书记、局长、纪检组长（共三人）');
    expect(text).toContain(
      '回避情况：副局长（与当事人系近亲属）；李娜（自行回避：曾参与该执法行为）',
    );
    expect(text).toContain(
      '法制审核意见：事实清楚，程序合法。（同意系统认定意见；审核人：刘洋；2026年3月11日）',
    );
    expect(text).toContain('系统认定意见：不予追究行政执法责任（第二条第（二）项）');
    expect(text).toContain('研究意见：同意系统认定意见。');
    expect(text).toContain(
      '决定结论：依据《测试制度》（第一版）第二条第（二）项“因不可抗力未能履职的”之规定，认定为：不予追究行政执法责任。',
    );
    expect(text).toContain('告知对象：王强、锡林浩特市应急管理局');
  });

  it('writes the reason when the conclusion departs from the engine’s, and 无 without recusals', () => {
    const determination = noLiability();
    const text = textOf(
      buildDecisionRecord(
        input({
          conclusion: caseConclusion(POLICY, determination, 'no_ground'),
          departureReason: '当事人未如实说明情况。',
          recusedMembers: [],
          caseRecusals: [],
        }),
        null,
      ),
    );
    expect(text).toContain('研究意见：不同意系统认定意见。理由：当事人未如实说明情况。');
    expect(text).toContain('认定为：无容错免责情形');
    expect(text).toContain('回避情况：无');
  });
});
