// The probability of each outcome given the answers so far (issue 15): one pass over the
// outcome diagram under independent per-fact probabilities, and the uncertainty (entropy)
// the interview's next question is chosen to reduce. The probabilities are the policy
// file's default (`interview.defaultFactProbability`) unless the caller has better ones.

import type { CompiledPolicy } from './compile-policy.ts';
import { Tri } from './decision-diagram.ts';
import { OUTCOME_CODES } from './policy-model.ts';

/** The chance that a fact holds when the policy file states none: true is rarer than false. */
export const DEFAULT_FACT_PROBABILITY = 0.2;

/** Per fact, in policy order: the probability that it holds, before it is answered. */
export type FactProbabilities = ArrayLike<number>;

const defaults = new WeakMap<CompiledPolicy, Float64Array>();

/** Every fact at the policy's default probability (policy file `interview`, else 0.2). */
export function defaultFactProbabilities(policy: CompiledPolicy): FactProbabilities {
  let probabilities = defaults.get(policy);
  if (probabilities === undefined) {
    const p = policy.def.interview?.defaultFactProbability ?? DEFAULT_FACT_PROBABILITY;
    probabilities = new Float64Array(policy.facts.length).fill(p);
    defaults.set(policy, probabilities);
  }
  return probabilities;
}

/** Every fact at probability `p` (benchmarks, tests). */
export function uniformFactProbabilities(policy: CompiledPolicy, p: number): FactProbabilities {
  return new Float64Array(policy.facts.length).fill(p);
}

const OUTCOMES = OUTCOME_CODES.length;

/**
 * The probability of each outcome (indexed as OUTCOME_CODES) given the known facts, the
 * unknown ones holding independently with their probabilities. Children of a diagram node
 * have smaller ids than the node (the builder makes them first), so one ascending pass
 * computes every node's distribution; a variable the diagram skips cannot change the
 * outcome, so skipping it needs no correction.
 */
export function outcomeDistribution(
  policy: CompiledPolicy,
  values: ArrayLike<number>,
  probabilities: FactProbabilities,
  scratch: Float64Array = new Float64Array(policy.outcomeDiagram.variable.length * OUTCOMES),
): Float64Array {
  const d = policy.outcomeDiagram;
  const dist = scratch;
  dist.fill(0, 0, d.terminalCount * OUTCOMES);
  // Terminals 0 and 1 (Boolean) never end an outcome diagram; outcome k is terminal 2 + k.
  for (let t = 2; t < d.terminalCount; t++) dist[t * OUTCOMES + t - 2] = 1;
  for (let node = d.terminalCount; node < d.variable.length; node++) {
    const fact = policy.factOfVariable[d.variable[node]!]!;
    const value = values[fact];
    const lo = d.low[node]! * OUTCOMES;
    const hi = d.high[node]! * OUTCOMES;
    const at = node * OUTCOMES;
    if (value === Tri.False) dist.copyWithin(at, lo, lo + OUTCOMES);
    else if (value === Tri.True) dist.copyWithin(at, hi, hi + OUTCOMES);
    else {
      const p = probabilities[fact]!;
      for (let k = 0; k < OUTCOMES; k++) dist[at + k] = (1 - p) * dist[lo + k]! + p * dist[hi + k]!;
    }
  }
  const root = d.root * OUTCOMES;
  return dist.slice(root, root + OUTCOMES);
}

/** Shannon entropy in bits of a distribution over the outcomes. */
export function entropy(dist: ArrayLike<number>): number {
  let h = 0;
  for (let k = 0; k < dist.length; k++) {
    const q = dist[k]!;
    if (q > 0) h -= q * Math.log2(q);
  }
  return h;
}

/**
 * The uncertainty of the outcome expected to remain once `fact` is answered: the entropy
 * after "yes" and after "no", weighted by their probabilities. `values` is restored.
 */
