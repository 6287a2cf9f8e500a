import { describe, expect, it } from 'vitest';
import { firingWarnings, type DecidedCase, type RaisedWarning } from './warning-evaluation.ts';
import { monthsBefore, type WarningRule } from './warning-rule.ts';

const EM = 'xilingol-emergency-2024';
const ED = 'xilingol-education-2024';
const TODAY = '2026-11-30';

const inUnit: WarningRule = {
  id: 'rule-unit',
  kind: 'same_error_type_in_unit',
  policyId: null,
  threshold: 3,
  months: 12,
  enabled: true,
};
const acrossUnits: WarningRule = {
  id: 'rule-field',
  kind: 'same_field_across_units',
  policyId: null,
  threshold: 5,
  months: 12,
  enabled: true,
};

let serial = 0;
function decided(
  unitId: string,
  decidedOn: string,
  over: Partial<Omit<DecidedCase, 'unitId' | 'decidedOn'>> = {},
): DecidedCase {
  serial += 1;
  return {
    caseId: `case-${String(serial).padStart(3, '0')}`,
    policyId: EM,
    field: 'hazardous_chemicals',
    errorType: 'facts_unclear',
    unitId,
    decidedOn,
    ...over,
  };
}

const fire = (
  rules: readonly WarningRule[],
  cases: readonly DecidedCase[],
  raised: readonly RaisedWarning[] = [],
  asOf = TODAY,
) => firingWarnings(rules, cases, raised, asOf);

describe('monthsBefore', () => {
  it('keeps the day of the month, or the month’s last where it has none', () => {
    expect(monthsBefore('2026-11-30', 12)).toBe('2025-11-30');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBefore('2026-01-15', 1)).toBe('2025-12-15');
    expect(monthsBefore('2026-05-10', 29)).toBe('2023-12-10');
  });
});

describe('the same error type in one unit (same_error_type_in_unit)', () => {
  it('fires at the threshold, addressed to the unit, with the cases behind it', () => {
    const cases = [
      decided('u1', '2026-02-01'),
      decided('u1', '2026-06-01'),
      decided('u1', '2026-11-30'),
    ];
    const [warning, ...more] = fire([inUnit], cases);
    expect(more).toEqual([]);
    expect(warning).toMatchObject({
      ruleId: 'rule-unit',
      key: {
        kind: 'same_error_type_in_unit',
        policyId: EM,
        unitId: 'u1',
        errorType: 'facts_unclear',
      },
      caseIds: cases.map((c) => c.caseId),
      unitIds: ['u1'],
      windowFrom: '2026-02-01',
      windowTo: '2026-11-30',
      threshold: 3,
      months: 12,
    });
  });

  it('does not fire one below the threshold', () => {
    expect(fire([inUnit], [decided('u1', '2026-06-01'), decided('u1', '2026-11-30')])).toEqual([]);
  });

  it('counts one unit, one error type and one regime at a time', () => {
    const cases = [
      decided('u1', '2026-06-01'),
      decided('u1', '2026-07-01'),
      decided('u2', '2026-08-01'),
      decided('u1', '2026-09-01', { errorType: 'insufficient_evidence' }),
      decided('u1', '2026-10-01', { policyId: ED }),
    ];
    expect(fire([inUnit], cases)).toEqual([]);
  });

  it('counts cases decided within the months: the window’s first day is in, the day before is out', () => {
    // Twelve months ending 2026-11-30 run from 2025-12-01.
    const inside = [
      decided('u1', '2025-12-01'),
      decided('u1', '2026-05-01'),
      decided('u1', '2026-11-30'),
    ];
    expect(fire([inUnit], inside)).toHaveLength(1);
    const outside = [
      decided('u1', '2025-11-30'),
      decided('u1', '2026-05-01'),
      decided('u1', '2026-11-30'),
    ];
    expect(fire([inUnit], outside)).toEqual([]);
  });

  it('does not count the cases of a warning raised before again', () => {
    const first = [
      decided('u1', '2026-03-01'),
      decided('u1', '2026-04-01'),
      decided('u1', '2026-05-01'),
    ];
    const raised = [{ ruleId: 'rule-unit', caseIds: first.map((c) => c.caseId) }];
    const fourth = decided('u1', '2026-06-01');
    expect(fire([inUnit], [...first, fourth], raised)).toEqual([]);
    // Another rule has not warned of them.
    expect(fire([{ ...inUnit, id: 'other' }], [...first, fourth], raised)).toHaveLength(1);
    // Three new ones make a second warning, of them alone.
    const next = [fourth, decided('u1', '2026-07-01'), decided('u1', '2026-08-01')];
    const [second] = fire([inUnit], [...first, ...next], raised);
    expect(second?.caseIds).toEqual(next.map((c) => c.caseId));
  });

  it('raises one warning per window when the cases reach the threshold twice over', () => {
    const cases = Array.from({ length: 7 }, (_, i) => decided('u1', `2026-0${i + 1}-10`));
    const warnings = fire([inUnit], cases);
    expect(warnings.map((w) => w.caseIds.length)).toEqual([3, 3]);
    expect(warnings[1]?.windowFrom).toBe('2026-04-10');
  });

  it('warns of no window whose last case was decided more than the months before today', () => {
    const old = [
      decided('u1', '2024-01-01'),
      decided('u1', '2024-02-01'),
      decided('u1', '2024-03-01'),
    ];
    expect(fire([inUnit], old)).toEqual([]);
    // A window ending on the first day of the last twelve months is recent enough.
    const edge = [
      decided('u1', '2025-10-01'),
      decided('u1', '2025-11-01'),
      decided('u1', '2025-12-01'),
    ];
    expect(fire([inUnit], edge)).toHaveLength(1);
    const past = [
      decided('u1', '2025-10-01'),
      decided('u1', '2025-11-01'),
      decided('u1', '2025-11-30'),
    ];
    expect(fire([inUnit], past)).toEqual([]);
  });

  it('ignores a rule that is disabled or of another regime', () => {
    const cases = [
      decided('u1', '2026-09-01'),
      decided('u1', '2026-10-01'),
      decided('u1', '2026-11-01'),
    ];
    expect(fire([{ ...inUnit, enabled: false }], cases)).toEqual([]);
    expect(fire([{ ...inUnit, policyId: ED }], cases)).toEqual([]);
    expect(fire([{ ...inUnit, policyId: EM }], cases)).toHaveLength(1);
  });
});

