import { describe, expect, it } from 'vitest';
import { buildFollowUpRecord, type FollowUpRecordInput } from './follow-up-record.ts';
import { textOf } from './case-document-fixtures.ts';

const INPUT: FollowUpRecordInput = {
  unitName: '锡林郭勒盟应急管理局',
  officerName: '赵丽',
  caseNumber: '锡盟应急容〔2026〕4号',
  caseTitle: '危险化学品经营许可审查未核实储存设施',
  notifiedOn: '2026-03-02',
  due: '2026-04-14',
  followUps: [
    { checkedOn: '2026-03-10', method: 'phone', findings: '整改按计划推进。', recordedBy: '李娜' },
    {
      checkedOn: '2026-04-01',
      method: 'on_site',
      findings: '核验记录已补齐。',
      recordedBy: '李娜',
    },
  ],
  reports: [{ reportedOn: '2026-03-20', text: '已补齐核验记录。', reportedBy: '赵丽' }],
  closing: {
    closedOn: '2026-04-16',
    result: '经实地核查，各项整改措施均已落实，验收合格',
    causeAnalysis: '许可审查偏重书面材料',
    improvements: '修订审查工作规程',
    closedBy: '李娜',
  },
  basis: {
    policyTitle: '锡林郭勒盟应急管理局行政执法尽职免责和容错纠错制度（试行）',
    articles: [{ number: 18, text: '应当采取适当方式，跟踪了解纠错对象的整改情况。' }],
  },
};

describe('整改情况跟踪记录', () => {
  const doc = buildFollowUpRecord(INPUT, null);
  const text = textOf(doc);

  it('is a record without 版头 or number, dated by its last record', () => {
    expect(doc.kind).toBe('follow-up-record');
    expect(doc.head).toBeNull();
    expect(doc.numberLine).toBeNull();
    expect(doc.asOf).toBe('2026-04-16');
    const open = buildFollowUpRecord({ ...INPUT, closing: null }, null);
    expect(open.asOf).toBe('2026-04-01');
    expect(textOf(open)).toContain('整改尚未验收办结。');
  });

  it('tables the follow-ups: date, method by its label, findings, by whom, counted', () => {
    expect(text).toContain('跟踪了解共两次。');
    const table = doc.body.find((b) => b.kind === 'table' && b.header?.includes('方式'));
    expect(table).toMatchObject({
      header: ['序号', '日期', '方式', '了解情况', '记录人'],
      rows: [
        ['1', '2026年3月10日', '电话了解', '整改按计划推进。', '李娜'],
        ['2', '2026年4月1日', '实地核查', '核验记录已补齐。', '李娜'],
      ],
    });
  });

  it('shows the progress reports and the closing result with the lessons', () => {
    expect(text).toContain('纠错对象报告整改进展共一次。');
    expect(text).toContain('已补齐核验记录。');
    expect(text).toContain('验收日期：2026年4月16日');
    expect(text).toContain('整改结果：经实地核查，各项整改措施均已落实，验收合格。');
    expect(text).toContain('原因分析：许可审查偏重书面材料。');
    expect(text).toContain('第十八条规定：“应当采取适当方式，跟踪了解纠错对象的整改情况。”');
  });
});
