import { describe, expect, it } from 'vitest';
import type { CaseAction } from './case-actions.ts';
import { decideTransition } from './decide-transition.ts';
import { ACTORS, context, OFFICER_ID, validAction } from './test-fixtures.ts';
import { accepted, code, effectsOf } from './test-helpers.ts';

describe('opening a case', () => {
  it('an application is about the applicant', () => {
    const effects = effectsOf(
      decideTransition(null, validAction('submit_application'), ACTORS.officer, context()),
    );
    expect(effects).toEqual(
      accepted('submit_application', 'none', 'submitted', [
        {
          kind: 'create_case',
          origin: 'application',
          unitId: 'unit-a',
          officerId: OFFICER_ID,
          applicantId: OFFICER_ID,
          title: '某企业安全检查未发现隐患',
          conduct: '按检查计划开展现场检查',
          enforcementAction: 'inspection',
        },
      ]),
    );
  });

  it('an initiated case is about the officer named, with no applicant', () => {
    const effects = effectsOf(
      decideTransition(null, validAction('initiate'), ACTORS.investigator, context()),
    );
    expect(effects.state).toBe('investigating');
    expect(effects.changes[0]).toMatchObject({
      origin: 'initiation',
      officerId: OFFICER_ID,
      applicantId: null,
    });
    expect(
      code(decideTransition(null, validAction('initiate'), ACTORS.outsideInvestigator, context())),
    ).toBe('FORBIDDEN');
  });

  it('INVALID_INPUT: a case opened without a title, conduct, unit or known enforcement action', () => {
    const ctx = context();
    const base = validAction('submit_application');
    for (const patch of [
      { title: ' ' },
      { conduct: '' },
      { unitId: '' },
      { enforcementAction: 'arrest' },
    ]) {
      const action = { ...base, ...patch } as CaseAction;
      expect(code(decideTransition(null, action, ACTORS.officer, ctx)), JSON.stringify(patch)).toBe(
        'INVALID_INPUT',
      );
    }
    const initiate = { ...validAction('initiate'), officerId: '' } as CaseAction;
    expect(code(decideTransition(null, initiate, ACTORS.investigator, ctx))).toBe('INVALID_INPUT');
  });
});
