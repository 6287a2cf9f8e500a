import { describe, expect, it } from 'vitest';
import { caseConclusion, provisionOfFact } from './case-document-parts.ts';
import { CASE, CASE_POLICY, noLiability, ORGAN, POLICY, textOf } from './case-document-fixtures.ts';
import { buildInvestigationReport, type InvestigationReportInput } from './investigation-report.ts';

function input(over: Partial<InvestigationReportInput> = {}): InvestigationReportInput {
  const determination = noLiability();
  const ground = determination.explanation.grounds.find((g) => g.code === 'no_liability')!;
  return {
    organ: ORGAN,
    policy: CASE_POLICY,
    case: CASE,
    factsFound: [{ ...provisionOfFact(POLICY, 'a2.2')!, note: '调查笔录在卷' }],
    factsNotHolding: 10,
    assessments: { intent: '无故意或重大过失', conditions: '检测设备故障，无法识别' },
    opinion: {
      conclusion: caseConclusion(POLICY, determination, 'no_liability'),
      summary: determination.explanation.summary,
      reasons: [ground.text],
    },
    reportedOn: '2026-03-10',
    ...over,
  };
}

describe('调查核实报告', () => {
  it('lists the facts found by provision and text, with counts in Chinese', () => {
    const text = textOf(buildInvestigationReport(input(), null));
    expect(text).toContain('认定下列一项情形属实');
    expect(text).toContain('一是符合第二条第（二）项“因不可抗力未能履职的”。（调查笔录在卷）');
    expect(text).toContain('另有十项情形经核实不成立');
  });

  it('has the 综合分析研判表 of the six factors in the article’s order', () => {
    const doc = buildInvestigationReport(input(), null);
    const table = doc.body.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows).toEqual([
      ['一', '主观', '无故意或重大过失'],
      ['二', '客观条件', '检测设备故障，无法识别'],
      ['三', '程序方法', '（尚未研判）'],
      ['四', '性质程度', '（尚未研判）'],
      ['五', '后果影响', '（尚未研判）'],
      ['六', '挽回损失', '（尚未研判）'],
    ]);
    expect(textOf(doc)).toContain('六个方面综合分析研判');
  });

  it('gives the engine’s opinion with the ground’s citation and text, for the deciding body', () => {
    const doc = buildInvestigationReport(input(), null);
    expect(doc.addressee).toBe('锡林郭勒盟应急管理局党委');
    expect(doc.head).toBeNull();
    expect(doc.asOf).toBe('2026-03-10');
    expect(doc.signature).toEqual({ organ: '锡林郭勒盟应急管理局', date: '2026-03-10' });
    expect(textOf(doc)).toContain(
      '综上，依据《测试制度》（第一版）第二条第（二）项“因不可抗力未能履职的”之规定，建议认定为：不予追究行政执法责任。',
    );
  });

  it('says what is still open while the engine cannot decide', () => {
    const open = input({
      opinion: {
        conclusion: null,
        summary: '尚不能作出认定：以下 1 项事实仍可能改变结论。',
        reasons: [],
      },
    });
    const text = textOf(buildInvestigationReport(open, null));
    expect(text).toContain('尚不能作出认定');
    expect(text).not.toContain('建议认定为');
  });
});
