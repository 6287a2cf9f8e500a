import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_FACTOR_LABELS,
  ASSESSMENT_FACTORS,
  CASE_STATE_LABELS,
  CASE_STATES,
  ENFORCEMENT_ACTION_LABELS,
  isCaseState,
  isEnforcementAction,
  isPublicationScope,
  isTerminalState,
  publicationScopes,
} from './case-state.ts';
import { EDUCATION_PROCEDURE } from './test-fixtures.ts';

describe('the vocabulary of the procedure', () => {
  it('labels every state in Chinese and knows the terminal ones', () => {
    for (const state of CASE_STATES) expect(CASE_STATE_LABELS[state]).toMatch(/\p{Script=Han}/u);
    expect(CASE_STATES.filter(isTerminalState)).toEqual(['closed', 'refused', 'withdrawn']);
    expect(isCaseState('decided')).toBe(true);
    expect(isCaseState('archived')).toBe(false);
  });

  it('names the six factors of 第十四条 and the enforcement actions as the texts do', () => {
    expect(ASSESSMENT_FACTORS.map((f) => ASSESSMENT_FACTOR_LABELS[f])).toEqual([
      '主观',
      '客观条件',
      '程序方法',
      '性质程度',
      '后果影响',
      '挽回损失',
    ]);
    expect(Object.values(ENFORCEMENT_ACTION_LABELS)).toEqual([
      '行政检查',
      '行政强制',
      '行政处罚',
      '行政许可',
    ]);
    expect(isEnforcementAction('penalty')).toBe(true);
    expect(isEnforcementAction('arrest')).toBe(false);
  });

  it('takes the publication scopes from the policy', () => {
    expect(publicationScopes(EDUCATION_PROCEDURE)).toEqual(['本单位', '本系统', '社会公开']);
    expect(isPublicationScope(EDUCATION_PROCEDURE, '本系统')).toBe(true);
    expect(isPublicationScope(EDUCATION_PROCEDURE, '全国')).toBe(false);
  });
});
