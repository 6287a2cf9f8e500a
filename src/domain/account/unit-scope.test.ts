import { describe, expect, it } from 'vitest';
import { organOf, systemOf, type LineageUnit } from './unit-scope.ts';

const league: LineageUnit = { id: 'league', kind: 'league', policyId: null };
const bureau: LineageUnit = { id: 'em', kind: 'bureau', policyId: 'emergency' };
const section: LineageUnit = { id: 'em-sup', kind: 'section', policyId: null };
const county: LineageUnit = { id: 'xlht', kind: 'county_bureau', policyId: null };
const team: LineageUnit = { id: 'xlht-team', kind: 'section', policyId: null };

describe('本单位 and 本系统', () => {
  it('takes a section to the bureau it is part of', () => {
    expect(organOf([section, bureau, league])).toBe('em');
    expect(organOf([team, county, bureau, league])).toBe('xlht');
    expect(organOf([bureau, league])).toBe('em');
  });

  it('takes every unit to the one that adopted its regime', () => {
    expect(systemOf([team, county, bureau, league])).toBe('em');
    expect(systemOf([section, bureau, league])).toBe('em');
    expect(systemOf([league])).toBe('league');
  });
});
