// EVALUATION_REVISION is raised by hand with any change to what determineCase writes; a
// change that forgot it would leave stored evaluations of the old output in use. This is
// the tripwire: determineCase's output on the test policy, over a set of fact vectors
// that reach each outcome and each kind of explanation, hashes to the digest recorded
// for the current revision. When it fails because the engine's output changed, raise
// EVALUATION_REVISION and record the new digest; when only the test policy changed
// (src/domain/policy/test-policy.ts), record the new digest alone.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { determineCase } from '../../domain/case/case-determination.ts';
import { compilePolicy } from '../../domain/policy/compile-policy.ts';
import { Tri } from '../../domain/policy/decision-diagram.ts';
import { testPolicy } from '../../domain/policy/test-policy.ts';
import { EVALUATION_REVISION, factsKey } from './case-evaluation.ts';

/** The revision and the digest of determineCase's output it was recorded with. */
const RECORDED = {
  revision: 1,
  digest: '136d49eb1e2a47066844214151599b29b623216b8b83c465b7b6a0eadd7be26b',
};

describe('EVALUATION_REVISION', () => {
  it('is raised with the output of determineCase', () => {
    const compiled = compilePolicy(testPolicy());
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    const policy = compiled.policy;
    const n = policy.facts.length;
    const filled = (t: Tri) => new Uint8Array(n).fill(t);
    // Every fact the same; each fact alone against a background of each value; and a
    // fixed pseudo-random draw (a linear congruential generator), for the combinations.
    const vectors = [filled(Tri.Unknown), filled(Tri.False), filled(Tri.True)];
    for (const background of [Tri.False, Tri.True, Tri.Unknown])
      for (const one of [Tri.False, Tri.True, Tri.Unknown])
        if (one !== background)
          for (let i = 0; i < n; i++) {
            const v = filled(background);
            v[i] = one;
            vectors.push(v);
          }
    let seed = 13;
    for (let k = 0; k < 400; k++)
      vectors.push(
        Uint8Array.from({ length: n }, () => {
          seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
          return (seed >>> 16) % 3;
        }),
      );
    const hash = createHash('sha256');
    for (const v of vectors)
      hash.update(`${factsKey(v)}\n${JSON.stringify(determineCase(policy, v, '2025-06-30'))}\n`);
    const outcomes = new Set(vectors.map((v) => determineCase(policy, v, '2025-06-30').outcome));
    // Each ground of the test policy is reached, and the undetermined (null) too.
    expect([...outcomes]).toEqual(
      expect.arrayContaining(['tolerated', 'no_liability', 'exemption', 'not_tolerated', null]),
    );
    expect({ revision: EVALUATION_REVISION, digest: hash.digest('hex') }).toEqual(RECORDED);
  });
});
