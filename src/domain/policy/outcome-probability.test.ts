// The outcome probabilities of the interview (issue 15) on the test policy, against brute
// force: every completion of the unknown facts, weighted by the facts' probabilities.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, type CompiledPolicy } from './compile-policy.ts';
import { Tri } from './decision-diagram.ts';
import { evaluate } from './evaluate.ts';
import {
  defaultFactProbabilities,
  expectedQuestionsInOrder,
  outcomeDistribution,
} from './outcome-probability.ts';
import { OUTCOME_CODES } from './policy-model.ts';
import { testPolicy } from './test-policy.ts';

const compiled = compilePolicy(testPolicy());
if (!compiled.ok) throw new Error('the test policy compiles');
const policy: CompiledPolicy = compiled.policy;
const n = policy.facts.length;

/** The distribution of outcomes over every completion of the unknown facts. */
function bruteForce(values: Uint8Array, probabilities: ArrayLike<number>): number[] {
  const unknown = [...values.keys()].filter((f) => values[f] === Tri.Unknown);
  const dist = new Array<number>(OUTCOME_CODES.length).fill(0);
  for (let mask = 0; mask < 1 << unknown.length; mask++) {
    const full = values.slice();
    let weight = 1;
    unknown.forEach((f, i) => {
      const holds = (mask >> i) & 1;
      full[f] = holds ? Tri.True : Tri.False;
      weight *= holds ? probabilities[f]! : 1 - probabilities[f]!;
    });
    dist[OUTCOME_CODES.indexOf(evaluate(policy, full).outcome!)]! += weight;
  }
  return dist;
}

const partial = fc.array(fc.constantFrom(Tri.False, Tri.True, Tri.Unknown), {
  minLength: n,
  maxLength: n,
});
const probabilities = fc.array(fc.double({ min: 0.01, max: 0.99, noNaN: true }), {
  minLength: n,
  maxLength: n,
});

describe('outcome probabilities', () => {
  it('equal brute force over the completions of the unknown facts', () => {
    fc.assert(
      fc.property(partial, probabilities, (vs, ps) => {
        const values = Uint8Array.from(vs);
        const got = [...outcomeDistribution(policy, values, ps)];
        const want = bruteForce(values, ps);
        got.forEach((q, k) => expect(q).toBeCloseTo(want[k]!, 9));
      }),
      { numRuns: 300 },
    );
  });

  it('expect no question once the outcome is settled, and at least one before', () => {
    fc.assert(
      fc.property(partial, (vs) => {
        const values = Uint8Array.from(vs);
        const e = expectedQuestionsInOrder(policy, values, defaultFactProbabilities(policy));
        if (evaluate(policy, values).status === 'determined') expect(e).toBe(0);
        else expect(e).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
