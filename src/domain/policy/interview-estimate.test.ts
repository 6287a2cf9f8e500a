// Where the interview's chances come from (issue 15): the policy's default until a unit has
// decided enough cases, then each fact's share of "holds" among them, drawn towards the
// default by five cases' worth; the note says which in Chinese.
import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compile-policy.ts';
import {
  estimateFromDecidedCases,
  minimumDecidedCases,
  policyDefaultEstimate,
  PRIOR_CASES,
} from './interview-estimate.ts';
import { testPolicy } from './test-policy.ts';

function compiled(interview?: { defaultFactProbability: number; minimumDecidedCases?: number }) {
  const out = compilePolicy({ ...testPolicy(), ...(interview ? { interview } : {}) });
  if (!out.ok) throw new Error('the test policy compiles');
  return out.policy;
}

const counts = (decidedCases: number, seen: Record<string, [number, number]>) => ({
  decidedCases,
  facts: new Map(Object.entries(seen).map(([id, [known, held]]) => [id, { known, held }])),
});

describe('the interview estimate', () => {
  const policy = compiled({ defaultFactProbability: 0.1, minimumDecidedCases: 4 });
  const [first, second] = policy.facts;

  it('is the policy default with no unit in view, and says so', () => {
    const estimate = policyDefaultEstimate(policy);
    expect(estimate).toMatchObject({ source: 'policy_default', decidedCases: null });
    expect(estimate.note).toBe('各事实成立的概率按政策文件的默认值（10%）估计');
    expect([...Array.from(estimate.probabilities)]).toEqual(policy.facts.map(() => 0.1));
  });

  it('keeps the default below the policy file’s minimum of decided cases', () => {
    expect(minimumDecidedCases(policy)).toBe(4);
    expect(minimumDecidedCases(compiled())).toBe(20);
    const estimate = estimateFromDecidedCases(policy, counts(3, { [first!.id]: [3, 3] }));
    expect(estimate).toMatchObject({ source: 'policy_default', decidedCases: 3 });
    expect(estimate.probabilities[0]).toBe(0.1);
    expect(estimate.note).toBe(
      '本单位依本制度已决定的案件 3 件，不足 4 件，各事实成立的概率按政策文件的默认值（10%）估计',
    );
  });

  it('estimates each fact from the cases that answered it, the default weighing as five cases', () => {
    const estimate = estimateFromDecidedCases(
      policy,
      counts(30, { [first!.id]: [20, 15], [second!.id]: [30, 0] }),
    );
    expect(estimate).toMatchObject({ source: 'unit_decided_cases', decidedCases: 30 });
    expect(estimate.note).toBe(
      '各事实成立的概率按本单位依本制度最近已决定的 30 件案件中各事实的认定情况估计',
    );
    expect(estimate.probabilities[0]).toBeCloseTo((15 + PRIOR_CASES * 0.1) / (20 + PRIOR_CASES));
    // Never found true, yet not impossible; never answered, the default.
    expect(estimate.probabilities[1]).toBeCloseTo((0.1 * PRIOR_CASES) / (30 + PRIOR_CASES));
    expect(estimate.probabilities[1]).toBeGreaterThan(0);
    expect(estimate.probabilities[2]).toBeCloseTo(0.1);
    // A minimum given by the caller (a test instance) wins over the file's.
    expect(estimateFromDecidedCases(policy, counts(30, {}), 31).source).toBe('policy_default');
  });
});
