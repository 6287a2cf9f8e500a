// The masks shared by several detectors: digits kept at the ends, a name's surname kept.

export const star = (n: number) => '*'.repeat(Math.max(n, 1));

/** Keeps `head` and `tail` characters of the digits, hiding the others (separators kept). */
export function maskDigits(text: string, head: number, tail: number): string {
  const total = text.replace(/[^\dXx]/g, '').length;
  let seen = 0;
  let out = '';
  for (const ch of text) {
    if (/[\dXx]/.test(ch)) {
      out += seen < head || seen >= total - tail ? ch : '*';
      seen++;
    } else out += ch;
  }
  return out;
}

const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '呼延',
  '独孤',
  '南宫',
  '西门',
  '万俟',
];

/** 王强 → 王*, 王小明 → 王**, 欧阳娜娜 → 欧阳**: the surname stays. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  const head = COMPOUND_SURNAMES.some((s) => name.trim().startsWith(s)) && chars.length > 2 ? 2 : 1;
  return chars.slice(0, head).join('') + star(chars.length - head);
}
