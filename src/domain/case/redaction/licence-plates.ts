// 车牌号 in running text: 蒙H·12345, 京A12345 and the like.

import { star } from './masks.ts';
import { found, matches, type Finder } from './personal-information.ts';

/** 蒙H·12345 → 蒙H·*****: the province and the issuing office stay. */
export function maskPlate(plate: string): string {
  const chars = [...plate];
  const keep = /[·•・.\-\s]/.test(chars[2] ?? '') ? 3 : 2;
  return chars.slice(0, keep).join('') + star(chars.length - keep);
}

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
// 蒙H·12345, 京A12345, 蒙H·D12345 and 京A12345D (new energy), 蒙H1234学.
const PLATE = new RegExp(
  `[${PROVINCES}][A-HJ-NP-Za-hj-np-z][·•・.\\-\\s]?(?:[A-HJ-NP-Za-hj-np-z\\d]{5,6}|[A-HJ-NP-Za-hj-np-z\\d]{4}[学警挂港澳])(?![A-Za-z\\d])`,
  'gu',
);

export const findPlates: Finder = (text) =>
  [...matches(PLATE, text)]
    // Five or six characters after the office letter, with at least three digits: 蒙HA1234
    // is a plate, a word such as 京ABCDE is not.
    .filter((m) => (m[0].slice(2).match(/\d/g)?.length ?? 0) >= 3)
    .map((m) => found('licence_plate', m.index, m[0], maskPlate(m[0])));
