import { describe, expect, it } from 'vitest';
import { buildWarningNotice, type WarningNoticeInput } from './warning-notice.ts';
import { textOf } from './case-document-fixtures.ts';

const INPUT: WarningNoticeInput = {
  issuerName: '锡林浩特市应急管理局',
  recipients: ['综合行政执法大队'],
  kind: 'same_error_type_in_unit',
  subject: '证据不足',
  unitName: '综合行政执法大队',
  threshold: 3,
  months: 12,
  windowFrom: '2026-01-05',
  windowTo: '2026-03-01',
  raisedOn: '2026-03-01',
  cases: [
    { number: '锡盟应急容〔2026〕3号', unitName: '综合行政执法大队', decidedOn: '2026-01-05' },
    { number: '锡盟应急容〔2026〕9号', unitName: '综合行政执法大队', decidedOn: '2026-02-10' },
    { number: '锡盟应急容〔2026〕12号', unitName: '综合行政执法大队', decidedOn: '2026-03-01' },
  ],
  basis: {
    policyTitle: '锡林郭勒盟应急管理局行政执法尽职免责和容错纠错制度（试行）',
    articles: [
      { number: 18, text: '对同一类问题频繁出现或者同一领域集中出现的易错情形……警示提醒。' },
    ],
  },
};

describe('警示提醒函', () => {
  const doc = buildWarningNotice(INPUT, '锡盟应急容警〔2026〕1号');
  const text = textOf(doc);

  it('is headed and numbered by the issuing unit, to the unit warned, dated the day raised', () => {
    expect(doc.kind).toBe('warning-notice');
    expect(doc.head).toEqual({
      organMark: '锡林浩特市应急管理局',
      number: '锡盟应急容警〔2026〕1号',
    });
    expect(doc.addressee).toBe('综合行政执法大队');
    expect(doc.signature).toEqual({ organ: '锡林浩特市应急管理局', date: '2026-03-01' });
    expect(doc.asOf).toBe('2026-03-01');
  });

  it('counts the recurring error against the rule’s kind, threshold and months, in Chinese', () => {
    expect(text).toContain(
      '经统计，2026年1月5日至2026年3月1日，综合行政执法大队经集体研究作出认定的案件中，“证据不足”类问题出现三次（案件共三件），达到警示规则“同一单位同类错误频繁出现”（十二个月内三次）的警示标准',
    );
  });

  it('lists the cases by number, and cites the article with its text', () => {
    const table = doc.body.find((b) => b.kind === 'table');
    expect(table).toMatchObject({
      rows: [
        ['1', '锡盟应急容〔2026〕3号', '综合行政执法大队', '2026年1月5日'],
        ['2', '锡盟应急容〔2026〕9号', '综合行政执法大队', '2026年2月10日'],
        ['3', '锡盟应急容〔2026〕12号', '综合行政执法大队', '2026年3月1日'],
      ],
    });
    expect(text).toContain('第十八条的规定，现予警示提醒');
    expect(text).toContain('第十八条规定：“对同一类问题频繁出现或者同一领域集中出现的易错情形');
    expect(text).toContain('制定针对性的防范措施');
  });

  it('counts the units of a field’s warning, addressed to each of them', () => {
    const field = buildWarningNotice(
      {
        ...INPUT,
        issuerName: '锡林郭勒盟应急管理局',
        recipients: ['危险化学品安全监督管理科', '综合行政执法大队'],
        kind: 'same_field_across_units',
        subject: '工贸',
        unitName: null,
        threshold: 2,
        months: 6,
        cases: [
          {
            number: '锡盟应急容〔2026〕3号',
            unitName: '综合行政执法大队',
            decidedOn: '2026-01-05',
          },
          {
            number: '锡盟应急容〔2026〕7号',
            unitName: '危险化学品安全监督管理科',
            decidedOn: '2026-03-01',
          },
        ],
      },
      null,
    );
    expect(field.addressee).toBe('危险化学品安全监督管理科、综合行政执法大队');
    expect(textOf(field)).toContain(
      '“工贸”领域有两个单位经集体研究作出认定的案件中出现执法问题（案件共两件），达到警示规则“同一领域多个单位集中出现”（六个月内两个单位）的警示标准',
    );
  });
});
