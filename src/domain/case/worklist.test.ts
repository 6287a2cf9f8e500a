import { describe, expect, it } from 'vitest';
import { ACTORS, caseIn, context, determination } from './test-fixtures.ts';
import { actingStates, hasWorkOn } from './worklist.ts';
import type { Role } from '../vocabulary.ts';
import type { CaseState } from '../vocabulary.ts';

describe('actingStates: where a to-do list (我的待办) looks', () => {
  it.each<[Role[], CaseState[]]>([
    // Withdrawing before the decision, objecting after the notice.
    [
      ['officer'],
      ['submitted', 'investigating', 'assessing', 'awaiting_decision', 'notified', 'published'],
    ],
    // Intake, investigation and assessment, with the case's records.
    [['investigator'], ['submitted', 'investigating', 'assessing']],
    [['secretary'], ['awaiting_decision', 'decided', 'notified', 'published', 'objection_review']],
    [['reviewer'], []],
    [['sysadmin'], []],
    [['secadmin'], []],
    [['auditadmin'], []],
    // An account that should not exist, an administrator with a case role, works on none.
    [['sysadmin', 'investigator'], []],
  ])('%j: %j', (roles, states) => {
    expect(actingStates(roles)).toEqual(states);
  });

  it("joins two roles' states, in the states' order rather than the roles'", () => {
    expect(actingStates(['officer', 'investigator'])).toEqual([
      'submitted',
      'investigating',
      'assessing',
      'awaiting_decision',
      'notified',
      'published',
    ]);
    // The investigator's states all come before the secretary's.
    expect(actingStates(['secretary', 'investigator'])).toEqual([
      ...actingStates(['investigator']),
      ...actingStates(['secretary']),
    ]);
  });
});

describe('hasWorkOn: a step to take or a record to keep now', () => {
  const ctx = context();

  it('is true for whoever may act or record, and false while nothing may be done', () => {
    // Facts not settled: no step yet, but facts to record.
    const unsettled = caseIn('investigating', {
      determination: determination('undetermined', null),
    });
    expect(hasWorkOn(unsettled, ACTORS.investigator, ctx)).toBe(true);
    // Published, inside the objection period: the secretary may not close yet.
    expect(hasWorkOn(caseIn('published'), ACTORS.secretary, ctx)).toBe(false);
    expect(hasWorkOn(caseIn('published'), ACTORS.officer, ctx)).toBe(true);
    // A case the unit opened about the officer: he did not apply, so he may not withdraw.
    const initiated = caseIn('investigating', { origin: 'initiation', applicantId: null });
    expect(hasWorkOn(initiated, ACTORS.officer, ctx)).toBe(false);
    expect(hasWorkOn(caseIn('submitted'), ACTORS.reviewer, ctx)).toBe(false);
  });
});
