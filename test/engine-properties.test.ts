// The engine against the hand-written oracle of test/support/spec-oracle.ts, on random
// fact sets of both policies: fully known (against the hand-written function) and
// partial (against brute force over every completion, which defines `missing`).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { determine, isDeterminationError } from '../src/domain/determination/determine.ts';
import type { PolicyRegistry } from '../src/domain/policy/policy-registry.ts';
import { builtinRegistry } from './support/builtin-registry.ts';
import { bruteForce, FACTS, handWritten, type PolicyId } from './support/spec-oracle.ts';

let registry: PolicyRegistry;
beforeAll(async () => {
  registry = await builtinRegistry();
});

const POLICIES: PolicyId[] = ['xilingol-emergency-2024', 'xilingol-education-2024'];

// True is rarer than false, as in real findings; otherwise 第九条 would decide nearly every case.
const truthValue = fc.oneof(
  { arbitrary: fc.constant(false), weight: 4 },
  { arbitrary: fc.constant(true), weight: 1 },
);

function knownFacts(policy: PolicyId) {
  const ids = FACTS[policy];
  return fc
    .array(truthValue, { minLength: ids.length, maxLength: ids.length })
    .map((vs) => Object.fromEntries(ids.map((id, i) => [id, vs[i]!])));
}

/** A partial fact set: up to `maxUnknown` facts unknown (null or absent), the rest known. */
function partialFacts(policy: PolicyId, maxUnknown: number) {
  const ids = FACTS[policy];
  return fc
    .tuple(knownFacts(policy), fc.subarray([...ids], { maxLength: maxUnknown }), fc.boolean())
    .map(([known, unknown, asNull]) => {
      const facts: Record<string, boolean | null> = { ...known };
      for (const id of unknown) {
        if (asNull) facts[id] = null;
        else delete facts[id];
      }
      return facts;
    });
}

function engine(policy: PolicyId, facts: Record<string, boolean | null>) {
  const out = determine(registry, { policy, asOf: '2025-06-30', facts }, { today: '2025-06-30' });
  if (isDeterminationError(out)) throw new Error(out.error.message);
  const { status, outcome, basis, citation, grounds, missing } = out;
  return { status, outcome, basis, citation, grounds, missing };
}

describe.each(POLICIES)('engine against the oracle: %s', (policy) => {
  it('fully known facts: same answer as the hand-written function', () => {
    fc.assert(
      fc.property(knownFacts(policy), (facts) => {
        expect(engine(policy, facts)).toEqual(handWritten(policy, facts));
      }),
      { numRuns: 2000 },
    );
  });

  it('partial facts: status, outcome, grounds, basis and exactly the missing facts of brute force', () => {
    fc.assert(
      fc.property(partialFacts(policy, 12), (facts) => {
        expect(engine(policy, facts)).toEqual(bruteForce(policy, facts));
      }),
      { numRuns: 400 },
    );
  });

  it('partial facts concentrated in the rules that interact (exclusion, 但书, 免除条件)', () => {
    const hot = FACTS[policy].filter(
      (id) => /^a(4|1[0-3])\./.test(id) && !/^a10\.(2|3|5|7|8|9|10|11)$/.test(id),
    );
    fc.assert(
      fc.property(knownFacts(policy), fc.subarray(hot, { maxLength: 13 }), (known, unknown) => {
        const facts: Record<string, boolean | null> = { ...known };
        for (const id of unknown) facts[id] = null;
        expect(engine(policy, facts)).toEqual(bruteForce(policy, facts));
      }),
      { numRuns: 300 },
    );
  });

  it('answering a missing fact never brings back a fact that was no longer missing', () => {
    fc.assert(
      fc.property(partialFacts(policy, 10), fc.boolean(), (facts, answer) => {
        const before = engine(policy, facts);
        const asked = before.missing[0];
        if (asked === undefined) return;
        const after = engine(policy, { ...facts, [asked]: answer });
        expect(after.missing.every((id) => before.missing.includes(id))).toBe(true);
        expect(after.missing).not.toContain(asked);
      }),
      { numRuns: 200 },
    );
  });
});
