// Citations in the form legal staff write them: 第十条第（一）项, 第十一条.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numeral for 1..999 as used in article and item numbers (十, 十一, 二十, 一百零一). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`cannot number ${n}`);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = '';
  if (hundreds > 0) out += `${DIGITS[hundreds]}百`;
  if (tens > 0) {
    // 十一, not 一十一, when the number starts with its tens; 一百一十 inside larger numbers.
    out += hundreds === 0 && tens === 1 ? '十' : `${DIGITS[tens]}十`;
  } else if (hundreds > 0 && ones > 0) {
    out += '零';
  }
  if (ones > 0) out += DIGITS[ones];
  return out;
}

export function articleCitation(article: number): string {
  return `第${chineseNumeral(article)}条`;
}

export function itemCitation(article: number, item: number): string {
  return `${articleCitation(article)}第（${chineseNumeral(item)}）项`;
}
