import { describe, expect, it } from 'vitest';
import { articleCitation, chineseNumeral, itemCitation } from './citation.ts';

describe('citations', () => {
  it('writes article and item numbers as legal texts do', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110].map(chineseNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零一',
      '一百一十',
    ]);
    expect(articleCitation(13)).toBe('第十三条');
    expect(itemCitation(10, 11)).toBe('第十条第（十一）项');
  });

  it('refuses numbers it cannot write', () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
  });
});
