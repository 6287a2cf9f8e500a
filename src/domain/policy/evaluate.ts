// The evaluator: a compiled policy and a (partial) fact vector in, the determination
// of the contract out (spec: determination.md, "Grounds and outcome", "Unknown facts").

import { articleCitation } from './citation.ts';
import { factQuestion } from './fact-question.ts';
import { valuesByVariable, type CompiledPolicy } from './compile-policy.ts';
import { outcomeOfTerminal } from './outcome-diagram.ts';
import { policyDefaultEstimate, type InterviewEstimate } from './interview-estimate.ts';
import {
  expectedEntropyAfter,
  expectedQuestionsInOrder,
  type FactProbabilities,
} from './outcome-probability.ts';
import { restrict, Tri } from './decision-diagram.ts';
import { GROUND_LABELS, OUTCOME_CODES, type GroundCode, type OutcomeCode } from './policy-model.ts';
import { collectBasis, evaluateRule, factsOf } from './rule.ts';

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
  const r = restrict(policy.outcomeDiagram, valuesByVariable(policy, values));
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
  /** Why it is asked now, in Chinese: 如属实，即可认定不予容错. */
  readonly reason: string;
  /** The outcome a "yes" settles, and the one a "no" settles; null when the answer leaves it open. */
  readonly settlesIfTrue: OutcomeCode | null;
  readonly settlesIfFalse: OutcomeCode | null;
  /** Where the chances that ordered the question come from (interview-estimate.ts). */
  readonly probabilities: Pick<InterviewEstimate, 'source' | 'decidedCases' | 'note'>;
}

/**
 * The interview's next question (issue 15), always one of the missing facts, so a fact
 * that cannot change the answer is never asked:
 * 1. while the exclusion (不予容错) is live, one of its facts: its truth decides everything,
 *    and every other outcome needs it ruled out first;
 * 2. otherwise the fact after whose answer the fewest further questions are expected, under
 *    the facts' probabilities (the policy's default unless the unit's decided cases give
 *    an estimate, interview-estimate.ts), counting the questions
 *    that would follow in precedence order (outcome-probability.ts `expectedQuestionsInOrder`);
 * 3. among equals, the fact whose answer leaves the least expected uncertainty (entropy) of
 *    the outcome; then the earlier in policy order.
 * `null` when nothing is missing.
 */
export function suggestNextQuestion(
  policy: CompiledPolicy,
  values: FactVector,
  estimate: InterviewEstimate = policyDefaultEstimate(policy),
): NextQuestion | null {
  const fact = chooseNextFact(policy, values, estimate.probabilities);
  if (fact === -1) return null;
  const trial = values.slice();
  trial[fact] = Tri.True;
  const ifTrue = restrictOutcome(policy, trial);
  trial[fact] = Tri.False;
  const ifFalse = restrictOutcome(policy, trial);
  const settlesIfTrue = ifTrue.terminal === -1 ? null : outcomeOfTerminal(ifTrue.terminal);
  const settlesIfFalse = ifFalse.terminal === -1 ? null : outcomeOfTerminal(ifFalse.terminal);
  const info = policy.facts[fact]!;
  return {
    fact: info.id,
    remainingIfTrue: ifTrue.missing.length,
    remainingIfFalse: ifFalse.missing.length,
    ...factQuestion(policy, info),
    reason: reasonOf(policy, fact, settlesIfTrue, settlesIfFalse),
    settlesIfTrue,
    settlesIfFalse,
    probabilities: {
      source: estimate.source,
      decidedCases: estimate.decidedCases,
      note: estimate.note,
    },
  };
}

/** The index of the fact to ask next (see suggestNextQuestion), or -1 when nothing is missing. */
export function chooseNextFact(
  policy: CompiledPolicy,
  values: FactVector,
  probabilities: FactProbabilities,
): number {
  const { missing } = restrictOutcome(policy, values);
  if (missing.length <= 1) return missing[0] ?? -1;
  const live = liveExclusionFacts(policy, values, missing);
  const candidates = live.length > 0 ? live : missing;
  if (candidates.length === 1) return candidates[0]!;
  const trial = values.slice();
  const scratch = new Float64Array(policy.outcomeDiagram.variable.length * OUTCOME_CODES.length);
  let best = -1;
  let bestQuestions = Infinity;
  let bestEntropy = Infinity;
  // Candidates come in policy order: an equal value (to rounding) keeps the earlier fact.
  for (const f of candidates) {
    const p = probabilities[f]!;
    trial[f] = Tri.True;
    const ifTrue = expectedQuestionsInOrder(policy, trial, probabilities);
    trial[f] = Tri.False;
    const ifFalse = expectedQuestionsInOrder(policy, trial, probabilities);
    trial[f] = Tri.Unknown;
    const questions = p * ifTrue + (1 - p) * ifFalse;
    if (questions > bestQuestions + EPSILON) continue;
    const h = expectedEntropyAfter(policy, trial, f, probabilities, scratch);
    if (questions < bestQuestions - EPSILON || h < bestEntropy - EPSILON) {
      best = f;
      bestQuestions = Math.min(questions, bestQuestions);
      bestEntropy = h;
    }
  }
  return best;
}

/** Expected values closer than this are equal (they differ only by rounding). */
const EPSILON = 1e-9;

/** The exclusion's missing facts while its ground is still open, in policy order. */
function liveExclusionFacts(
  policy: CompiledPolicy,
  values: FactVector,
  missing: readonly number[],
): number[] {
  const exclusion = policy.grounds[policy.exclusionIndex];
  if (exclusion === undefined || evaluateRule(exclusion.rule, values) !== Tri.Unknown) return [];
  const own = factsOf(exclusion.rule);
  return missing.filter((f) => own.includes(f));
}

/** Why the fact is asked, in the words of the outcome it can settle. */
function reasonOf(
  policy: CompiledPolicy,
  fact: number,
  settlesIfTrue: OutcomeCode | null,
  settlesIfFalse: OutcomeCode | null,
): string {
  const parts: string[] = [];
  if (settlesIfTrue !== null) parts.push(`如属实，即可认定${GROUND_LABELS[settlesIfTrue]}`);
  if (settlesIfFalse !== null) parts.push(`如不成立，即可认定${GROUND_LABELS[settlesIfFalse]}`);
  const exclusion = policy.grounds[policy.exclusionIndex];
  if (exclusion !== undefined && factsOf(exclusion.rule).includes(fact)) {
    const article = articleCitation(exclusion.article);
    if (parts.length === 0) {
      parts.push(
        `${GROUND_LABELS[exclusion.code]}情形（${article}）先行查明：如不成立，即可排除${GROUND_LABELS[exclusion.code]}`,
      );
    } else parts[0] = `${GROUND_LABELS[exclusion.code]}情形（${article}）先行查明：${parts[0]!}`;
  }
  if (parts.length === 0) parts.push('在尚待查明的事实中，此项的回答预计最能缩小认定结论的范围');
  return parts.join('；');
}
