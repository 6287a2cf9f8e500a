import { describe, expect, it } from 'vitest';
import { compilePolicy, type CompiledPolicy } from './compile-policy.ts';
import { Tri } from './decision-diagram.ts';
import { suggestNextQuestion } from './evaluate.ts';
import { factQuestion, factQuestions } from './fact-question.ts';
import { testPolicy } from './test-policy.ts';

function compiled(): CompiledPolicy {
  const r = compilePolicy(testPolicy());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.policy;
}

const policy = compiled();
const ask = (id: string) => factQuestion(policy, policy.facts[policy.factIndex.get(id)!]!);

describe('factQuestion', () => {
  it('names which condition of the article each condition is, not the article three times', () => {
    expect([ask('a1.c1'), ask('a1.c2'), ask('a1.c3')].map((q) => q.label)).toEqual([
      '第一条条件（一）',
      '第一条条件（二）',
      '第一条条件（三）',
    ]);
    expect(ask('a1.c2').question).toBe(
      '是否具备第一条条件（二）（共三项条件）：“因客观因素造成损失”？',
    );
  });

  it('cites numbered conditions by paragraph and item when the article has several paragraphs', () => {
    expect(ask('a3.c1').label).toBe('第三条第二款第（一）项');
    expect(ask('a3.c2').question).toBe(
      '是否具备第三条第二款第（二）项所列条件（共二项条件）：“没有造成重大损失的”？',
    );
    expect(ask('a4.c1').label).toBe('第四条条件（一）');
  });

  it('asks a 但书 as the exception, in its own words, apart from the item', () => {
    const item = ask('a2.1');
    const proviso = ask('a2.1.x');
    expect(proviso.label).toBe('第二条第（一）项但书');
    expect(proviso.question).toBe(
      '但书：是否存在“故意违法”的情形？（存在时，第二条第（一）项不予适用）',
    );
    // The item is asked without its 但书, which is asked on its own.
    expect(item.label).toBe('第二条第（一）项');
    expect(item.question).toBe(
      '是否存在第二条第（一）项所列情形：“因依据不明确致使执法出现偏差的”？（其但书“故意违法”另行询问）',
    );
    expect(item.question).not.toBe(proviso.question);
    expect(ask('a2.2').question).toBe('是否存在第二条第（二）项所列情形：“因不可抗力未能履职的”？');
  });

  it('gives every fact of a policy its own label and question', () => {
    const all = factQuestions(policy);
    expect(new Set(all.map((q) => q.label)).size).toBe(policy.facts.length);
    expect(new Set(all.map((q) => q.question)).size).toBe(policy.facts.length);
  });

  it('words the suggested next question the same way', () => {
    const values = new Uint8Array(policy.facts.length).fill(Tri.False);
    values[policy.factIndex.get('a2.1')!] = Tri.True;
    values[policy.factIndex.get('a2.1.x')!] = Tri.Unknown;
    expect(suggestNextQuestion(policy, values)).toEqual({
      fact: 'a2.1.x',
      remainingIfTrue: 0,
      remainingIfFalse: 0,
      ...ask('a2.1.x'),
      reason: '如属实，即可认定无容错免责情形；如不成立，即可认定不予追究行政执法责任',
      settlesIfTrue: 'no_ground',
      settlesIfFalse: 'no_liability',
      probabilities: {
        source: 'policy_default',
        decidedCases: null,
        note: '各事实成立的概率按政策文件的默认值（20%）估计',
      },
    });
  });
});
