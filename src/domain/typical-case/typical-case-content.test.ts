import { describe, expect, it } from 'vitest';
import { compilePolicy, type CompiledPolicy } from '../policy/compile-policy.ts';
import { evaluate } from '../policy/evaluate.ts';
import { testPolicy } from '../policy/test-policy.ts';
import { Tri } from '../policy/decision-diagram.ts';
import { trueFactsIn, typicalContent } from './typical-case-content.ts';

function compiled(): CompiledPolicy {
  const r = compilePolicy(testPolicy());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.policy;
}
const policy = compiled();

function determination(values: Record<string, boolean>) {
  const v = new Uint8Array(policy.facts.length).fill(Tri.Unknown);
  for (const f of policy.facts) v[f.index] = values[f.id] ? Tri.True : Tri.False;
  return evaluate(policy, v);
}

describe('typicalContent', () => {
  it('names each fact found in the policy’s words and citation, the ground’s citation and the articles', () => {
    const values = new Uint8Array(policy.facts.length).fill(Tri.Unknown);
    for (const [id, v] of [
      ['a3.1', Tri.True],
      ['a2.2', Tri.True],
      ['a4.c1', Tri.False],
    ] as const)
      values[policy.factIndex.get(id)!] = v;
    const facts = trueFactsIn(policy, values);
    expect(facts).toEqual(['a2.2', 'a3.1']);
    const content = typicalContent(
      policy,
      facts,
      determination({ 'a2.2': true, 'a3.1': true }),
      'no_liability',
    );
    expect(content.findings).toEqual([
      { factId: 'a2.2', citation: '第二条第（二）项', text: '因不可抗力未能履职的。' },
      { factId: 'a3.1', citation: '第三条第（一）项', text: '先行先试出现失误的。' },
    ]);
    expect(content.groundCitation).toBe('第二条第（二）项');
    expect(content.articles).toEqual([2, 3]);
  });

  it('adds the article of a conclusion that departs from the engine, without a citation when its ground did not hold', () => {
    const content = typicalContent(
      policy,
      ['a2.2'],
      determination({ 'a2.2': true }),
      'not_tolerated',
    );
    expect(content.groundCitation).toBeNull();
    expect(content.articles).toEqual([2, 4]);
  });
});
