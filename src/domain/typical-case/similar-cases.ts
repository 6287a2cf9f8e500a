// 同案同判: the typical and decided cases like the one at hand, so that like cases are
// decided alike (docs/design/typical-cases.md).
//
// Two cases are alike when they are of the same policy (the same 制度, whatever its
// version: fact ids are the contract's and stable across versions) and either
//   - the ground the other's determination rests on holds for this one too (同一认定依据:
//     its engine outcome is this case's outcome, or among the grounds that hold here
//     while the facts are still being found), or
//   - they share most facts: the Jaccard index of the two sets of facts found to hold,
//     |A ∩ B| / |A ∪ B|, is at least one half (MOST_FACTS).
// Only facts found to hold count. A fact found not to hold says what a case is not; most
// cases record the same handful of them (no 第十三条 exclusion) and they would make every
// two cases alike. Facts not yet found count as not holding: the ranking of a case under
// investigation sharpens as its facts are recorded.
//
// Ranked by the shared ground first, then by the index, then typical cases before the
// others (the deciding unit chose them as examples), then the most recently decided.

import type { CalendarDate } from '../calendar-date.ts';
import type { GroundCode, OutcomeCode } from '../policy/policy-model.ts';

/** At least this share of the facts of the two cases together must be common to both. */
export const MOST_FACTS = 0.5;

/** How many alike cases a panel lists. */
export const SIMILAR_LIMIT = 10;

/** What the likeness reads of a case. */
export interface CaseLikeness {
  readonly policyId: string;
  /** The facts found to hold. */
  readonly trueFacts: readonly string[];
  /** The grounds that hold, blocked ones left out. */
  readonly grounds: readonly GroundCode[];
  /** The engine's outcome; null while undetermined. */
  readonly outcome: OutcomeCode | null;
}

/** A typical or decided case the subject is compared with: its grounds are not read. */
export interface SimilarCandidate extends Omit<CaseLikeness, 'grounds'> {
  readonly key: string;
  readonly typical: boolean;
  /** The committee's conclusion. */
  readonly conclusion: OutcomeCode;
  readonly decidedOn: CalendarDate;
}

export interface SimilarMatch<C extends SimilarCandidate> {
  readonly candidate: C;
  /** The ground both determinations rest on; null when they rest on none in common. */
  readonly sharedGround: GroundCode | null;
  /** The facts found to hold in both, in the subject's order. */
  readonly sharedFacts: readonly string[];
  /** The Jaccard index of the two sets of true facts, 0 to 1. */
  readonly similarity: number;
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty (two cases with no facts found are not alike). */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  let common = 0;
  for (const x of left) if (right.has(x)) common++;
  const union = left.size + right.size - common;
  return union === 0 ? 0 : common / union;
}

/** The ground the candidate's determination rests on, if it holds for the subject too. */
export function sharedGroundOf(
  subject: CaseLikeness,
  candidate: Pick<CaseLikeness, 'outcome'>,
): GroundCode | null {
  const ground = candidate.outcome;
  if (ground === null || ground === 'no_ground') return null;
  return ground === subject.outcome || subject.grounds.includes(ground) ? ground : null;
}

/** The match of one candidate, or null when it is not alike. */
export function likeness<C extends SimilarCandidate>(
  subject: CaseLikeness,
  candidate: C,
): SimilarMatch<C> | null {
  if (candidate.policyId !== subject.policyId) return null;
  const sharedGround = sharedGroundOf(subject, candidate);
  const similarity = jaccard(subject.trueFacts, candidate.trueFacts);
  if (sharedGround === null && similarity < MOST_FACTS) return null;
  const theirs = new Set(candidate.trueFacts);
  return {
    candidate,
    sharedGround,
    sharedFacts: subject.trueFacts.filter((f) => theirs.has(f)),
    similarity,
  };
}

function byRank<C extends SimilarCandidate>(a: SimilarMatch<C>, b: SimilarMatch<C>): number {
  return (
    Number(b.sharedGround !== null) - Number(a.sharedGround !== null) ||
    b.similarity - a.similarity ||
    Number(b.candidate.typical) - Number(a.candidate.typical) ||
    (a.candidate.decidedOn < b.candidate.decidedOn ? 1 : 0) -
      (a.candidate.decidedOn > b.candidate.decidedOn ? 1 : 0) ||
    (a.candidate.key < b.candidate.key ? -1 : a.candidate.key > b.candidate.key ? 1 : 0)
  );
}

/** The candidates alike to the subject, best first, at most `limit`. */
export function rankSimilar<C extends SimilarCandidate>(
  subject: CaseLikeness,
  candidates: readonly C[],
  limit = SIMILAR_LIMIT,
): SimilarMatch<C>[] {
  return candidates
    .flatMap((c) => {
      const m = likeness(subject, c);
      return m === null ? [] : [m];
    })
    .sort(byRank)
    .slice(0, limit);
}

/**
 * A decision that departs from the engine (the conclusion is not the outcome recorded at
 * submission): the engine's outcome it departed from; null when it does not depart.
 */
export function departedOutcome(
  engineOutcome: OutcomeCode | null,
  conclusion: OutcomeCode,
): OutcomeCode | null {
  return engineOutcome !== null && engineOutcome !== conclusion ? engineOutcome : null;
}

/**
 * The alike cases decided the other way: those whose conclusion is the engine's outcome
 * this case departed from, best first.
 */
export function decidedOtherWay<C extends SimilarCandidate>(
  subject: CaseLikeness,
  departedFrom: OutcomeCode,
  candidates: readonly C[],
  limit = SIMILAR_LIMIT,
): SimilarMatch<C>[] {
  return rankSimilar(
    subject,
    candidates.filter((c) => c.conclusion === departedFrom),
    limit,
  );
}
