import { describe, expect, it } from 'vitest';
import {
  defaultPrefix,
  formatCaseNumber,
  isCaseNumber,
  numberSeries,
  prefixProblem,
  type NumberingUnit,
} from './case-number.ts';

const unit = (
  id: string,
  name: string,
  kind: string,
  caseNumberPrefix: string | null = null,
): NumberingUnit => ({ id, name, kind, policyId: null, caseNumberPrefix });

describe('case numbers', () => {
  it('writes the prefix, the year in 六角括号 and the number without leading zeros', () => {
    expect(formatCaseNumber('锡盟应急容', 2026, 5)).toBe('锡盟应急容〔2026〕5号');
    expect(formatCaseNumber('锡盟应急容', 2026, 120)).toBe('锡盟应急容〔2026〕120号');
  });

  it('reads a number in the new form and the old, and nothing else', () => {
    expect(isCaseNumber('锡盟应急容〔2026〕5号')).toBe(true);
    expect(isCaseNumber('RC-2026-000004')).toBe(true);
    expect(isCaseNumber('锡盟应急容〔2026〕05号')).toBe(false);
    expect(isCaseNumber('0b3f437a-0000-4000-8000-000000000000')).toBe(false);
    expect(isCaseNumber('RC-2026-4')).toBe(false);
  });

  it('numbers in the series of the nearest unit with a prefix', () => {
    const lineage = [
      unit('team', '综合行政执法大队', 'section'),
      unit('county', '锡林浩特市应急管理局', 'county_bureau', '锡市应急容'),
      unit('bureau', '锡林郭勒盟应急管理局', 'bureau', '锡盟应急容'),
    ];
    expect(numberSeries(lineage)).toEqual({
      prefix: '锡市应急容',
      holderId: 'county',
      isDefault: false,
    });
    expect(numberSeries(lineage.slice(2))).toMatchObject({ prefix: '锡盟应急容' });
  });

  it('falls back to the organ’s name and 容 when no unit of the lineage has a prefix', () => {
    const lineage = [
      unit('sec', '执法股', 'section'),
      unit('county', '阿巴嘎旗应急管理局', 'county_bureau'),
      unit('league', '锡林郭勒盟', 'league'),
    ];
    expect(numberSeries(lineage)).toEqual({
      prefix: '阿巴嘎旗应急管理局容',
      holderId: 'county',
      isDefault: true,
    });
    expect(defaultPrefix('一二三四五六七八九十一二三四五六七')).toHaveLength(16);
    expect(prefixProblem(defaultPrefix('名称 〔有〕括号'))).toBeNull();
  });

  it('refuses a prefix with whitespace or 六角括号, or too long', () => {
    expect(prefixProblem('锡盟应急容')).toBeNull();
    for (const bad of ['', '锡盟 应急', '锡盟〔应急〕', '一二三四五六七八九十一二三四五六七'])
      expect(prefixProblem(bad), bad).not.toBeNull();
  });
});
