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

const NO_ONE: KnownPersons = { names: [] };

// ---------------------------------------------------------------- numbers and checks

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

// ---------------------------------------------------------------- masks

const star = (n: number) => '*'.repeat(Math.max(n, 1));

/** Keeps `head` and `tail` characters of the digits, hiding the others (separators kept). */
function maskDigits(text: string, head: number, tail: number): string {
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

/** 蒙H·12345 → 蒙H·*****: the province and the issuing office stay. */
function maskPlate(plate: string): string {
  const chars = [...plate];
  const keep = /[·•・.\-\s]/.test(chars[2] ?? '') ? 3 : 2;
  return chars.slice(0, keep).join('') + star(chars.length - keep);
}

/** wang.qiang@example.com → w***@example.com. */
function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return `${email[0] ?? ''}***${email.slice(at)}`;
}

// ---------------------------------------------------------------- finders

type Finder = (text: string, known: KnownPersons) => PersonalInformation[];

function found(
  kind: PersonalInformationKind,
  start: number,
  value: string,
  masked: string,
): PersonalInformation {
  return { kind, start, end: start + value.length, text: value, masked };
}

/** Every match of a global pattern, with its offset. */
function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  const re = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
  );
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}

// Each number finder looks for its own form, not glued to other digits or Latin letters:
// 案号、金额、日期 are digits too, and must stay.
const ALONE_BEFORE = '(?<![\\dA-Za-z+])';
const ALONE_AFTER = '(?![\\dA-Za-z])';
const numberPattern = (body: string) =>
  new RegExp(`${ALONE_BEFORE}(?:${body})${ALONE_AFTER}`, 'gu');

