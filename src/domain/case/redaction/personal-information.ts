// What the detectors of personal information find, and the helpers they share.

export type PersonalInformationKind =
  | 'name'
  | 'id_number'
  | 'phone'
  | 'address'
  | 'bank_card'
  | 'licence_plate'
  | 'email'
  | 'badge_number';

export const PERSONAL_INFORMATION_LABELS: Readonly<Record<PersonalInformationKind, string>> = {
  name: '姓名',
  id_number: '身份证号',
  phone: '电话号码',
  address: '地址',
  bank_card: '银行卡号',
  licence_plate: '车牌号',
  email: '电子邮箱',
  badge_number: '执法证号',
};

/** One piece of personal information in a text: where it is and how it is masked. */
export interface PersonalInformation {
  readonly kind: PersonalInformationKind;
  /** UTF-16 offsets into the text searched, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly masked: string;
}

/** What the text is known to name: the case's people and their numbers. */
export interface KnownPersons {
  /** Names of natural persons (officer, applicant, every account the case names). */
  readonly names: readonly string[];
  /** Other numbers of theirs to hide wherever they appear, e.g. 执法证号. */
  readonly badgeNumbers?: readonly string[];
}

export const NO_ONE: KnownPersons = { names: [] };

/** A detector of one kind (or one form) of personal information. */
export type Finder = (text: string, known: KnownPersons) => PersonalInformation[];

export function found(
  kind: PersonalInformationKind,
  start: number,
  value: string,
  masked: string,
): PersonalInformation {
  return { kind, start, end: start + value.length, text: value, masked };
}

/** Every match of a global pattern, with its offset. */
export function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  const re = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
  );
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}