export function expectedEntropyAfter(
  policy: CompiledPolicy,
  values: Uint8Array,
  fact: number,
  probabilities: FactProbabilities,
  scratch?: Float64Array,
): number {
  const saved = values[fact]!;
  const p = probabilities[fact]!;
  values[fact] = Tri.True;
  const ifTrue = entropy(outcomeDistribution(policy, values, probabilities, scratch));
  values[fact] = Tri.False;
  const ifFalse = entropy(outcomeDistribution(policy, values, probabilities, scratch));
  values[fact] = saved;
  return p * ifTrue + (1 - p) * ifFalse;
}

/**
 * The expected number of questions left if the interview from here asked the facts in
 * the diagram's own order (precedence order: each ground's facts before the next one's):
 * the expected length of the path through the outcome diagram restricted to the known
 * facts and reduced, so a fact that cannot change the answer is never counted. The
 * interview looks one question ahead of this order (evaluate.ts `chooseNextFact`).
 */
export function expectedQuestionsInOrder(
  policy: CompiledPolicy,
  values: ArrayLike<number>,
  probabilities: FactProbabilities,
): number {
  const d = policy.outcomeDiagram;
  const n = d.variable.length;
  const memo = new Int32Array(n).fill(-1);
  const unique = new Map<number, number>();
  // Canonical ids of the restricted diagram: terminals keep theirs, new nodes count up from n.
  const cost: number[] = new Array<number>(d.terminalCount).fill(0);
  const span = 2 * n + 1;
  let next = n;
  const walk = (node: number): number => {
    if (node < d.terminalCount) return node;
    const seen = memo[node]!;
    if (seen !== -1) return seen;
    const fact = policy.factOfVariable[d.variable[node]!]!;
    const value = values[fact];
    let r: number;
    if (value === Tri.False) r = walk(d.low[node]!);
    else if (value === Tri.True) r = walk(d.high[node]!);
    else {
      const lo = walk(d.low[node]!);
      const hi = walk(d.high[node]!);
      if (lo === hi) r = lo;
      else {
        const key = (d.variable[node]! * span + lo) * span + hi;
        const hit = unique.get(key);
        if (hit !== undefined) r = hit;
        else {
          r = next++;
          unique.set(key, r);
          const p = probabilities[fact]!;
          cost[r - n + d.terminalCount] = 1 + (1 - p) * costOf(lo) + p * costOf(hi);
        }
      }
    }
    memo[node] = r;
    return r;
  };
  const costOf = (id: number): number =>
    id < d.terminalCount ? 0 : cost[id - n + d.terminalCount]!;
  return costOf(walk(d.root));
}

/** Where the interview's probabilities come from, for the reader of its reasons. */
export interface EstimatedProbabilities {
  readonly probabilities: FactProbabilities;
  readonly source: 'decided_cases' | 'policy_default';
  /** How many decided cases the estimate read (0 with the policy's default). */
  readonly cases: number;
}

/** Fewer decided cases than this and the policy's default is used (issue 15). */
export const MINIMUM_DECIDED_CASES = 20;
/** The default counts as this many cases in each fact's estimate, so a rare fact is not 0. */
const PRIOR_CASES = 5;

/**
 * Per-fact probabilities from a unit's decided cases (their fact vectors under this policy
 * version): each fact's share of true among the cases that answered it, drawn towards the
 * policy's default by PRIOR_CASES cases' worth, so a fact never seen true keeps a chance.
 * With fewer than MINIMUM_DECIDED_CASES cases, the policy's default alone.
 */
export function probabilitiesFromDecidedCases(
  policy: CompiledPolicy,
  decided: readonly ArrayLike<number>[],
  minimumCases: number = MINIMUM_DECIDED_CASES,
): EstimatedProbabilities {
  const prior = defaultFactProbabilities(policy);
  if (decided.length < minimumCases)
    return { probabilities: prior, source: 'policy_default', cases: 0 };
  const probabilities = new Float64Array(policy.facts.length);
  for (let f = 0; f < probabilities.length; f++) {
    let known = 0;
    let held = 0;
    for (const values of decided) {
      const v = values[f];
      if (v === Tri.Unknown || v === undefined) continue;
      known++;
      if (v === Tri.True) held++;
    }
    probabilities[f] = (held + PRIOR_CASES * prior[f]!) / (known + PRIOR_CASES);
  }
  return { probabilities, source: 'decided_cases', cases: decided.length };
}
