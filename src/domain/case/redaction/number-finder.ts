import {
  found,
  matches,
  type Finder,
  type PersonalInformationKind,
} from './personal-information.ts';

// Each number finder looks for its own form, not glued to other digits or Latin letters:
// 案号、金额、日期 are digits too, and must stay.
const ALONE_BEFORE = '(?<![\\dA-Za-z+])';
const ALONE_AFTER = '(?![\\dA-Za-z])';
export const numberPattern = (body: string) =>
  new RegExp(`${ALONE_BEFORE}(?:${body})${ALONE_AFTER}`, 'gu');

/** A finder of one form of number, checked by `accept`, masked by `mask`. */
export function numberFinder(
  kind: PersonalInformationKind,
  pattern: RegExp,
  accept: (value: string) => boolean,
  mask: (value: string, digits: string) => string,
): Finder {
  return (text) =>
    [...matches(pattern, text)]
      .filter((m) => accept(m[0]))
      .map((m) => found(kind, m.index, m[0], mask(m[0], m[0].replace(/\D/g, ''))));
}
