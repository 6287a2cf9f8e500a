// The probability of each outcome given the answers so far (issue 15): one pass over the
// outcome diagram under independent per-fact probabilities, and the uncertainty (entropy)
// the interview's next question is chosen to reduce. The probabilities are the policy
// file's default (`interview.defaultFactProbability`) unless the caller has better ones.

import { valuesByVariable, type CompiledPolicy } from './compile-policy.ts';
import { restrictWith, Tri } from './decision-diagram.ts';
import { OUTCOME_CODES } from './policy-model.ts';

/** The chance that a fact holds when the policy file states none: true is rarer than false. */
export const DEFAULT_FACT_PROBABILITY = 0.2;

/** Per fact, in policy order: the probability that it holds, before it is answered. */
export type FactProbabilities = ArrayLike<number>;

const defaults = new WeakMap<CompiledPolicy, Float64Array>();

/** The probability a fact holds before any is answered: the policy file's, else 0.2. */
export function defaultFactProbability(policy: CompiledPolicy): number {
  return policy.def.interview?.defaultFactProbability ?? DEFAULT_FACT_PROBABILITY;
}

/** Every fact at the policy's default probability (policy file `interview`, else 0.2). */
export function defaultFactProbabilities(policy: CompiledPolicy): FactProbabilities {
  let probabilities = defaults.get(policy);
  if (probabilities === undefined) {
    const p = defaultFactProbability(policy);
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
  // A node's cost: one question, then the cost of the branch its answer takes. Terminals
  // cost nothing; restricted nodes have ids from n up and come children first.
  const cost: number[] = [];
  const costOf = (id: number): number => (id < d.terminalCount ? 0 : cost[id - n]!);
  const root = restrictWith(d, valuesByVariable(policy, values), (variable, low, high, id) => {
    const p = probabilities[policy.factOfVariable[variable]!]!;
    cost[id - n] = 1 + (1 - p) * costOf(low) + p * costOf(high);
  });
  return costOf(root);
}
