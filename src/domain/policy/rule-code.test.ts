// The generated source of a rule (rule-code.ts) against the interpreter it replaces on the
// fully known path: on random rules and random fully known facts, the same truth value
// as `evaluateRule` and the same basis as `collectBasis`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Tri } from './decision-diagram.ts';
import { collectBasis, evaluateRule, type Rule } from './rule.ts';
import { basisCode, factLocal, hasFixedBasis, holdsCode } from './rule-code.ts';

const FACTS = 8;
const IDS = Array.from({ length: FACTS }, (_, i) => `a1.${i + 1}`);

const { rule } = fc.letrec<{ rule: Rule }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('fact' as const), fact: fc.nat(FACTS - 1) }),
    fc
      .tuple(fc.nat(FACTS - 1), fc.nat(FACTS - 1))
      .map(([fact, unless]) => ({ kind: 'exception' as const, fact, unless })),
    fc.record({
      kind: fc.constant('all' as const),
      of: fc.array(tie('rule'), { minLength: 1, maxLength: 4 }),
    }),
    fc.record({
      kind: fc.constant('any' as const),
      of: fc.array(tie('rule'), { minLength: 1, maxLength: 4 }),
    }),
    fc.record({ kind: fc.constant('not' as const), of: tie('rule') }),
  ),
}));

/** The generated code as a function of the facts' truth values: holds, and the basis if so. */
function compiled(r: Rule): (facts: readonly boolean[]) => string[] | null {
  const locals = IDS.map((_, i) => `const ${factLocal(i)} = facts[${i}];`).join(' ');
  return new Function(
    'facts',
    `${locals} if (!${holdsCode(r)}) return null; const b = []; ${basisCode(r, IDS, 'b')} return b;`,
  ) as (facts: readonly boolean[]) => string[] | null;
}

describe('rule source for fully known facts', () => {
  it('holds exactly when evaluateRule is true, with the basis collectBasis gives', () => {
    fc.assert(
      fc.property(rule, fc.array(fc.boolean(), { minLength: FACTS, maxLength: FACTS }), (r, vs) => {
        const values = Uint8Array.from(vs, (v) => (v ? Tri.True : Tri.False));
        const expected: number[] = [];
        const holds = evaluateRule(r, values) === Tri.True;
        if (holds) collectBasis(r, values, expected);
        const got = compiled(r)(vs);
        expect(got).toEqual(holds ? expected.map((f) => IDS[f]) : null);
        // A basis said to be fixed is the same whatever the facts are.
        if (holds && hasFixedBasis(r)) {
          const other: number[] = [];
          collectBasis(r, new Uint8Array(FACTS), other);
          expect(other).toEqual(expected);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('embeds nothing but contract-shaped fact ids', () => {
    expect(() => basisCode({ kind: 'fact', fact: 0 }, ['a1.1"); evil("'], 'b')).toThrow(
      /not a fact id/,
    );
  });
});
