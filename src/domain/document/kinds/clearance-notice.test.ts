import { describe, expect, it } from 'vitest';
import { clearanceNoticeText } from '../../clearance/clearance-notice.ts';
import { buildClearanceNotice, type ClearanceNoticeItem } from './clearance-notice.ts';
import { textOf } from './case-document-fixtures.ts';

const UNIT = '锡林郭勒盟应急管理局';

function decided(officerName: string, decidedOn: string): ClearanceNoticeItem {
  const findings = `${officerName}同志在该次执法检查中依法履职，未收受任何财物。`;
  return {
    unitName: UNIT,
    deciderName: UNIT,
    officerName,
    findings,
    scope: 'system',
    methods: ['meeting', 'written_notice'],
    decidedOn,
    noticeText: clearanceNoticeText({
      unitName: UNIT,
      officerName,
      receivedOn: '2026-01-12',
      finding: 'untrue',
      malice: 'false_accusation',
      decidedCaseNumber: null,
      findings,
      scope: 'system',
      methods: ['meeting', 'written_notice'],
      decidedOn,
      article: 19,
      policyTitle: '锡林郭勒盟应急管理局行政执法尽职免责和容错纠错制度（试行）',
    }),
  };
}

describe('澄清正名通报', () => {
  it('prints the notice as decided: its title, addressee and paragraphs, signed by the unit', () => {
    const doc = buildClearanceNotice(
      { clearances: [decided('王强', '2026-03-01')] },
      '锡盟应急容澄〔2026〕1号',
    );
    expect(doc.kind).toBe('clearance-notice');
    expect(doc.title).toBe('关于为王强同志澄清正名的通报');
    expect(doc.head).toEqual({ organMark: UNIT, number: '锡盟应急容澄〔2026〕1号' });
    expect(doc.addressee).toBe('本系统各单位');
    expect(doc.signature).toEqual({ organ: UNIT, date: '2026-03-01' });
    expect(doc.asOf).toBe('2026-03-01');
    const text = textOf(doc);
    expect(text).toContain('经调查核实，举报反映的问题不属实，属诬告陷害。');
    expect(text).toContain('王强同志在该次执法检查中依法履职，未收受任何财物。');
    expect(text).toContain('决定在本系统范围内，以会议说明、书面通报的方式为王强同志澄清正名');
    expect(text).toContain('特此通报。');
    // The 落款 is the document's, not a paragraph; the text says scope and methods already.
    expect(text).not.toContain('2026年3月1日');
    expect(text).not.toContain('澄清范围：');
  });

  it('adds the findings, scope and methods where a text the unit wrote leaves them out', () => {
    const own = {
      ...decided('王强', '2026-03-01'),
      noticeText:
        '关于为王强同志澄清正名的通报\n\n经研究，为王强同志澄清正名。\n\n锡林郭勒盟应急管理局\n2026年3月1日',
    };
    const doc = buildClearanceNotice({ clearances: [own] }, null);
    expect(doc.addressee).toBeNull();
    const text = textOf(doc);
    expect(text).toContain('经研究，为王强同志澄清正名。');
    expect(text).toContain('澄清的事实和结论：王强同志在该次执法检查中依法履职，未收受任何财物。');
    expect(text).toContain('澄清范围：本系统；澄清方式：会议说明、书面通报。');
  });

  it('puts each officer’s notice on a page of its own, each signed, in one file', () => {
    const doc = buildClearanceNotice(
      { clearances: [decided('王强', '2026-03-01'), decided('赵丽', '2026-03-03')] },
      '锡盟应急容澄〔2026〕2号',
    );
    expect(doc.body.filter((b) => b.kind === 'page-break')).toHaveLength(1);
    const brk = doc.body.findIndex((b) => b.kind === 'page-break');
    expect(doc.body.slice(brk - 2, brk)).toEqual([
      { kind: 'paragraph', text: UNIT, align: 'right' },
      { kind: 'paragraph', text: '2026年3月1日', align: 'right' },
    ]);
    expect(doc.body[brk + 1]).toEqual({
      kind: 'paragraph',
      text: [{ text: '关于为赵丽同志澄清正名的通报', bold: true }],
      align: 'centre',
    });
    expect(doc.body[brk + 2]).toEqual({ kind: 'paragraph', text: '本系统各单位：', indent: false });
    expect(doc.signature).toEqual({ organ: UNIT, date: '2026-03-03' });
    expect(doc.asOf).toBe('2026-03-03');
  });
});
