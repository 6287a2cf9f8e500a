// The benchmark's hand-written baseline: the rules of both built-in policies as direct
// boolean expressions over the facts object, producing the determination contract's
// output (docs/spec/determination.md) for a fully known, valid input. It shares no code
// with the engine (the citation of each fact, computed once at load time, comes from the
// spec oracle). It does no input checking (the engine's `determine()` does): it is the
// tightest honest version of "the same rules written by hand".

import type { Determination, Warning } from '../src/domain/determination/determine.ts';
import type { GroundResult } from '../src/domain/policy/evaluate.ts';
import type { OutcomeCode } from '../src/domain/policy/policy-model.ts';
import { citeFact } from '../test/support/spec-oracle.ts';

type Facts = Readonly<Record<string, boolean | null | undefined>>;

export interface HandInput {
  readonly policy: string;
  readonly asOf?: string;
  readonly facts: Facts;
}

const ids = (prefix: string, n: number): readonly string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

const A4 = ids('a4.c', 3);
const A9 = ids('a9.', 9);
const E_A10 = ids('a10.', 11);
const E_A11 = { items: ids('a11.', 8), conditions: ids('a11.c', 3) };
const E_A12 = ids('a12.', 5);
const E_A13 = ids('a13.c', 2);
const D_A10 = { items: ids('a10.', 8), conditions: ids('a10.c', 3) };
const D_A11 = ids('a11.', 3);
const D_A12 = ids('a12.c', 2);

const CITATION: Readonly<Record<string, string>> = Object.fromEntries(
  [A4, A9, E_A10, E_A11.items, E_A11.conditions, E_A12, E_A13, D_A10.conditions, D_A12]
    .flat()
    .map((id) => [id, citeFact(id)]),
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

/** The exclusion, then 履职尽责 (第九条): the first grounds of both policies. */
function excludedOrDiligent(
  f: Facts,
  grounds: GroundResult[],
  excluded: boolean,
  exclusion: readonly string[],
): void {
  if (excluded) grounds.push({ code: 'not_tolerated', basis: exclusion, blocked: false });

  const dd = trueOf(f, A9);
  if (dd.length > 0) grounds.push({ code: 'due_diligence', basis: dd, blocked: excluded });
}

/**
 * The last grounds of both policies: 容错 (第四条), then 免责 and 从轻减轻 on the items of one
 * article (免责 when that article's conditions hold as well), then 酌情从轻减轻.
 */
function toleratedOrMitigated(
  f: Facts,
  grounds: GroundResult[],
  nt: boolean,
  article: { items: readonly string[]; conditions: readonly string[] },
  exempt: boolean,
  discretionary: readonly string[],
): void {
  if (f['a4.c1'] === true && f['a4.c2'] === true && f['a4.c3'] === true) {
    grounds.push({ code: 'tolerated', basis: A4, blocked: nt });
  }

  const items = trueOf(f, article.items);
  if (items.length > 0) {
    if (exempt) {
      grounds.push({ code: 'exemption', basis: [...items, ...article.conditions], blocked: nt });
    }
    grounds.push({ code: 'mandatory_mitigation', basis: items, blocked: nt });
  }

  const dm = trueOf(f, discretionary);
  if (dm.length > 0) grounds.push({ code: 'discretionary_mitigation', basis: dm, blocked: false });
}

// Each policy checks its own conditions by name (a fixed property is the fastest read).

function emergency(input: HandInput, today: string): Determination {
  const f = input.facts;
  const grounds: GroundResult[] = [];
  const nt = f['a13.c1'] === true && f['a13.c2'] === true;
  excludedOrDiligent(f, grounds, nt, E_A13);

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

  const exempt = f['a11.c1'] === true && f['a11.c2'] === true && f['a11.c3'] === true;
  toleratedOrMitigated(f, grounds, nt, E_A11, exempt, E_A12);
  return finish(input, today, grounds, EMERGENCY_WARNINGS);
}

function education(input: HandInput, today: string): Determination {
  const f = input.facts;
  const grounds: GroundResult[] = [];
  const nt = f['a12.c1'] === true && f['a12.c2'] === true;
  excludedOrDiligent(f, grounds, nt, D_A12);
  const exempt = f['a10.c1'] === true && f['a10.c2'] === true && f['a10.c3'] === true;
  toleratedOrMitigated(f, grounds, nt, D_A10, exempt, D_A11);
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
