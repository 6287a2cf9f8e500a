// Counts written in Chinese where a form writes them so (共三项, 第二次, 十五日): the
// numerals of everyday writing (小写), not the 大写 of amounts of money.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/** 0 → 零, 10 → 十, 15 → 十五, 20 → 二十, 105 → 一百零五, 2026 → 二千零二十六. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99_999_999)
    throw new RangeError(`not a count Chinese numerals are written for: ${n}`);
  if (n < 10_000) return belowTenThousand(n, true);
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  const highText = `${belowTenThousand(high, true)}万`;
  if (low === 0) return highText;
  return highText + (low < 1000 ? '零' : '') + belowTenThousand(low, false);
}

function belowTenThousand(n: number, leading: boolean): string {
  if (n === 0) return DIGITS[0]!;
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let text = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[3 - i]!;
    if (d === 0) {
      if (text !== '') pendingZero = true;
      return;
    }
    if (pendingZero) text += DIGITS[0];
    pendingZero = false;
    // 十五, not 一十五, at the head of a number (but 一百一十五 within one).
    text += d === 1 && unit === '十' && text === '' && leading ? unit : DIGITS[d]! + unit;
  });
  return text;
}
