import { describe, expect, it } from 'vitest';
import { CASE_STATES } from '../vocabulary.ts';
import { isPublicationScope, isTerminalState } from './case-state.ts';
import { EDUCATION_PROCEDURE } from './test-fixtures.ts';

describe('the states and scopes of the procedure', () => {
  it('knows the terminal states', () => {
    expect(CASE_STATES.filter(isTerminalState)).toEqual(['closed', 'refused', 'withdrawn']);
  });

  it('takes the publication scopes from the policy', () => {
    expect(isPublicationScope(EDUCATION_PROCEDURE, '本系统')).toBe(true);
    expect(isPublicationScope(EDUCATION_PROCEDURE, '全国')).toBe(false);
  });
});