describe('the same field across units (same_field_across_units)', () => {
  const units = (n: number, day = '2026-10-01') =>
    Array.from({ length: n }, (_, i) =>
      decided(`unit-${i + 1}`, day, { errorType: i % 2 === 0 ? 'facts_unclear' : 'other' }),
    );

  it('fires when the field’s cases fall in as many units as the threshold, addressed to each', () => {
    const cases = units(5);
    const [warning, ...more] = fire([acrossUnits], cases);
    expect(more).toEqual([]);
    expect(warning?.key).toEqual({
      kind: 'same_field_across_units',
      policyId: EM,
      field: 'hazardous_chemicals',
    });
    expect(warning?.unitIds).toEqual(['unit-1', 'unit-2', 'unit-3', 'unit-4', 'unit-5']);
    expect(warning?.caseIds).toHaveLength(5);
  });

  it('does not fire in one unit fewer, however many cases those units have', () => {
    const cases = [...units(4), ...units(4, '2026-11-01')];
    expect(fire([acrossUnits], cases)).toEqual([]);
  });

  it('counts units, not cases, and other fields not at all', () => {
    const other = decided('unit-5', '2026-10-01', { field: 'fireworks' });
    expect(fire([acrossUnits], [...units(4), other])).toEqual([]);
    expect(
      fire([acrossUnits], [...units(4), { ...other, field: 'hazardous_chemicals' }]),
    ).toHaveLength(1);
  });

  it('counts the units whose cases fall within the months', () => {
    const four = units(4, '2026-11-30');
    expect(fire([acrossUnits], [decided('unit-5', '2025-12-01'), ...four])).toHaveLength(1);
    expect(fire([acrossUnits], [decided('unit-5', '2025-11-30'), ...four])).toEqual([]);
  });

  it('does not warn again of the units already warned of', () => {
    const cases = units(5);
    const raised = [{ ruleId: 'rule-field', caseIds: cases.map((c) => c.caseId) }];
    expect(fire([acrossUnits], [...cases, decided('unit-6', '2026-11-01')], raised)).toEqual([]);
  });
});
