// The guided interview (issue 15) through the contract's interface: from an empty fact set,
// answer each `nextQuestion` of `determine(…, { explain: true })` from a random full
// assignment until the case is determined. The interview must end on the outcome that
// `determine()` gives the full assignment, ask only facts in `missing` (the facts that can
// still change the answer), never ask a fact twice, and settle a 不予容错 case in two.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  determine,
  isDeterminationError,
  type ExplainedDetermination,
} from '../src/domain/determination/determine.ts';
import type { PolicyRegistry } from '../src/domain/policy/policy-registry.ts';
import {
  estimateFromDecidedCases,
  policyDefaultEstimate,
} from '../src/domain/policy/interview-estimate.ts';
import { interviewOrder } from '../src/domain/policy/interview-order.ts';
import { builtinRegistry } from './support/builtin-registry.ts';
import { FACTS, type PolicyId } from './support/spec-oracle.ts';

let registry: PolicyRegistry;
beforeAll(async () => {
  registry = await builtinRegistry();
});

const POLICIES: PolicyId[] = ['xilingol-emergency-2024', 'xilingol-education-2024'];
const AS_OF = '2025-06-30';

function explained(policy: PolicyId, facts: Record<string, boolean>): ExplainedDetermination {
  const out = determine(registry, { policy, asOf: AS_OF, facts }, { today: AS_OF, explain: true });
  if (isDeterminationError(out)) throw new Error(out.error.message);
  return out;
}

/** A full assignment, each fact true with a weight drawn per run (rare to common findings). */
function fullAssignment(policy: PolicyId) {
  const ids = FACTS[policy];
  return fc
    .integer({ min: 1, max: 9 })
    .chain((trueOneIn) =>
      fc.array(
        fc.integer({ min: 0, max: trueOneIn }).map((n) => n === 0),
        { minLength: ids.length, maxLength: ids.length },
      ),
    )
    .map((vs) => Object.fromEntries(ids.map((id, i) => [id, vs[i]!])));
}

/** Simulates the interview; checks every question on the way. */
function interview(policy: PolicyId, full: Record<string, boolean>) {
  const answers: Record<string, boolean> = {};
  const asked: string[] = [];
  for (;;) {
    const out = explained(policy, answers);
    if (out.status !== 'undetermined') {
      expect(out.nextQuestion).toBeNull();
      return { outcome: out.outcome, asked };
    }
    const q = out.nextQuestion!;
    expect(out.missing).toContain(q.fact);
    expect(asked).not.toContain(q.fact);
    expect(q.reason).not.toBe('');
    asked.push(q.fact);
    answers[q.fact] = full[q.fact]!;
    // What the question promised a "yes" or a "no" settles is what the answer settles.
    const promised = full[q.fact] ? q.settlesIfTrue : q.settlesIfFalse;
    if (promised !== null) expect(explained(policy, answers).outcome).toBe(promised);
  }
}

describe.each(POLICIES)('the guided interview: %s', (policy) => {
  it('ends on the outcome of the full assignment, asking only facts that can change it', () => {
    fc.assert(
      fc.property(fullAssignment(policy), (full) => {
        const { outcome, asked } = interview(policy, full);
        expect(outcome).toBe(explained(policy, full).outcome);
        if (outcome === 'not_tolerated') expect(asked.length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 60 },
    );
  });

  it('asks the exclusion first, and settles a 不予容错 case in two questions', () => {
    const exclusion = FACTS[policy].filter((id) => /^a1[23]\.c[12]$/.test(id)).slice(-2);
    const full = Object.fromEntries(FACTS[policy].map((id) => [id, true]));
    const first = explained(policy, {}).nextQuestion!;
    expect(first.fact).toBe(exclusion[0]);
    expect(first.reason).toBe(
      `不予容错情形（${policy === 'xilingol-emergency-2024' ? '第十三条' : '第十二条'}）先行查明：如不成立，即可排除不予容错`,
    );
    const second = explained(policy, { [exclusion[0]!]: true }).nextQuestion!;
    expect(second).toMatchObject({ fact: exclusion[1], settlesIfTrue: 'not_tolerated' });
    expect(second.reason).toContain('如属实，即可认定不予容错');
    expect(interview(policy, full)).toEqual({ outcome: 'not_tolerated', asked: exclusion });
  });
});

describe.each(POLICIES)('the interview order for the article checklist: %s', (policy) => {
  const compiled = () => registry.byId.get(policy)!.at(-1)!;

  it('lists every fact once, in the order the interview asks them when each answer is 否', () => {
    const order = interviewOrder(compiled(), policyDefaultEstimate(compiled()).probabilities);
    expect([...order].sort()).toEqual([...FACTS[policy]].sort());
    // At the default every fact is likelier false: the interview of the all-false case asks
    // exactly the order's first questions, in that order.
    const allFalse = Object.fromEntries(FACTS[policy].map((id) => [id, false]));
    const { asked } = interview(policy, allFalse);
    expect(order.slice(0, asked.length)).toEqual(asked);
    expect(explained(policy, {}).nextQuestion!.fact).toBe(order[0]);
  });

  it('moves a fact the unit usually finds true to the front, after the exclusion', () => {
    const p = compiled();
    const facts = new Map(p.facts.map((f) => [f.id, { known: 25, held: 0 }]));
    facts.set('a10.3', { known: 25, held: 25 });
    const unit = estimateFromDecidedCases(p, { decidedCases: 25, facts });
    const before = interviewOrder(p, policyDefaultEstimate(p).probabilities);
    const after = interviewOrder(p, unit.probabilities);
    expect(after[0]).toBe(before[0]);
    expect(after.indexOf('a10.3')).toBe(1);
    expect(before.indexOf('a10.3')).toBeGreaterThan(5);
  });
});
