// The benchmark's hand-written baseline: the rules of both built-in policies as direct
// boolean expressions over the facts object, producing the determination contract's
// output (docs/spec/determination.md) for a fully known, valid input. It shares no code
// with the engine. It does no input checking (the engine's `determine()` does): it is
// the tightest honest version of "the same rules written by hand".

import type { Determination, Warning } from '../src/domain/determination/determine.ts';
import type { GroundResult } from '../src/domain/policy/evaluate.ts';
import type { OutcomeCode } from '../src/domain/policy/policy-model.ts';

type Facts = Readonly<Record<string, boolean | null | undefined>>;

export interface HandInput {
  readonly policy: string;
  readonly asOf?: string;
  readonly facts: Facts;
}

const NUMERALS = [
  '',
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
];

/** 第N条第（M）项 for items, 第N条 for conditions; computed once at load time. */
function citationOf(id: string): string {
  const m = /^a(\d+)\.(c?)(\d+)$/.exec(id);
  if (!m) throw new Error(`not an item or condition fact id: ${id}`);
  const article = `第${NUMERALS[Number(m[1])]}条`;
  return m[2] === 'c' ? article : `${article}第（${NUMERALS[Number(m[3])]}）项`;
}

const ids = (prefix: string, n: number): readonly string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

const A4 = ids('a4.c', 3);
const A9 = ids('a9.', 9);
const E_A10 = ids('a10.', 11);
const E_A11 = ids('a11.', 8);
const E_A11C = ids('a11.c', 3);
const E_A12 = ids('a12.', 5);
const E_A13 = ids('a13.c', 2);
const D_A10 = ids('a10.', 8);
const D_A10C = ids('a10.c', 3);
const D_A11 = ids('a11.', 3);
const D_A12 = ids('a12.c', 2);

const CITATION: Readonly<Record<string, string>> = Object.fromEntries(
  [A4, A9, E_A10, E_A11, E_A11C, E_A12, E_A13, D_A10C, D_A12]
    .flat()
    .map((id) => [id, citationOf(id)]),
);

const EMERGENCY_WARNINGS: readonly Warning[] = ['EFFECTIVE_DATE_UNKNOWN'];
const EDUCATION_WARNINGS: readonly Warning[] = [];
const NO_MISSING: readonly string[] = [];
const NO_BASIS: readonly string[] = [];

function trueOf(f: Facts, list: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of list) if (f[id] === true) out.push(id);
  return out;
}

/** Renders a basis; duplicates (conditions of one article) are adjacent in policy order. */
function cite(basis: readonly string[]): string {
  let out = '';
  let last = '';
  for (const id of basis) {
    const c = CITATION[id]!;
    if (c === last) continue;
    out = out === '' ? c : `${out}、${c}`;
    last = c;
  }
  return out;
}

function finish(
  input: HandInput,
  today: string,
  grounds: GroundResult[],
  warnings: readonly Warning[],
): Determination {
  const first = grounds[0];
  const outcome: OutcomeCode = first === undefined ? 'no_ground' : first.code;
  const basis = first === undefined ? NO_BASIS : first.basis;
  return {
    policy: input.policy,
    asOf: input.asOf ?? today,
    status: 'determined',
    outcome,
    basis,
    citation: cite(basis),
    grounds,
    missing: NO_MISSING,
    warnings,
  };
}

function emergency(input: HandInput, today: string): Determination {
  const f = input.facts;
  const grounds: GroundResult[] = [];
  const nt = f['a13.c1'] === true && f['a13.c2'] === true;
  if (nt) grounds.push({ code: 'not_tolerated', basis: E_A13, blocked: false });

  const dd = trueOf(f, A9);
  if (dd.length > 0) grounds.push({ code: 'due_diligence', basis: dd, blocked: nt });

  const nl: string[] = [];
  if (f['a10.1'] === true && f['a10.1.x'] === false) nl.push('a10.1');
  if (f['a10.2'] === true) nl.push('a10.2');
  if (f['a10.3'] === true) nl.push('a10.3');
  if (f['a10.4'] === true && f['a10.4.x'] === false) nl.push('a10.4');
  if (f['a10.5'] === true) nl.push('a10.5');
  if (f['a10.6'] === true && f['a10.6.x'] === false) nl.push('a10.6');
  if (f['a10.7'] === true) nl.push('a10.7');
  if (f['a10.8'] === true) nl.push('a10.8');
  if (f['a10.9'] === true) nl.push('a10.9');
  if (f['a10.10'] === true) nl.push('a10.10');
  if (f['a10.11'] === true) nl.push('a10.11');
  if (nl.length > 0) grounds.push({ code: 'no_liability', basis: nl, blocked: nt });

  if (f['a4.c1'] === true && f['a4.c2'] === true && f['a4.c3'] === true) {
    grounds.push({ code: 'tolerated', basis: A4, blocked: nt });
  }

  const items = trueOf(f, E_A11);
  if (items.length > 0) {
    if (f['a11.c1'] === true && f['a11.c2'] === true && f['a11.c3'] === true) {
      grounds.push({ code: 'exemption', basis: [...items, ...E_A11C], blocked: nt });
    }
    grounds.push({ code: 'mandatory_mitigation', basis: items, blocked: nt });
  }

  const dm = trueOf(f, E_A12);
  if (dm.length > 0) grounds.push({ code: 'discretionary_mitigation', basis: dm, blocked: false });

  return finish(input, today, grounds, EMERGENCY_WARNINGS);
}

function education(input: HandInput, today: string): Determination {
  const f = input.facts;
  const grounds: GroundResult[] = [];
  const nt = f['a12.c1'] === true && f['a12.c2'] === true;
  if (nt) grounds.push({ code: 'not_tolerated', basis: D_A12, blocked: false });

  const dd = trueOf(f, A9);
  if (dd.length > 0) grounds.push({ code: 'due_diligence', basis: dd, blocked: nt });

  if (f['a4.c1'] === true && f['a4.c2'] === true && f['a4.c3'] === true) {
    grounds.push({ code: 'tolerated', basis: A4, blocked: nt });
  }

  const items = trueOf(f, D_A10);
  if (items.length > 0) {
    if (f['a10.c1'] === true && f['a10.c2'] === true && f['a10.c3'] === true) {
      grounds.push({ code: 'exemption', basis: [...items, ...D_A10C], blocked: nt });
    }
    grounds.push({ code: 'mandatory_mitigation', basis: items, blocked: nt });
  }

  const dm = trueOf(f, D_A11);
  if (dm.length > 0) grounds.push({ code: 'discretionary_mitigation', basis: dm, blocked: false });

  return finish(input, today, grounds, EDUCATION_WARNINGS);
}

/** The contract output for a fully known, valid input of one of the two built-in policies. */
export function handWrittenDetermine(input: HandInput, today: string): Determination {
  switch (input.policy) {
    case 'xilingol-emergency-2024':
      return emergency(input, today);
    case 'xilingol-education-2024':
      return education(input, today);
    default:
      throw new Error(`hand-written rules know no policy ${input.policy}`);
  }
}