/** A finder of one form of number, checked by `accept`, masked by `mask`. */
function numberFinder(
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

const findIdNumbers18 = numberFinder(
  'id_number',
  numberPattern('\\d{17}[\\dXx]'),
  isIdNumber18,
  (v) => maskDigits(v, 6, 4),
);

const findIdNumbers15 = numberFinder('id_number', numberPattern('\\d{15}'), isIdNumber15, (v) =>
  maskDigits(v, 6, 3),
);

/** 13912345678, 139 1234 5678, 139-1234-5678, +86 13912345678: 139****5678. */
const findMobiles = numberFinder(
  'phone',
  numberPattern('(?:\\+?86[ -]?)?1[3-9]\\d(?:\\d{8}|[ -]\\d{4}[ -]\\d{4})'),
  () => true,
  (v, d) => maskDigits(v, d.length - 8, 4),
);

/** 0479-8221234, 010 12345678, 04798221234: the area code stays, 0479-***1234. */
const findLandlines = numberFinder(
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
const findBracketedLandlines: Finder = (text) =>
  [...matches(/[（(]0\d{2,3}[）)]\s?\d{7,8}(?!\d)/gu, text)].map((m) => {
    const close = m[0].search(/[）)]/) + 1;
    return found(
      'phone',
      m.index,
      m[0],
      m[0].slice(0, close) + maskDigits(m[0].slice(close), 0, 4),
    );
  });

/** 16 to 19 digits, whole or in groups of four, with the Luhn check: 6222 **** **** 0123. */
const findBankCards = numberFinder(
  'bank_card',
  numberPattern('\\d{16,19}|\\d{4}(?: \\d{4}){3}(?: \\d{1,4})?|\\d{4}(?:-\\d{4}){3}(?:-\\d{1,4})?'),
  (v) => passesLuhn(v.replace(/\D/g, '')),
  (v) => maskDigits(v, 4, 4),
);

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
// 蒙H·12345, 京A12345, 蒙H·D12345 and 京A12345D (new energy), 蒙H1234学.
const PLATE = new RegExp(
  `[${PROVINCES}][A-HJ-NP-Za-hj-np-z][·•・.\\-\\s]?(?:[A-HJ-NP-Za-hj-np-z\\d]{5,6}|[A-HJ-NP-Za-hj-np-z\\d]{4}[学警挂港澳])(?![A-Za-z\\d])`,
  'gu',
);

const findPlates: Finder = (text) =>
  [...matches(PLATE, text)]
    // Five or six characters after the office letter, with at least three digits: 蒙HA1234
    // is a plate, a word such as 京ABCDE is not.
    .filter((m) => (m[0].slice(2).match(/\d/g)?.length ?? 0) >= 3)
    .map((m) => found('licence_plate', m.index, m[0], maskPlate(m[0])));

const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gu;

const findEmails: Finder = (text) =>
  [...matches(EMAIL, text)].map((m) => found('email', m.index, m[0], maskEmail(m[0])));

// ---------------------------------------------------------------- names

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The names the case knows, wherever they appear. */
const findKnownNames: Finder = (text, known) => {
  const names = [...new Set(known.names.map((n) => n.trim()).filter((n) => [...n].length >= 2))]
    // Longer first, so 王小明 is found whole before 王小.
    .sort((a, b) => b.length - a.length);
  const out: PersonalInformation[] = [];
  for (const name of names)
    for (const m of matches(new RegExp(escape(name), 'gu'), text))
      out.push(found('name', m.index, m[0], maskName(m[0])));
  const numbers = (known.badgeNumbers ?? []).map((b) => b.trim()).filter((b) => b.length >= 4);
  for (const badge of numbers)
    for (const m of matches(new RegExp(escape(badge), 'gu'), text))
      out.push(found('badge_number', m.index, m[0], star(m[0].length)));
  return out;
};

/** Words that name a person's role and are followed by the person's name. */
const NAME_CUES = [
  '法定代表人',
  '实际控制人',
  '当事人',
  '负责人',
  '经营者',
  '经营户',
  '申请人',
  '举报人',
  '投诉人',
  '被检查人',
  '联系人',
  '驾驶员',
  '驾驶人',
  '户主',
  '业主',
  '车主',
  '店主',
  '站长',
  '店长',
  '厂长',
  '矿长',
  '经理',
  '老板',
  '姓名',
];

/**
 * Characters that do not begin a name after a cue, nor continue one: particles, verbs and
 * adverbs that follow a role word in an enforcement text (当事人对…, 负责人未到场).
 */
const NOT_NAME =
  '的之在于对向从将把被已未不没无均都也亦仍还曾应可须需要能会称说表承提签所自本等及和与或该此各每系是为经因由即并且而就才又再同拒擅违私故逾到至以让使请予受给次处驾开停运送、';

/** Words that follow a cue and are no name: 当事人陈述, 负责人姓名, 经营者信息. */
const NOT_NAME_WORDS =
  /^(?:陈述|申辩|签字|签名|到场|拒绝|同意|认可|表示|承认|提出|提供|确认|意见|要求|信息|身份|电话|住址|地址|联系|情况|证件|姓名|家属|本人|名称|单位|公司|企业|部门|人员|一方|双方|权利|义务|责任|资格|合法|损失|权益|行为|违法|过错|其他|其中|其余|其所|隐去|不详|未知)/u;

const NAME_AFTER_CUE = new RegExp(
  `(?:${NAME_CUES.join('|')})(?=((?:为|是)?[:：\\s]?)((?:(?![${NOT_NAME}])\\p{Script=Han}){2,4}))`,
  'gu',
);

/** Names after 当事人、负责人、驾驶员、姓名： and the like. 王某、王某某 are left as they are. */
const findCuedNames: Finder = (text) => {
  const out: PersonalInformation[] = [];
  for (const m of matches(NAME_AFTER_CUE, text)) {
    const start = m.index + m[0].length + m[1]!.length;
    let name = m[2]!;
    // A name is two or three characters unless a list, a bracket or the sentence ends it
    // (巴特尔, 其木格 are three; a run of four stops at three unless it stands whole).
    const after = text[start + name.length] ?? '';
    if (name.length === 4 && !/^[，。、；;,.\s（()）]?$/u.test(after)) name = name.slice(0, 3);
    // 王某、王某某 are anonymised already, 欧阳** masked already.
    if (name.includes('某') || after === '*' || NOT_NAME_WORDS.test(name)) continue;
    out.push(found('name', start, name, maskName(name)));
  }
  return out;
};

// ---------------------------------------------------------------- addresses

// Stop characters cannot begin a place name: 在锡林浩特市… starts at 锡.
const PLACE_CHAR =
  '(?:(?![在于的到至往从向对了是为将把被及或等其该此我你他她们系经由到位住])[\\p{Script=Han}\\d])';
const AREA = `${PLACE_CHAR}{2,10}?(?:自治区|自治州|地区|省|盟|市|旗|县|区)`;
const PLACE = `${PLACE_CHAR}{2,10}?(?:苏木|嘎查|街道|社区|小区|胡同|大街|镇|乡|村|路|街|巷)`;
const NUMBERED = '\\d+(?:-\\d+)?(?:号院|号楼|号|栋|幢|楼|单元|层|室|户|组)';
const ADDRESS_CUE = '(?:住址|住所|地址|户籍地|家住|住在|居住在|位于|现住)[:：]?';
const ADDRESS = new RegExp(
  `(?<cue>${ADDRESS_CUE})?(?<area>(?:${AREA})*)(?<fine>(?:${PLACE}|${NUMBERED})+)`,
  'gu',
);

/**
 * Addresses: what lies below the 旗县 level (苏木、镇、乡、嘎查、村、街道、路、号、楼、单元、室)
 * is masked, the administrative area above it kept. A chain of place names alone (农村道路)
 * is no address unless an area, an address cue or a house number makes it one.
 */
const findAddresses: Finder = (text) => {
  const out: PersonalInformation[] = [];
  for (const m of matches(ADDRESS, text)) {
    const { cue = '', area = '', fine = '' } = m.groups ?? {};
    const numbered = new RegExp(`${NUMBERED}$`, 'u').test(fine);
    const places = [...matches(new RegExp(`${PLACE}|${NUMBERED}`, 'gu'), fine)].length;
    if (!(cue !== '' || area !== '' || (numbered && places >= 2))) continue;
    const start = m.index + cue.length + area.length;
    out.push(found('address', start, fine, '****'));
  }
  return out;
};

// ---------------------------------------------------------------- the detector

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
