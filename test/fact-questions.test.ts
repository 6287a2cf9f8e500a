// The interview's questions over the built-in regimes: each fact says which part of its
// article it is, and each 但书 is asked as the exception, apart from its item.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPolicy } from '../src/domain/policy/compile-policy.ts';
import { factQuestion, factQuestions } from '../src/domain/policy/fact-question.ts';
import type { PolicyRegistry } from '../src/domain/policy/policy-registry.ts';
import { builtinRegistry } from './support/builtin-registry.ts';

let registry: PolicyRegistry;
beforeAll(async () => {
  registry = await builtinRegistry();
});

const policy = (id: string): CompiledPolicy => registry.byId.get(id)![0]!;
const ask = (p: CompiledPolicy, id: string) => factQuestion(p, p.facts[p.factIndex.get(id)!]!);

describe.each(['xilingol-emergency-2024', 'xilingol-education-2024'])('%s', (id) => {
  it('gives every fact its own label and question', () => {
    const p = policy(id);
    const all = factQuestions(p);
    expect(new Set(all.map((q) => q.label)).size).toBe(p.facts.length);
    expect(new Set(all.map((q) => q.question)).size).toBe(p.facts.length);
  });

  it('asks 第四条 by condition: three conditions, three labels', () => {
    const p = policy(id);
    expect(['a4.c1', 'a4.c2', 'a4.c3'].map((f) => ask(p, f).label)).toEqual([
      '第四条条件（一）',
      '第四条条件（二）',
      '第四条条件（三）',
    ]);
    expect(ask(p, 'a4.c3').question).toBe(
      '是否具备第四条条件（三）（共三项条件）：“并及时纠正改正”？',
    );
  });

  it('asks every 但书 as the exception, quoting its words', () => {
    const p = policy(id);
    for (const f of p.facts.filter((x) => x.kind === 'exception')) {
      const q = factQuestion(p, f);
      expect(q.label).toMatch(/^第.+条第（.+）项但书$/);
      expect(q.question).toMatch(new RegExp(`^但书：是否存在“${f.text}”的情形？`));
      expect(q.question).not.toBe(factQuestion(p, p.facts[f.exceptionOf!]!).question);
    }
  });
});

describe('xilingol-emergency-2024', () => {
  it('asks 第十条第（一）项 without its 但书, and the 但书 on its own', () => {
    const p = policy('xilingol-emergency-2024');
    expect(ask(p, 'a10.1').question).toBe(
      '是否存在第十条第（一）项所列情形：“因行政执法依据不明确或者对有关事实和依据的理解认识不一致，致使行政执法行为出现偏差的”？（其但书“故意违法”另行询问）',
    );
    expect(ask(p, 'a10.1.x').question).toBe(
      '但书：是否存在“故意违法”的情形？（存在时，第十条第（一）项不予适用）',
    );
    expect(ask(p, 'a11.c2').label).toBe('第十一条第二款第（二）项');
  });
});
