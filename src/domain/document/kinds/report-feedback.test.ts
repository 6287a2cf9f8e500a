import { describe, expect, it } from 'vitest';
import { buildReportFeedback, type ReportFeedbackInput } from './report-feedback.ts';
import { textOf } from './case-document-fixtures.ts';

const INPUT: ReportFeedbackInput = {
  unitName: '锡林郭勒盟应急管理局',
  reporterName: '马振东',
  reportNumber: '锡盟应急容举〔2026〕2号',
  receivedOn: '2026-03-01',
  channel: 'letter',
  summary: '反映执法人员赵丽在对某加油站检查中发现隐患不予处理',
  finding: 'untrue',
  findingReasons: '经调阅检查记录、现场核查，隐患已当场责令整改并复查销号',
  feedback: {
    givenOn: '2026-04-20',
    channel: 'written',
    content: '经调查核实，您反映的问题不属实。',
    lateReason: null,
  },
  limit: { days: 60, counting: 'calendar', due: '2026-04-30' },
  basis: {
    policyTitle: '锡林郭勒盟应急管理局行政执法尽职免责和容错纠错制度（试行）',
    articles: [{ number: 19, text: '……属实名举报的，按规定向举报人反馈结果……' }],
  },
};

describe('信访举报处理结果反馈函', () => {
  const doc = buildReportFeedback(INPUT, '锡盟应急容复〔2026〕1号');
  const text = textOf(doc);

  it('is headed and numbered by the unit, to the named reporter, dated the day of feedback', () => {
    expect(doc.kind).toBe('report-feedback');
    expect(doc.head).toEqual({
      organMark: '锡林郭勒盟应急管理局',
      number: '锡盟应急容复〔2026〕1号',
    });
    expect(doc.addressee).toBe('马振东');
    expect(doc.signature).toEqual({ organ: '锡林郭勒盟应急管理局', date: '2026-04-20' });
    expect(doc.asOf).toBe('2026-04-20');
  });

  it('names the report by number and day received, and gives the finding with its reasons', () => {
    expect(text).toContain(
      '2026年3月1日，本单位受理您以来信方式反映的问题（编号：锡盟应急容举〔2026〕2号）',
    );
    expect(text).toContain('反映执法人员赵丽在对某加油站检查中发现隐患不予处理。');
    expect(text).toContain(
      '经调查核实，您反映的问题不属实。经调阅检查记录、现场核查，隐患已当场责令整改并复查销号。',
    );
    expect(text).toContain('第十九条的规定');
  });

  it('says the feedback came within the limit, with the limit counted', () => {
    expect(text).toContain(
      '本件反馈期限为六十日（按自然日计算），自2026年3月1日之次日起算，至2026年4月30日届满。处理结果于2026年4月20日在期限内反馈。反馈方式：书面反馈。',
    );
    expect(text).not.toContain('逾期');
  });

  it('says a late feedback was late, and why', () => {
    const late = textOf(
      buildReportFeedback(
        {
          ...INPUT,
          feedback: { ...INPUT.feedback, givenOn: '2026-05-06', lateReason: '需待上级转办材料' },
        },
        null,
      ),
    );
    expect(late).toContain(
      '处理结果于2026年5月6日反馈，已超过反馈期限，逾期原因：需待上级转办材料。',
    );
  });
});
