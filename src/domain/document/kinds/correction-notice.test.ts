import { describe, expect, it } from 'vitest';
import { buildCorrectionNotice, type CorrectionNoticeInput } from './correction-notice.ts';
import { textOf } from './case-document-fixtures.ts';

const INPUT: CorrectionNoticeInput = {
  unitName: '锡林郭勒盟应急管理局',
  officerName: '赵丽',
  caseNumber: '锡盟应急容〔2026〕4号',
  caseTitle: '危险化学品运输车辆检查未核验押运人员资格',
  reason: '执法检查中对企业提交材料的真实性核验不到位',
  items: ['对照检查规程补齐核验记录', '组织科室人员开展专题学习', '建立第三方报告抽查复核机制'],
  requirements: '限期完成整改，并书面报告整改情况',
  responsible: '危险化学品安全监督管理科',
  days: 7,
  counting: 'calendar',
  notifiedOn: '2026-09-30',
  due: '2026-10-08',
  extendedFrom: '2026-10-07',
  restDay: 'holiday',
  extensionAllowed: true,
  basis: {
    policyTitle: '锡林郭勒盟应急管理局行政执法尽职免责和容错纠错制度（试行）',
    articles: [
      { number: 16, text: '坚持有错必纠、有过必改……应当及时启动纠错程序。' },
      { number: 17, text: '应向尽职免责、容错免责对象说明纠错事由……可以申请适当延长整改期限。' },
    ],
  },
};

describe('纠错通知书', () => {
  const doc = buildCorrectionNotice(INPUT, '锡盟应急容纠〔2026〕3号');
  const text = textOf(doc);

  it('is headed by the unit with its number, to the officer, dated the day of the notice', () => {
    expect(doc.kind).toBe('correction-notice');
    expect(doc.head).toEqual({
      organMark: '锡林郭勒盟应急管理局',
      number: '锡盟应急容纠〔2026〕3号',
    });
    expect(doc.addressee).toBe('赵丽同志');
    expect(doc.signature).toEqual({ organ: '锡林郭勒盟应急管理局', date: '2026-09-30' });
    expect(doc.asOf).toBe('2026-09-30');
  });

  it('states the reason, the items numbered and counted, the requirements and who is responsible', () => {
    expect(text).toContain('执法检查中对企业提交材料的真实性核验不到位。');
    expect(text).toContain('纠错事项共三项');
    const table = doc.body.find((b) => b.kind === 'table');
    expect(table).toMatchObject({
      header: ['序号', '纠错事项'],
      rows: [
        ['1', '对照检查规程补齐核验记录'],
        ['2', '组织科室人员开展专题学习'],
        ['3', '建立第三方报告抽查复核机制'],
      ],
    });
    expect(text).toContain('限期完成整改，并书面报告整改情况。');
    expect(text).toContain('危险化学品安全监督管理科。');
  });

  it('gives the deadline with its days, its counting, its due date and the move off a holiday', () => {
    expect(text).toContain(
      '整改期限为七日（按自然日计算），自2026年9月30日之次日起算，期限的最后一日（2026年10月7日）为法定节假日，顺延至2026年10月8日届满。',
    );
    expect(text).toContain('依照第十七条的规定申请适当延长整改期限');
  });

  it('cites the articles with their text', () => {
    expect(text).toContain('第十六条、第十七条的规定');
    expect(text).toContain(
      '《锡林郭勒盟应急管理局行政执法尽职免责和容错纠错制度（试行）》第十七条规定：“应向尽职免责、容错免责对象说明纠错事由',
    );
  });

  it('says nothing of a move when the due date was a working day, nor of an extension a regime does not allow', () => {
    const plain = textOf(
      buildCorrectionNotice(
        {
          ...INPUT,
          days: 30,
          counting: 'working',
          notifiedOn: '2026-03-02',
          due: '2026-04-14',
          extendedFrom: null,
          restDay: null,
          extensionAllowed: false,
        },
        null,
      ),
    );
    expect(plain).toContain(
      '三十个工作日（按工作日计算），自2026年3月2日之次日起算，至2026年4月14日届满。',
    );
    expect(plain).not.toContain('顺延');
    expect(plain).not.toContain('可以在期限届满前');
  });
});
