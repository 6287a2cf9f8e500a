// Payment card numbers, told from other long numbers by the Luhn check.

import { maskDigits } from './masks.ts';
import { numberFinder, numberPattern } from './number-finder.ts';

/** The Luhn check of payment card numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** 16 to 19 digits, whole or in groups of four, with the Luhn check: 6222 **** **** 0123. */
export const findBankCards = numberFinder(
  'bank_card',
  numberPattern('\\d{16,19}|\\d{4}(?: \\d{4}){3}(?: \\d{1,4})?|\\d{4}(?:-\\d{4}){3}(?:-\\d{1,4})?'),
  (v) => passesLuhn(v.replace(/\D/g, '')),
  (v) => maskDigits(v, 4, 4),
);
