import { describe, expect, it } from 'vitest';
import { caseConclusion } from './case-document-parts.ts';
import { CASE, CASE_POLICY, noLiability, ORGAN, POLICY, textOf } from './case-document-fixtures.ts';
import { buildDecisionNotice, type DecisionNoticeInput } from './decision-notice.ts';

const INPUT: DecisionNoticeInput = {
  organ: ORGAN,
  policy: CASE_POLICY,
  case: CASE,
  meetingDate: '2026-03-12',
  conclusion: caseConclusion(POLICY, noLiability(), 'no_liability'),
  notificationArticle: 14,
  objection: { days: 15, counting: 'calendar' },
  decisionId: 'd-1',
  onReview: false,
  notices: [
    {
      recipientKind: 'party',
      recipient: '王强',
      from: '2026-03-12',
      days: 7,
      counting: 'calendar',
      due: '2026-03-19',
      extendedFrom: null,
      extensionRest: null,
    },
    {
      recipientKind: 'unit',
      recipient: '锡林浩特市应急管理局',
      from: '2026-03-12',
      days: 7,
      counting: 'calendar',
      due: '2026-03-20',
      extendedFrom: '2026-03-19',
      extensionRest: 'holiday',
    },
  ],
};

describe('认定结论告知书', () => {
  const doc = buildDecisionNotice(INPUT, '锡盟应急容告〔2026〕1号');
  const pages = textOf(doc).split('\f');

  it('has one notice per recipient, each on a page of its own, signed on it', () => {
    expect(doc.head?.number).toBe('锡盟应急容告〔2026〕1号');
    expect(doc.body.filter((b) => b.kind === 'page-break')).toHaveLength(1);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('王强：');
    expect(pages[1]).toContain('锡林浩特市应急管理局：');
    for (const page of pages) {
      expect(page).toContain('锡林郭勒盟应急管理局\n2026年3月12日');
    }
    expect(doc.asOf).toBe('2026-03-12');
  });

  it('states the conclusion with the ground’s citation and text', () => {
    expect(pages[0]).toContain(
      '依据《测试制度》（第一版）第二条第（二）项“因不可抗力未能履职的”之规定，认定你：不予追究行政执法责任。',
    );
    expect(pages[1]).toContain('认定综合行政执法大队执法人员王强：不予追究行政执法责任。');
  });

  it('tells the officer alone the time to object, and each the limit of its notice', () => {
    expect(pages[0]).toContain(
      '可自收到本告知书之次日起十五日内（自然日）向锡林郭勒盟应急管理局党委提出',
    );
    expect(pages[1]).not.toContain('异议');
    expect(pages[0]).toContain(
      '告知期限：依照《测试制度》（第一版）第十四条，自2026年3月12日作出决定之次日起七日内（自然日）告知，至2026年3月19日止。',
    );
    expect(pages[1]).toContain(
      '至2026年3月20日止（第七日2026年3月19日为法定节假日，顺延至其后第一个工作日）',
    );
  });
});
