import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findPersonalInformation,
  idCheckCharacter,
  isIdNumber15,
  isIdNumber18,
  maskName,
  passesLuhn,
  positionText,
  redact,
} from './redaction.ts';

const masked = (text: string, names: string[] = []) => redact(text, { names }).text;
const kinds = (text: string, names: string[] = []) =>
  findPersonalInformation(text, { names }).map((f) => f.kind);

describe('each kind of personal information, masked recognisably', () => {
  it('身份证号: 18 digits, the check digit or a real birth date; 15-digit old ones', () => {
    // The example: a real birth date, a check digit mistyped (it should be 6).
    expect(masked('身份证号152501198805061234。')).toBe('身份证号152501********1234。');
    const valid = `15250119880506123${idCheckCharacter('15250119880506123')}`;
    expect(isIdNumber18(valid)).toBe(true);
    expect(masked(`证件${valid}`)).toBe('证件152501********1236');
    expect(masked('11010519491231002X号')).toBe('110105********002X号');
    expect(masked('旧证152501880506123')).toBe('旧证152501******123');
    expect(isIdNumber15('152501881306123')).toBe(false); // month 13
    // Neither a check digit nor a birth date: not an 身份证号.
    expect(isIdNumber18('152501123456789012')).toBe(false);
  });

  it('phone numbers: mobile in any spacing, landlines with their area code', () => {
    expect(masked('电话13912345678')).toBe('电话139****5678');
    expect(masked('电话 139 1234 5678，或139-1234-5678')).toBe(
      '电话 139 **** 5678，或139-****-5678',
    );
    expect(masked('+86 13912345678')).toBe('+86 139****5678');
    expect(masked('座机0479-8221234')).toBe('座机0479-***1234');
    expect(masked('座机（0479）8221234')).toBe('座机（0479）***1234');
    expect(masked('座机010-12345678')).toBe('座机010-****5678');
  });

  it('names: every account the case knows, and names after the usual cues', () => {
    expect(masked('执法人员王强、赵丽到场', ['王强', '赵丽'])).toBe('执法人员王*、赵*到场');
    expect(masked('当事人张三丰驾驶车辆')).toBe('当事人张**驾驶车辆');
    expect(masked('负责人：李明，经营者为刘小红。')).toBe('负责人：李*，经营者为刘**。');
    expect(masked('法定代表人巴特尔。')).toBe('法定代表人巴**。');
    expect(masked('驾驶员孙浩驾车')).toBe('驾驶员孙*驾车');
    expect(masked('户主其木格，')).toBe('户主其**，');
    expect(masked('负责人姓名：欧阳娜娜。')).toBe('负责人姓名：欧阳**。');
    expect(maskName('王强')).toBe('王*');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
  });

  it('leaves names already anonymised, and what follows a cue that is no name', () => {
    for (const text of [
      '当事人王某某称',
      '当事人王某对处罚无异议',
      '当事人对处罚决定不服，负责人未到场',
      '当事人陈述申辩，负责人签字确认',
      '经营者擅自恢复生产',
    ])
      expect(masked(text), text).toBe(text);
  });

  it('addresses: the area down to the 旗县 kept, the rest masked', () => {
    expect(masked('住址：锡林浩特市宝力根苏木巴彦宝力格嘎查，')).toBe('住址：锡林浩特市****，');
    expect(masked('在内蒙古自治区锡林郭勒盟正蓝旗上都镇检查')).toBe(
      '在内蒙古自治区锡林郭勒盟正蓝旗****检查',
    );
    expect(masked('家住新华路23号3号楼2单元501室。')).toBe('家住****。');
    expect(masked('位于二连浩特市团结路18号')).toBe('位于二连浩特市****');
  });

  it('bank card numbers with the Luhn check, whole or in groups of four', () => {
    expect(passesLuhn('6222021234567890128')).toBe(true);
    expect(masked('账号6222021234567890128')).toBe('账号6222***********0128');
    expect(masked('卡号 6222 0212 3456 7890 128')).toBe('卡号 6222 **** **** ***0 128');
    // Sixteen digits that fail the check are no card.
    expect(kinds('编号6222021234567891')).toEqual([]);
  });

  it('licence plates: 蒙H·12345, 京A12345, six-character new-energy plates', () => {
    expect(masked('车牌蒙H·12345的货车')).toBe('车牌蒙H·*****的货车');
    expect(masked('京A12345')).toBe('京A*****');
    expect(masked('蒙HD12345、京A12345D')).toBe('蒙H******、京A******');
    expect(masked('蒙H 1234学')).toBe('蒙H *****');
  });

  it('e-mail addresses', () => {
    expect(masked('邮箱 wang.qiang@example.com。')).toBe('邮箱 w***@example.com。');
  });

  it('names the kind and the place of each find', () => {
    const found = findPersonalInformation('公示\n当事人王五，电话13912345678');
    expect(
      found.map((f) => [f.kind, positionText('公示\n当事人王五，电话13912345678', f.start)]),
    ).toEqual([
      ['name', '第2行第4字'],
      ['phone', '第2行第9字'],
    ]);
  });
});

describe('what must stay untouched', () => {
  it.each([
    '依据第十四条第（一）项、第十条第（三）项，',
    '第十四条 一般应在一定范围内公开',
    '2026年3月5日研究决定，公示期2026-03-05至2026-03-12。',
    '罚款5000元，没收违法所得12,345.67元，涉案金额1234567890元。',
    '案号锡盟应急容〔2026〕3号，原案号RC-2026-000005，文号锡应急罚〔2025〕12号。',
    '锡林郭勒盟应急管理局执法监督科、锡林浩特市应急管理局综合行政执法大队',
    '本人审查某化工公司危险化学品经营许可延续申请，后查明报告数据系企业伪造。',
    '农村道路安全检查，办公室，危险化学品安全监督管理科',
    '《锡林郭勒盟应急管理系统行政执法尽职免责和容错纠错办法》',
    '当事人损失已全部挽回，执法人员无法识别。',
  ])('%s', (text) => {
    expect(findPersonalInformation(text)).toEqual([]);
  });
});

describe('redact', () => {
  it('says where each mask is in the redacted text', () => {
    const { text, redactions } = redact('当事人王强，电话13912345678', { names: ['王强'] });
    expect(text).toBe('当事人王*，电话139****5678');
    for (const r of redactions) expect(text.slice(r.start, r.end)).toBe(r.masked);
    expect(redactions.map((r) => r.kind)).toEqual(['name', 'phone']);
  });

  it('leaves nothing the detector would find again (a redacted text passes the check)', () => {
    const pieces = fc.constantFrom(
      '当事人王强',
      '13912345678',
      '152501198805061234',
      '0479-8221234',
      '锡林浩特市宝力根苏木巴彦宝力格嘎查',
      '新华路23号3号楼',
      '6222021234567890128',
      '蒙H·12345',
      ' a.b@example.com ',
      '，',
      '。',
      '检查',
      '第十四条',
      '2026年3月5日',
      '负责人',
      '驾驶员',
      '住址：',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const known = { names: ['王强'] };
        const { text } = redact(parts.join(''), known);
        expect(findPersonalInformation(text, known)).toEqual([]);
      }),
    );
  });
});
