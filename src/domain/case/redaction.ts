// Personal information in Chinese text, found and masked before anything about a case is
// published (第十四条 一般应在一定范围内公开; 个人信息保护法第二十八条: 身份证号 and the like
// are sensitive). One detector serves both ends: it redacts the draft the server composes
// and it checks the text a secretary submits, so an edit cannot bring back what the draft
// hid.
//
// Hand-written rather than taken from a package: the npm libraries that find personal data
// in free text (openredaction, redact-pii and kin) look for English-language formats; the
// Chinese ones validate one number at a time (id-validator, idcard). None finds a name after
// 当事人 or 驾驶员, an address down to the 嘎查, or a 蒙H plate in running text.
//
// Masking errs on the side of hiding: a mistyped 身份证号 (wrong check digit, real birth
// date) is still someone's, and a name cut one character too long hides a character too
// many rather than one too few. What is already anonymised (王某, 王某某) is left alone.

// This module runs the detectors of each kind (in redaction/) and masks what they find.

import { findAddresses } from './redaction/addresses.ts';
import { findBankCards } from './redaction/bank-cards.ts';
import { findEmails } from './redaction/emails.ts';
import { findIdNumbers15, findIdNumbers18 } from './redaction/id-numbers.ts';
import { findPlates } from './redaction/licence-plates.ts';
import { maskName } from './redaction/masks.ts';
import { findCuedNames, findKnownNames } from './redaction/names.ts';
import {
  NO_ONE,
  type Finder,
  type KnownPersons,
  type PersonalInformation,
  type PersonalInformationKind,
} from './redaction/personal-information.ts';
import { findBracketedLandlines, findLandlines, findMobiles } from './redaction/phones.ts';

export { passesLuhn } from './redaction/bank-cards.ts';
export { idCheckCharacter, isIdNumber15, isIdNumber18 } from './redaction/id-numbers.ts';
export { maskName } from './redaction/masks.ts';
export {
  PERSONAL_INFORMATION_LABELS,
  type KnownPersons,
  type PersonalInformation,
  type PersonalInformationKind,
} from './redaction/personal-information.ts';

// The order is the rank: where two finds overlap, the earlier finder's find stays.
const FINDERS: readonly Finder[] = [
  findEmails,
  findIdNumbers18,
  findIdNumbers15,
  findMobiles,
  findBracketedLandlines,
  findLandlines,
  findBankCards,
  findPlates,
  findKnownNames,
  findCuedNames,
  findAddresses,
];

/** The mask of a piece of a find, where another find took the rest of it. */
function remask(info: PersonalInformation, start: number, end: number): PersonalInformation | null {
  const text = info.text.slice(start - info.start, end - info.start);
  if ([...text].length < 2) return null;
  if (info.kind === 'address') return { ...info, start, end, text, masked: '****' };
  if (info.kind === 'name') return { ...info, start, end, text, masked: maskName(text) };
  return null;
}

/**
 * The personal information in a text, in order and without overlaps. Where two finds
 * overlap, the one found by the earlier finder (numbers before names before addresses) or,
 * among equals, the longer one stays; of a name or an address the part left over stays
 * too (当事人王强新华路23号: the name, then the address after it).
 */
export function findPersonalInformation(
  text: string,
  known: KnownPersons = NO_ONE,
): PersonalInformation[] {
  const all = FINDERS.flatMap((finder, rank) =>
    finder(text, known).map((info) => ({ info, rank })),
  ).sort((a, b) => a.rank - b.rank || b.info.end - b.info.start - (a.info.end - a.info.start));
  const kept: PersonalInformation[] = [];
  for (const { info } of all) {
    const overlapping = kept.filter((k) => info.start < k.end && k.start < info.end);
    if (overlapping.length === 0) {
      kept.push(info);
      continue;
    }
    // The longest stretch of the find that no kept find covers.
    const cuts = [info.start, ...overlapping.flatMap((k) => [k.start, k.end]), info.end]
      .map((x) => Math.min(Math.max(x, info.start), info.end))
      .sort((a, b) => a - b);
    let best: [number, number] | null = null;
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [a, b] = [cuts[i]!, cuts[i + 1]!];
      const free = !overlapping.some((k) => a < k.end && k.start < b);
      if (free && b > a && (best === null || b - a > best[1] - best[0])) best = [a, b];
    }
    const rest = best === null ? null : remask(info, best[0], best[1]);
    if (rest !== null) kept.push(rest);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** A mask in the redacted text: where it is, in the redacted text's own offsets. */
export interface Redaction {
  readonly kind: PersonalInformationKind;
  readonly start: number;
  readonly end: number;
  readonly masked: string;
}

export interface RedactedText {
  readonly text: string;
  readonly redactions: readonly Redaction[];
}

/** One pass: each find replaced by its mask. */
function maskOnce(text: string, found: readonly PersonalInformation[]) {
  let out = '';
  let from = 0;
  const masks: Redaction[] = [];
  for (const info of found) {
    out += text.slice(from, info.start);
    masks.push({
      kind: info.kind,
      start: out.length,
      end: out.length + info.masked.length,
      masked: info.masked,
    });
    out += info.masked;
    from = info.end;
  }
  /** Where an offset outside every find moves to. */
  const moved = (offset: number) =>
    offset +
    found
      .filter((f) => f.end <= offset)
      .reduce((shift, f) => shift + f.masked.length - (f.end - f.start), 0);
  return { text: out + text.slice(from), masks, moved };
}

/** Rounds of masking before the text is taken as it is; two suffice for every known case. */
const MAX_ROUNDS = 8;

/**
 * The text with every piece of personal information masked, and where the masks are. A
 * mask can uncover a find that overlapped another (an address run on after a name), so
 * the text is masked again until the detector finds nothing in it.
 */
export function redact(text: string, known: KnownPersons = NO_ONE): RedactedText {
  let current = text;
  let redactions: Redaction[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const found = findPersonalInformation(current, known);
    if (found.length === 0) break;
    const pass = maskOnce(current, found);
    redactions = [
      ...redactions
        .filter((r) => !found.some((f) => r.start < f.end && f.start < r.end))
        .map((r) => ({ ...r, start: pass.moved(r.start), end: pass.moved(r.end) })),
      ...pass.masks,
    ].sort((a, b) => a.start - b.start);
    current = pass.text;
  }
  return { text: current, redactions };
}

/** Where a piece of information is, as a person counts: 第2行第5字. */
export function positionText(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  return `第${line}行第${column}字`;
}
