// Telephone numbers: mobiles, and landlines with or without their area code in brackets.

import { maskDigits } from './masks.ts';
import { numberFinder, numberPattern } from './number-finder.ts';
import { found, matches, type Finder } from './personal-information.ts';

/** 13912345678, 139 1234 5678, 139-1234-5678, +86 13912345678: 139****5678. */
export const findMobiles = numberFinder(
  'phone',
  numberPattern('(?:\\+?86[ -]?)?1[3-9]\\d(?:\\d{8}|[ -]\\d{4}[ -]\\d{4})'),
  () => true,
  (v, d) => maskDigits(v, d.length - 8, 4),
);

/** 0479-8221234, 010 12345678, 04798221234: the area code stays, 0479-***1234. */
export const findLandlines = numberFinder(
  'phone',
  numberPattern('0\\d{2,3}[ -]?\\d{7,8}'),
  () => true,
  (v) => maskDigits(v, areaCodeLength(v), 4),
);

function areaCodeLength(value: string): number {
  const sep = value.search(/[ -]/);
  if (sep > 0) return sep;
  // 010 and 02x are three digits; every other area code four.
  return /^0(?:10|2\d)/.test(value) ? 3 : 4;
}

/** (0479)8221234 and （0479）8221234: an area code in brackets. */
export const findBracketedLandlines: Finder = (text) =>
  [...matches(/[（(]0\d{2,3}[）)]\s?\d{7,8}(?!\d)/gu, text)].map((m) => {
    const close = m[0].search(/[）)]/) + 1;
    return found(
      'phone',
      m.index,
      m[0],
      m[0].slice(0, close) + maskDigits(m[0].slice(close), 0, 4),
    );
  });
