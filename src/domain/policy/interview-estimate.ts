// Where the interview's chances come from (issue 15). A unit that has decided enough cases
// under a regime orders its questions by how its own cases were found: each fact's share
// of "holds" among the decided cases that answered it. Until then, the policy file's
// default. Either way the reader is told which, since the order of questions is advice
// and an investigator may wonder why one item comes before another.

import type { CompiledPolicy } from './compile-policy.ts';
import {
  defaultFactProbability,
  defaultFactProbabilities,
  type FactProbabilities,
} from './outcome-probability.ts';

/** Fewer decided cases than this (unless the policy file says otherwise) and the default is used. */
export const MINIMUM_DECIDED_CASES = 20;

/**
 * The default counts as this many cases in each fact's estimate: a fact never found true in
 * a unit keeps a chance, and a fact answered in few cases stays near the default.
 */
export const PRIOR_CASES = 5;

/** A unit's (most recent) decided cases under one regime, as the store counts them. */
export interface DecidedFactCounts {
  readonly decidedCases: number;
  /** Per fact id: in how many decided cases it was answered, and in how many it held. */
  readonly facts: ReadonlyMap<string, { readonly known: number; readonly held: number }>;
}

/** The chances the interview orders its questions by, and where they come from. */
export interface InterviewEstimate {
  readonly probabilities: FactProbabilities;
  readonly source: 'unit_decided_cases' | 'policy_default';
  /** The unit's decided cases under the regime; null when no unit is in view (POST /evaluate). */
  readonly decidedCases: number | null;
  /** The same in Chinese, for the reader of the question's reason. */
  readonly note: string;
}

const percent = (p: number) => `${Math.round(p * 1000) / 10}%`;

const defaults = new WeakMap<CompiledPolicy, InterviewEstimate>();

/** The policy file's default for every fact, with no unit in view. */
export function policyDefaultEstimate(policy: CompiledPolicy): InterviewEstimate {
  let estimate = defaults.get(policy);
  if (estimate === undefined) {
    estimate = {
      probabilities: defaultFactProbabilities(policy),
      source: 'policy_default',
      decidedCases: null,
      note: `各事实成立的概率按政策文件的默认值（${percent(defaultFactProbability(policy))}）估计`,
    };
    defaults.set(policy, estimate);
  }
  return estimate;
}

/** How many decided cases a unit needs before its own are used (policy file, else 20). */
export function minimumDecidedCases(policy: CompiledPolicy): number {
  return policy.def.interview?.minimumDecidedCases ?? MINIMUM_DECIDED_CASES;
}

/**
 * The estimate from a unit's decided cases: each fact's share of "holds" among the cases
 * that answered it, drawn towards the policy's default by PRIOR_CASES cases' worth. With
 * fewer than `minimum` decided cases, the default, and the note says how many there are.
 */
export function estimateFromDecidedCases(
  policy: CompiledPolicy,
  counts: DecidedFactCounts,
  minimum: number = minimumDecidedCases(policy),
): InterviewEstimate {
  const n = counts.decidedCases;
  const fallback = defaultFactProbability(policy);
  if (n < minimum)
    return {
      probabilities: defaultFactProbabilities(policy),
      source: 'policy_default',
      decidedCases: n,
      note:
        `本单位依本制度已决定的案件 ${n} 件，不足 ${minimum} 件，` +
        `各事实成立的概率按政策文件的默认值（${percent(fallback)}）估计`,
    };
  const prior = defaultFactProbabilities(policy);
  const probabilities = new Float64Array(policy.facts.length);
  policy.facts.forEach((fact, f) => {
    const seen = counts.facts.get(fact.id) ?? { known: 0, held: 0 };
    probabilities[f] = (seen.held + PRIOR_CASES * prior[f]!) / (seen.known + PRIOR_CASES);
  });
  return {
    probabilities,
    source: 'unit_decided_cases',
    decidedCases: n,
    note: `各事实成立的概率按本单位依本制度最近已决定的 ${n} 件案件中各事实的认定情况估计`,
  };
}
