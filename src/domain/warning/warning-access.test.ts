import { describe, expect, it } from 'vitest';
import { acknowledgementTarget, mayReadWarnings, type RecipientView } from './warning-access.ts';
import { checkRuleSet, ruleText } from './warning-rule.ts';

const inBureau = (unitId: string) => ['team', 'chem', 'bureau'].includes(unitId);
const ask = (
  recipients: RecipientView[],
  request: { measures: string; unitId?: string },
  roles: ('investigator' | 'secretary' | 'reviewer' | 'officer' | 'sysadmin')[] = ['secretary'],
  own = 'bureau',
) => acknowledgementTarget(roles, own, recipients, inBureau, request);

describe('who reads and who acknowledges a warning', () => {
  it('is read by those who read a unit’s cases, not by officers or administrators', () => {
    expect(mayReadWarnings(['reviewer'])).toBe(true);
    expect(mayReadWarnings(['officer'])).toBe(false);
    expect(mayReadWarnings(['sysadmin'])).toBe(false);
  });

  it('is acknowledged by an investigator or a secretary, the role checked first', () => {
    const other = [{ unitId: 'elsewhere', acknowledged: false }];
    expect(ask(other, { measures: '整改' }, ['reviewer'])).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(ask(other, { measures: '整改' })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(ask(other, { measures: '整改' }, ['investigator'])).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
  });

  it('needs the measures', () => {
    expect(ask([{ unitId: 'team', acknowledged: false }], { measures: '  ' })).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('is for the one unit waiting in the reader’s units, or the reader’s own, or the one named', () => {
    const two = [
      { unitId: 'team', acknowledged: false },
      { unitId: 'chem', acknowledged: false },
      { unitId: 'elsewhere', acknowledged: false },
    ];
    expect(ask(two, { measures: '整改' })).toMatchObject({ error: { code: 'UNIT_REQUIRED' } });
    expect(ask(two, { measures: '整改', unitId: 'chem' })).toEqual({ ok: true, unitId: 'chem' });
    expect(ask(two, { measures: '整改', unitId: 'elsewhere' })).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    expect(ask(two, { measures: '整改' }, ['secretary'], 'team')).toEqual({
      ok: true,
      unitId: 'team',
    });
    const oneLeft = [
      { unitId: 'team', acknowledged: true },
      { unitId: 'chem', acknowledged: false },
    ];
    expect(ask(oneLeft, { measures: '整改' })).toEqual({ ok: true, unitId: 'chem' });
    expect(ask(oneLeft, { measures: '整改', unitId: 'team' })).toMatchObject({
      error: { code: 'ALREADY_ACKNOWLEDGED' },
    });
    expect(ask([{ unitId: 'team', acknowledged: true }], { measures: '整改' })).toMatchObject({
      error: { code: 'ALREADY_ACKNOWLEDGED' },
    });
  });
});

describe('warning rules as set', () => {
  const known = new Set(['xilingol-emergency-2024']);
  const rule = {
    kind: 'same_error_type_in_unit' as const,
    policyId: null,
    threshold: 3,
    months: 12,
    enabled: true,
  };

  it('takes thresholds from two and months from one to sixty', () => {
    expect(
      checkRuleSet([rule, { ...rule, threshold: 2, months: 60 }], new Set(), known),
    ).toBeNull();
    expect(checkRuleSet([{ ...rule, threshold: 1 }], new Set(), known)?.code).toBe('INVALID_INPUT');
    expect(checkRuleSet([{ ...rule, months: 0 }], new Set(), known)?.code).toBe('INVALID_INPUT');
    expect(checkRuleSet([{ ...rule, months: 61 }], new Set(), known)?.code).toBe('INVALID_INPUT');
    expect(checkRuleSet([{ ...rule, threshold: 2.5 }], new Set(), known)?.code).toBe(
      'INVALID_INPUT',
    );
  });

  it('refuses a regime it does not know and an id that names no rule or names one twice', () => {
    expect(checkRuleSet([{ ...rule, policyId: 'nowhere' }], new Set(), known)?.code).toBe(
      'UNKNOWN_POLICY',
    );
    expect(checkRuleSet([{ ...rule, id: 'r1' }], new Set(), known)?.code).toBe('NOT_FOUND');
    const twice = [
      { ...rule, id: 'r1' },
      { ...rule, id: 'r1' },
    ];
    expect(checkRuleSet(twice, new Set(['r1']), known)?.code).toBe('INVALID_INPUT');
  });

  it('says a rule in words', () => {
    expect(ruleText(rule)).toBe('12个月内同一单位同一错误类型出现3次');
    expect(ruleText({ kind: 'same_field_across_units', threshold: 5, months: 12 })).toBe(
      '12个月内同一执法领域在5个单位出现',
    );
  });
});
