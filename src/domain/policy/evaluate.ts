// The evaluator: a compiled policy and a (partial) fact vector in, the determination
// of the contract out (spec: determination.md, "Grounds and outcome", "Unknown facts").

import type { CompiledPolicy } from './compile-policy.ts';
import { outcomeOfTerminal } from './compile-policy.ts';
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
  const groundValues = policy.grounds.map((g) => evaluateRule(g.rule, values));
  const hasUnknown = values.includes(Tri.Unknown);

  let outcome: OutcomeCode | null;
  let missing: readonly string[] = [];
  if (!hasUnknown) {
    const first = groundValues.indexOf(Tri.True);
    outcome = first === -1 ? 'no_ground' : policy.grounds[first]!.code;
  } else {
    const r = restrictOutcome(policy, values);
    outcome = r.terminal === -1 ? null : outcomeOfTerminal(r.terminal);
    missing = r.missing.map((f) => policy.facts[f]!.id);
  }

  const exclusionIndex = policy.grounds.findIndex((g) => g.code === policy.exclusion.ground);
  const excluded = exclusionIndex !== -1 && groundValues[exclusionIndex] === Tri.True;
  const grounds: GroundResult[] = [];
  let outcomeBasis: readonly string[] = [];
  policy.grounds.forEach((g, i) => {
    if (groundValues[i] !== Tri.True) return;
    const basis = basisIds(policy, g.rule, values);
    const blocked =
      excluded && g.code !== policy.exclusion.ground && !policy.exclusion.survives.includes(g.code);
    grounds.push({ code: g.code, basis, blocked });
    if (g.code === outcome) outcomeBasis = basis;
  });

  return {
    status: outcome === null ? 'undetermined' : 'determined',
    outcome,
    basis: outcomeBasis,
    citation: renderCitation(policy, outcomeBasis),
    grounds,
    missing,
  };
}

function basisIds(
  policy: CompiledPolicy,
  rule: CompiledPolicy['grounds'][number]['rule'],
  values: FactVector,
) {
  const out: number[] = [];
  collectBasis(rule, values, out);
  return [...new Set(out)].sort((a, b) => a - b).map((f) => policy.facts[f]!.id);
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

/** 第十条第（一）项、第十条: item facts as items, condition facts as the article, no repeats. */
export function renderCitation(policy: CompiledPolicy, factIds: readonly string[]): string {
  const parts: string[] = [];
  for (const id of factIds) {
    const c = policy.facts[policy.factIndex.get(id)!]!.citation;
    if (!parts.includes(c)) parts.push(c);
  }
  return parts.join('、');
}

export interface NextQuestion {
  readonly fact: string;
  /** How many facts would still be missing after a "yes" and after a "no". */
  readonly remainingIfTrue: number;
  readonly remainingIfFalse: number;
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
  let best: NextQuestion | null = null;
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
      best = { fact: policy.facts[f]!.id, remainingIfTrue: ifTrue, remainingIfFalse: ifFalse };
      bestKey = key;
    }
  }
  return best;
}
