import { describe, expect, it } from 'vitest';
import type { CompiledPolicy } from '../policy/compile-policy.ts';
import { outcomeCodesOf } from './case-view.ts';

describe('outcomeCodesOf', () => {
  it("gives a policy's grounds in precedence order, then no_ground", () => {
    const policy = {
      grounds: [{ code: 'tolerated' }, { code: 'not_tolerated' }],
    } as unknown as CompiledPolicy;
    expect(outcomeCodesOf(policy)).toEqual(['not_tolerated', 'tolerated', 'no_ground']);
  });
});
