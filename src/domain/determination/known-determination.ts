// The fully known path of `determine()`, compiled per policy version into one function:
// it reads every fact by a constant property name (V8's inline caches apply), checks on
// the way that each is true or false, evaluates the grounds as boolean expressions over
// locals, and builds the contract's output with a fixed shape. The reader, the rule
// closures and the answer's assembly each cost about as much as the hand-written
// function did on its own (BENCHMARKS.md, issue 13); one straight-line pass does not.
//
// It answers only what it can answer alone: a facts object whose keys are exactly the
// policy's facts, each true or false. Anything else (a fact unknown, null or absent; a
// key too many; a bad value) returns null, and `determine()` takes the general path,
// which finds the contract's error or evaluates the partial facts. So every output is
// the general path's, which property tests check (known-determination.test.ts).

import { basisFacts, type CompiledPolicy } from '../policy/compile-policy.ts';
import { citationOfFacts } from '../policy/evaluate.ts';
import { basisCode, factLocal, hasFixedBasis, holdsCode, idLiteral } from '../policy/rule-code.ts';
import type { Determination, Warning } from './determine.ts';

/** The determination of a fully known input, or null when the general path must answer. */
export type KnownDetermination = (
  facts: Readonly<Record<string, unknown>>,
  asOf: string,
) => Determination | null;

const NONE: readonly string[] = Object.freeze([]);

/**
 * The citation of a basis in policy order, as `citationOfFacts` writes it. When the facts
 * a basis can hold cite contiguously in policy order (as compilePolicy orders them: per
 * article items, then conditions; a 但书 cites its item but is never in a basis), repeats
 * in a sorted basis are adjacent, so comparing with the last citation written is the same
 * as remembering all of them.
 */
function compileCite(policy: CompiledPolicy): (basis: readonly string[]) => string {
  const citationOf = new Map(policy.facts.map((f) => [f.id, f.citation]));
  const inBasis = new Set(policy.grounds.flatMap((g) => basisFacts(g.rule)));
  const citations = policy.facts.filter((f) => inBasis.has(f.index)).map((f) => f.citation);
  const contiguous = citations.every(
    (c, i) => i === 0 || c === citations[i - 1] || !citations.slice(0, i).includes(c),
  );
  if (contiguous) {
    return (basis) => {
      let out = '';
      let last = '';
      for (let i = 0; i < basis.length; i++) {
        const c = citationOf.get(basis[i]!)!;
        if (c === last) continue;
        out = out === '' ? c : `${out}、${c}`;
        last = c;
      }
      return out;
    };
  }
  return (basis) =>
    citationOfFacts(
      policy,
      basis.map((id) => policy.factIndex.get(id)!),
    );
}

export function compileKnownDetermination(
  policy: CompiledPolicy,
  warnings: readonly Warning[],
): KnownDetermination {
  const ids = policy.facts.map((f) => f.id);
  const lines: string[] = [];

  // Read and check every fact: true or false, else the general path answers.
  policy.facts.forEach((f, i) => {
    const v = factLocal(i);
    lines.push(
      `const ${v} = facts[${idLiteral(f.id)}]; if (${v} !== true && ${v} !== false) return null;`,
    );
  });
  // Every key a fact: with all of them present, as many keys as facts means no other key.
  lines.push(`if (Object.keys(facts).length !== ${ids.length}) return null;`);

  // Whether each ground holds; all first, since the exclusion may block an earlier ground.
  policy.grounds.forEach((g, i) => lines.push(`const h${i} = ${holdsCode(g.rule)};`));
  const excluded = policy.exclusionIndex === -1 ? 'false' : `h${policy.exclusionIndex}`;

  // Bases that are always the same facts, and their citations, are computed once here: with
  // no "any" on the way, a rule that holds has every fact it can put in a basis there.
  const fixedFacts = policy.grounds.map((g) =>
    hasFixedBasis(g.rule) ? basisFacts(g.rule).sort((a, b) => a - b) : null,
  );
  const fixedBasis = fixedFacts.map((facts) => facts && Object.freeze(facts.map((f) => ids[f]!)));
  const fixedCitation = fixedFacts.map((facts) => (facts ? citationOfFacts(policy, facts) : ''));

  // The grounds that hold in precedence order; the first one is the outcome.
  lines.push('const grounds = [];');
  lines.push(`let outcome = "no_ground"; let basis = NONE; let citation = ""; let first = true;`);
  policy.grounds.forEach((g, i) => {
    const code = JSON.stringify(g.code);
    const blocked = g.blockable ? excluded : 'false';
    const fixed = fixedBasis[i] !== null;
    const build = fixed
      ? `const b = FIXED[${i}];`
      : `const b = []; ${basisCode(g.rule, ids, 'b')}${g.readsInOrder ? '' : ' b.sort(byPolicyOrder);'}`;
    const cite = fixed ? `CITATION[${i}]` : 'cite(b)';
    lines.push(
      `if (h${i}) { ${build}` +
        ` grounds.push({ code: ${code}, basis: b, blocked: ${blocked} });` +
        ` if (first) { first = false; outcome = ${code}; basis = b; citation = ${cite}; } }`,
    );
  });
  // Field order follows the contract's example output, as the general path's does.
  lines.push(
    'return { policy: POLICY, asOf, status: "determined", outcome, basis, citation,' +
      ' grounds, missing: NONE, warnings: WARNINGS };',
  );

  const factory = new Function(
    'FIXED',
    'CITATION',
    'NONE',
    'POLICY',
    'WARNINGS',
    'cite',
    'byPolicyOrder',
    `"use strict";\nreturn function determineKnown(facts, asOf) {\n${lines.join('\n')}\n};`,
  ) as (...args: unknown[]) => KnownDetermination;
  const index = policy.factIndex;
  return factory(
    fixedBasis,
    fixedCitation,
    NONE,
    policy.id,
    warnings,
    compileCite(policy),
    (a: string, b: string) => index.get(a)! - index.get(b)!,
  );
}
