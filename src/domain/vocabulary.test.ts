import { describe, expect, it } from 'vitest';
import * as vocabulary from './vocabulary.ts';
import {
  ASSESSMENT_FACTOR_LABELS,
  ASSESSMENT_FACTORS,
  CASE_STATES,
  codesOf,
  ENFORCEMENT_ACTION_LABELS,
  isAssessmentFactor,
  isCaseState,
  isCodeOf,
  isEnforcementAction,
  isRole,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
} from './vocabulary.ts';

const records = Object.entries(vocabulary).filter(([name]) => name.endsWith('_LABELS')) as [
  string,
  Record<string, string>,
][];

describe('the vocabularies', () => {
  it('labels every code of every list in Chinese', () => {
    expect(records.length).toBeGreaterThanOrEqual(11);
    for (const [name, labels] of records)
      for (const [code, label] of Object.entries(labels))
        expect(label, `${name}.${code}`).toMatch(/\p{Script=Han}/u);
  });

  it('reads the codes off a record in its order, and checks a string against them', () => {
    expect(codesOf({ b: '乙', a: '甲' })).toEqual(['b', 'a']);
    expect(Object.isFrozen(CASE_STATES)).toBe(true);
    expect(CASE_STATES.slice(0, 3)).toEqual(['submitted', 'investigating', 'assessing']);
    expect(isCodeOf({ a: '甲' }, 'a')).toBe(true);
    // Not a key inherited from Object.prototype.
    expect(isCodeOf({ a: '甲' }, 'toString')).toBe(false);
    expect(isCaseState('decided')).toBe(true);
    expect(isCaseState('archived')).toBe(false);
    expect(isRole('officer')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isAssessmentFactor('remedy')).toBe(true);
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
    expect(UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k])).toEqual(['盟', '局', '科室', '旗县局']);
  });
});
