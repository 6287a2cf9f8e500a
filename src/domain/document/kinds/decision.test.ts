import { describe, expect, it } from 'vitest';
import { caseConclusion, provisionOfFact } from './case-document-parts.ts';
import { CASE, CASE_POLICY, noLiability, ORGAN, POLICY, textOf } from './case-document-fixtures.ts';
import { buildDecision, type DecisionInput } from './decision.ts';

function input(over: Partial<DecisionInput> = {}): DecisionInput {
  const determination = noLiability();
  return {
    organ: ORGAN,
    policy: CASE_POLICY,
    case: CASE,
    factsFound: [{ ...provisionOfFact(POLICY, 'a2.2')!, note: null }],
    meetingDate: '2026-03-12',
    conclusion: caseConclusion(POLICY, determination, 'no_liability'),
    assessments: { intent: '无故意或重大过失。', remedy: '损失已全部挽回' },
    engineLabel: '不予追究行政执法责任',
    departureReason: null,
    objection: { days: 15, counting: 'calendar' },
    relatedUnits: ['锡林浩特市应急管理局'],
    decisionId: 'd-1',
    onReview: false,
    ...over,
  };
}

describe('容错免责认定决定书', () => {
  const doc = buildDecision(input(), '锡盟应急容决〔2026〕3号');

  it('is issued under the organ’s 版头 and signed by the deciding body on the meeting’s day', () => {
    expect(doc.head).toEqual({
      organMark: '锡林郭勒盟应急管理局',
      number: '锡盟应急容决〔2026〕3号',
    });
    expect(doc.signature).toEqual({ organ: '锡林郭勒盟应急管理局党委', date: '2026-03-12' });
    expect(doc.asOf).toBe('2026-03-12');
  });

  it('copies the related units and the officer’s own unit, printed by the organ’s office', () => {
    expect(doc.record).toEqual({
      copyTo: ['锡林浩特市应急管理局', '综合行政执法大队'],
      printedBy: '锡林郭勒盟应急管理局办公室',
      printedOn: '2026-03-12',
    });
  });

  it('states the facts, the ground with its text, the conclusion and the time to object', () => {
    const text = textOf(doc);
    expect(text).toContain('当事人：王强（执法证号：15250123001），综合行政执法大队。');
    expect(text).toContain('锡林郭勒盟应急管理局党委于2026年3月12日集体研究');
    expect(text).toContain(
      '一是当事人的履职行为符合第二条第（二）项“因不可抗力未能履职的”所列情形。',
    );
    expect(text).toContain(
      '经综合分析研判：主观方面，无故意或重大过失；挽回损失方面，损失已全部挽回。',
    );
    expect(text).toContain(
      '依据《测试制度》（第一版）第二条第（二）项“因不可抗力未能履职的”之规定',
    );
    expect(text).toContain('对王强的上述履职行为，认定为：不予追究行政执法责任。');
    expect(text).toContain(
      '可自收到本决定之次日起十五日内（自然日）向锡林郭勒盟应急管理局党委提出',
    );
    expect(text).not.toContain('未采纳系统认定意见');
  });

  it('gives the reasons for departing from the engine when it did', () => {
    const departed = buildDecision(
      input({ departureReason: '当事人存在隐瞒情节', assessments: {} }),
      '锡盟应急容决〔2026〕4号',
    );
    const text = textOf(departed);
    expect(text).toContain(
      '本机关未采纳系统认定意见（不予追究行政执法责任），理由是：当事人存在隐瞒情节。',
    );
    expect(text).not.toContain('经综合分析研判');
  });

  it('copies no unit twice, nor the organ itself', () => {
    const own = buildDecision(
      input({
        case: { ...CASE, officer: { ...CASE.officer, unitName: '锡林郭勒盟应急管理局' } },
        relatedUnits: ['锡林郭勒盟应急管理局', '锡林浩特市应急管理局', '锡林浩特市应急管理局'],
      }),
      null,
    );
    expect(own.record?.copyTo).toEqual(['锡林浩特市应急管理局']);
  });

  it('says a review’s decision is one, and offers no second objection', () => {
    const reviewed = textOf(buildDecision(input({ onReview: true }), '锡盟应急容决〔2026〕4号'));
    expect(reviewed).toContain('集体研究进行了复核。经复核查明：');
    expect(reviewed).toContain('本决定为复核决定。');
    expect(reviewed).not.toContain('如对本决定有异议');
    expect(textOf(doc)).toContain('如对本决定有异议');
  });
});
