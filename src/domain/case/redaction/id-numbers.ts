// 身份证号, 18 digits or the 15 of before 1999 (个人信息保护法第二十八条: sensitive).

import { maskDigits } from './masks.ts';
import { numberFinder, numberPattern } from './number-finder.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643: the ISO 7064 MOD 11-2 check character of an 18-character 身份证号. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ID_WEIGHTS[i]! * Number(first17[i]);
  return ID_CHECK[sum % 11]!;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/**
 * An 18-character 身份证号: a region code, a real birth date (1900-2099), a sequence and
 * a check character. A wrong check character with a real birth date is still taken: it is
 * someone's number mistyped, and hiding it costs nothing.
 */
export function isIdNumber18(value: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const dateOk =
    year >= 1900 &&
    year <= 2099 &&
    isRealDate(year, Number(value.slice(10, 12)), Number(value.slice(12, 14)));
  const checkOk = idCheckCharacter(value.slice(0, 17)) === value[17]!.toUpperCase();
  return dateOk || (checkOk && /^(19|20)/.test(value.slice(6, 10)));
}

/** A 15-digit 身份证号 of before 1999: region, YYMMDD birth date, sequence. */
export function isIdNumber15(value: string): boolean {
  if (!/^[1-9]\d{14}$/.test(value)) return false;
  return isRealDate(
    1900 + Number(value.slice(6, 8)),
    Number(value.slice(8, 10)),
    Number(value.slice(10, 12)),
  );
}

export const findIdNumbers18 = numberFinder(
  'id_number',
  numberPattern('\\d{17}[\\dXx]'),
  isIdNumber18,
  (v) => maskDigits(v, 6, 4),
);

export const findIdNumbers15 = numberFinder(
  'id_number',
  numberPattern('\\d{15}'),
  isIdNumber15,
  (v) => maskDigits(v, 6, 3),
);
