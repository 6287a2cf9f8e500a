// The evaluator: a compiled policy and a (partial) fact vector in, the determination
// of the contract out (spec: determination.md, "Grounds and outcome", "Unknown facts").

import { factQuestion } from './fact-question.ts';
import type { CompiledPolicy } from './compile-policy.ts';
import { outcomeOfTerminal } from './outcome-diagram.ts';
import { restrict, Tri } from './decision-diagram.ts';
import type { GroundCode, OutcomeCode } from './policy-model.ts';
import { collectBasis, evaluateRule } from './rule.ts';

export interface GroundResult {
  readonly code: GroundCode;
  readonly basis: readonly string[];
  readonly blocked: boolean;
}

export interface Evaluation {
  readonly status: 'determined' | 'undetermined';
  readonly outcome: OutcomeCode | null;
  readonly basis: readonly string[];
  readonly citation: string;
  readonly grounds: readonly GroundResult[];
  readonly missing: readonly string[];
}

/** Fact values indexed by the policy's fact order; absent facts are `Tri.Unknown`. */
export type FactVector = Uint8Array;

export function emptyFactVector(policy: CompiledPolicy): FactVector {
  return new Uint8Array(policy.facts.length).fill(Tri.Unknown);
}

export function evaluate(policy: CompiledPolicy, values: FactVector): Evaluation {
  return values.includes(Tri.Unknown)
    ? evaluatePartial(policy, values)
    : evaluateKnown(policy, values);
}

/** Fully known facts: each ground holds or not, and the outcome is the first that holds. */
function evaluateKnown(policy: CompiledPolicy, values: FactVector): Evaluation {
  const held: HeldGround[] = [];
  let excluded = false;
  for (let i = 0; i < policy.grounds.length; i++) {
    const g = policy.grounds[i]!;
    const basis: number[] = [];
    if (!g.holdsWithBasis(values, basis)) continue;
    if (i === policy.exclusionIndex) excluded = true;
    held.push({ ground: g, basis });
  }
  return assemble(policy, held, excluded, held[0]?.ground.code ?? 'no_ground', NONE);
}

/** Partly known facts: grounds that hold whatever the unknowns are; outcome and `missing` from the diagram. */
function evaluatePartial(policy: CompiledPolicy, values: FactVector): Evaluation {
  const held: HeldGround[] = [];
  let excluded = false;
  for (let i = 0; i < policy.grounds.length; i++) {
    const g = policy.grounds[i]!;
    if (evaluateRule(g.rule, values) !== Tri.True) continue;
    if (i === policy.exclusionIndex) excluded = true;
    const basis: number[] = [];
    collectBasis(g.rule, values, basis);
    held.push({ ground: g, basis });
  }
  const r = restrictOutcome(policy, values);
  const outcome = r.terminal === -1 ? null : outcomeOfTerminal(r.terminal);
  return assemble(
    policy,
    held,
    excluded,
    outcome,
    r.missing.map((f) => policy.facts[f]!.id),
  );
}

interface HeldGround {
  readonly ground: CompiledPolicy['grounds'][number];
  readonly basis: number[];
}

function assemble(
  policy: CompiledPolicy,
  held: readonly HeldGround[],
  excluded: boolean,
  outcome: OutcomeCode | null,
  missing: readonly string[],
): Evaluation {
  const grounds: GroundResult[] = [];
  let basis: readonly string[] = NONE;
  let citation = '';
  for (const { ground, basis: facts } of held) {
    // Ground rules are read-once, so a basis has no repeats; most are in policy order already.
    if (!ground.readsInOrder) facts.sort((a, b) => a - b);
    const ids: string[] = [];
    for (const f of facts) ids.push(policy.facts[f]!.id);
    grounds.push({ code: ground.code, basis: ids, blocked: excluded && ground.blockable });
    if (ground.code === outcome) {
      basis = ids;
      citation = citationOfFacts(policy, facts);
    }
  }
  return {
    status: outcome === null ? 'undetermined' : 'determined',
    outcome,
    basis,
    citation,
    grounds,
    missing,
  };
}

const NONE: readonly string[] = Object.freeze([]);

/** 第十条第（一）项、第十条: item facts as items, condition facts as the article, no repeats. */
export function citationOfFacts(policy: CompiledPolicy, facts: readonly number[]): string {
  let out = '';
  const seen: string[] = [];
  for (const f of facts) {
    const c = policy.facts[f]!.citation;
    if (seen.includes(c)) continue;
    seen.push(c);
    out = out === '' ? c : `${out}、${c}`;
  }
  return out;
}

/** Restricts the outcome diagram to the known facts: the outcome if settled, and exactly the facts it still depends on. */
export function restrictOutcome(
  policy: CompiledPolicy,
  values: FactVector,
): { terminal: number; missing: number[] } {
  const byVariable = new Uint8Array(values.length);
  for (let v = 0; v < byVariable.length; v++) byVariable[v] = values[policy.factOfVariable[v]!]!;
  const r = restrict(policy.outcomeDiagram, byVariable);
  const missing = r.support.map((v) => policy.factOfVariable[v]!).sort((a, b) => a - b);
  return { terminal: r.terminal, missing };
}

export interface NextQuestion {
  readonly fact: string;
  /** How many facts would still be missing after a "yes" and after a "no". */
  readonly remainingIfTrue: number;
  readonly remainingIfFalse: number;
  /** Which part of its article the fact is, and the question as asked (fact-question.ts). */
  readonly label: string;
  readonly question: string;
}

/**
 * Among the missing facts, the one whose answer settles the most: the smallest worst
 * case of facts still missing after it is answered, then the smallest total, then the
 * earliest in policy order. `null` when nothing is missing.
 */
export function suggestNextQuestion(
  policy: CompiledPolicy,
  values: FactVector,
): NextQuestion | null {
  const { missing } = restrictOutcome(policy, values);
  let best: { fact: number; remainingIfTrue: number; remainingIfFalse: number } | null = null;
  let bestKey: [number, number] = [Infinity, Infinity];
  const trial = values.slice();
  for (const f of missing) {
    trial[f] = Tri.True;
    const ifTrue = restrictOutcome(policy, trial).missing.length;
    trial[f] = Tri.False;
    const ifFalse = restrictOutcome(policy, trial).missing.length;
    trial[f] = Tri.Unknown;
    const key: [number, number] = [Math.max(ifTrue, ifFalse), ifTrue + ifFalse];
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = { fact: f, remainingIfTrue: ifTrue, remainingIfFalse: ifFalse };
      bestKey = key;
    }
  }
  if (best === null) return null;
  const fact = policy.facts[best.fact]!;
  return { ...best, fact: fact.id, ...factQuestion(policy, fact) };
}
