// The compiled fully known path of determine() (known-determination.ts) against the
// general path (the fact vector and evaluate(), which `explain` always takes): on random
// inputs, known or not, well-formed or not, the same output, byte for byte as JSON.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, type CompiledPolicy } from '../policy/compile-policy.ts';
import type { ArticleDef, PolicyDef, RuleSource } from '../policy/policy-model.ts';
import { createRegistry, type PolicyRegistry } from '../policy/policy-registry.ts';
import { testPolicy } from '../policy/test-policy.ts';
import { determine } from './determine.ts';
import { compileKnownDetermination } from './known-determination.ts';

const TODAY = '2025-06-30';

function compiled(def: PolicyDef): CompiledPolicy {
  const r = compilePolicy(def);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.policy;
}

const fact = (id: string): RuleSource => ({ kind: 'fact', fact: id });

/**
 * The test policy with grounds in the shapes the built-in ones avoid: a basis read out of
 * policy order (sorted afterwards), an "any" nested in an "all", a negation, a ground
 * reference, a ground the exclusion does not block, and no effective date.
 */
function oddPolicy(): PolicyDef {
  const def = testPolicy();
  const grounds: Record<number, ArticleDef['grounds']> = {
    1: [
      {
        ground: 'tolerated',
        summary: '甲且（乙或丙）',
        rule: {
          kind: 'all',
          of: [fact('a1.c1'), { kind: 'any', of: [fact('a1.c3'), fact('a1.c2')] }],
        },
      },
    ],
    2: [
      {
        ground: 'no_liability',
        summary: '符合之一',
        rule: {
          kind: 'any',
          of: [fact('a2.2'), { kind: 'exception', fact: 'a2.1', unless: 'a2.1.x' }],
        },
      },
      {
        ground: 'mandatory_mitigation',
        summary: '同不予追究',
        rule: { kind: 'ground', ground: 'no_liability' },
      },
    ],
    3: [
      {
        ground: 'exemption',
        summary: '情形与条件一具备而条件二不具备',
        rule: {
          kind: 'all',
          of: [fact('a3.1'), fact('a3.c1'), { kind: 'not', of: fact('a3.c2') }],
        },
      },
    ],
  };
  const articles = def.chapters[0]!.articles.map((a) =>
    grounds[a.number] ? { ...a, grounds: grounds[a.number] } : a,
  );
  return {
    ...def,
    id: 'odd',
    effectiveFrom: null,
    exclusion: { ground: 'not_tolerated', survives: ['mandatory_mitigation'] },
    chapters: [{ ...def.chapters[0]!, articles }],
  };
}

/**
 * The test policy with a ground that reads a 但书 as a fact of its own: its citation is
 * its item's, out of policy order, so the citation of a basis cannot skip repeats by
 * looking at the last one alone.
 */
function exceptionAsFactPolicy(): PolicyDef {
  const def = testPolicy();
  const articles = def.chapters[0]!.articles.map((a) =>
    a.number === 2
      ? {
          ...a,
          grounds: [
            {
              ground: 'no_liability' as const,
              summary: '任一',
              rule: { kind: 'any' as const, of: [fact('a2.1'), fact('a2.2'), fact('a2.1.x')] },
            },
          ],
        }
      : a,
  );
  return { ...def, id: 'exception-as-fact', chapters: [{ ...def.chapters[0]!, articles }] };
}

const POLICIES = [compiled(testPolicy()), compiled(oddPolicy()), compiled(exceptionAsFactPolicy())];
const registry: PolicyRegistry = createRegistry(POLICIES);

/** determine()'s general path: `explain` always takes it; its extra fields removed. */
function generalPath(input: unknown): string {
  const out = determine(registry, input, { today: TODAY, explain: true }) as object;
  const { policyVersion, explanation, nextQuestion, ...rest } = out as Record<string, unknown>;
  void policyVersion;
  void explanation;
  void nextQuestion;
  return JSON.stringify(rest);
}

const value = fc.oneof(
  { arbitrary: fc.boolean(), weight: 20 },
  { arbitrary: fc.constantFrom(null, undefined, 'absent', 0, 'true', [] as unknown), weight: 1 },
);

function input(policy: CompiledPolicy) {
  const ids = policy.facts.map((f) => f.id);
  return fc
    .tuple(
      fc.array(value, { minLength: ids.length, maxLength: ids.length }),
      fc.option(fc.constantFrom('a9.1', 'x', '__proto__x'), { freq: 8 }),
    )
    .map(([vs, extra]) => {
      const facts: Record<string, unknown> = {};
      ids.forEach((id, i) => {
        if (vs[i] !== 'absent') facts[id] = vs[i];
      });
      if (extra !== null) facts[extra] = true;
      return { policy: policy.id, asOf: '2025-03-01', facts };
    });
}

describe.each(POLICIES.map((p) => [p.id, p] as const))('the fully known path: %s', (_, policy) => {
  it('gives the general path’s output for every input', () => {
    fc.assert(
      fc.property(input(policy), (i) => {
        expect(JSON.stringify(determine(registry, i, { today: TODAY }))).toBe(generalPath(i));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers alone exactly when every fact is true or false and there is no other key', () => {
    const known = compileKnownDetermination(policy, []);
    fc.assert(
      fc.property(input(policy), (i) => {
        const alone =
          Object.keys(i.facts).length === policy.facts.length &&
          policy.facts.every((f) => typeof i.facts[f.id] === 'boolean');
        expect(known(i.facts, i.asOf) !== null).toBe(alone);
      }),
      { numRuns: 1000 },
    );
  });
});
