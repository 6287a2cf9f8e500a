// What orders a unit's interview (issue 15): the chances estimated from its decided cases
// (or the policy's default, domain/policy/interview-estimate.ts) and the order of the
// facts that follows from them, which the article checklist shows. Reading the counts is
// one statement over the unit's cases and the order some 10–50 ms of search, so both are
// kept a while: an estimate moves only when the unit decides a case, and then by one case
// in tens.

import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import {
  estimateFromDecidedCases,
  minimumDecidedCases,
  type InterviewEstimate,
} from '../../domain/policy/interview-estimate.ts';
import { interviewOrder } from '../../domain/policy/interview-order.ts';
import { decidedFactCounts } from '../../store/interview.queries.ts';
import type { Conn } from '../../store/transaction.ts';

export interface InterviewGuide {
  readonly estimate: InterviewEstimate;
  /** Every fact of the policy once, in the interview's order (interview-order.ts). */
  readonly order: readonly string[];
}

export interface InterviewGuideLimits {
  /** How long an estimate is kept, in ms; 0 reads the counts on every use. */
  readonly keepMs: number;
  /** How many units' estimates are kept at most: the oldest go first. */
  readonly entries: number;
  /** Instead of the policy file's minimumDecidedCases (tests). */
  readonly minimumDecidedCases?: number;
}

export const DEFAULT_INTERVIEW_GUIDE_LIMITS: InterviewGuideLimits = {
  keepMs: 10 * 60 * 1000,
  entries: 1_000,
};

/** One order per distinct estimate: the default's is the same for every small unit. */
const orders = new WeakMap<InterviewEstimate['probabilities'], readonly string[]>();

function orderFor(policy: CompiledPolicy, estimate: InterviewEstimate): readonly string[] {
  let order = orders.get(estimate.probabilities);
  if (order === undefined) {
    order = interviewOrder(policy, estimate.probabilities);
    orders.set(estimate.probabilities, order);
  }
  return order;
}

export class InterviewGuides {
  private readonly kept = new Map<string, { at: number; guide: Promise<InterviewGuide> }>();

  constructor(readonly limits: InterviewGuideLimits = DEFAULT_INTERVIEW_GUIDE_LIMITS) {}

  /** The guide of `unitId`'s interviews under `policy`, as of `now` (ms). */
  forUnit(db: Conn, unitId: string, policy: CompiledPolicy, now: number): Promise<InterviewGuide> {
    const key = `${unitId} ${policy.id} ${policy.version}`;
    const hit = this.kept.get(key);
    if (hit !== undefined && now - hit.at < this.limits.keepMs) return hit.guide;
    const guide = this.read(db, unitId, policy);
    if (this.limits.keepMs > 0) {
      this.kept.delete(key);
      this.kept.set(key, { at: now, guide });
      if (this.kept.size > this.limits.entries) this.kept.delete(this.kept.keys().next().value!);
      // A failed read is not kept: the next use tries again.
      guide.catch(() => {
        if (this.kept.get(key)?.guide === guide) this.kept.delete(key);
      });
    }
    return guide;
  }

  private async read(db: Conn, unitId: string, policy: CompiledPolicy): Promise<InterviewGuide> {
    const counts = await decidedFactCounts(db, unitId, policy.id);
    const estimate = estimateFromDecidedCases(
      policy,
      counts,
      this.limits.minimumDecidedCases ?? minimumDecidedCases(policy),
    );
    return { estimate, order: orderFor(policy, estimate) };
  }
}
