import { describe, expect, it } from 'vitest';
import { ACTORS, caseIn, context, determination } from './test-fixtures.ts';
import { actingStates, hasWorkOn } from './worklist.ts';
import type { Role } from '../vocabulary.ts';
import type { CaseState } from '../vocabulary.ts';

describe('actingStates: where a to-do list (我的待办) looks', () => {
  it.each<[Role[], CaseState[]]>([
    // Withdrawing and objecting are the officer's rights, never a step he must take.
    [['officer'], []],
    // Intake, investigation and assessment, with the case's records.
    [['investigator'], ['submitted', 'investigating', 'assessing']],
    [['secretary'], ['awaiting_decision', 'decided', 'notified', 'published', 'objection_review']],
    // The legal review (法制审核) before the decision.
    [['reviewer'], ['awaiting_decision']],
    [['sysadmin'], []],
    [['secadmin'], []],
    [['auditadmin'], []],
    // An account that should not exist, an administrator with a case role, works on none.
    [['sysadmin', 'investigator'], []],
  ])('%j: %j', (roles, states) => {
    expect(actingStates(roles)).toEqual(states);
  });

  it("joins two roles' states, in the states' order rather than the roles'", () => {
    expect(actingStates(['officer', 'investigator'])).toEqual(actingStates(['investigator']));
    // The investigator's states all come before the secretary's.
    expect(actingStates(['secretary', 'investigator'])).toEqual([
      ...actingStates(['investigator']),
      ...actingStates(['secretary']),
    ]);
  });
});

describe('hasWorkOn: the next step is the reader’s to take now', () => {
  const ctx = context();

  it('is true for whoever may take the step or keep its records, and false while nothing may be done', () => {
    // Facts not settled: no step yet, but facts to record.
    const unsettled = caseIn('investigating', {
      determination: determination('undetermined', null),
    });
    expect(hasWorkOn(unsettled, ACTORS.investigator, ctx)).toBe(true);
    // Published, inside the objection period: the secretary may not close yet.
    expect(hasWorkOn(caseIn('published'), ACTORS.secretary, ctx)).toBe(false);
    // He may object, but an objection is a right, not a to-do.
    expect(hasWorkOn(caseIn('published'), ACTORS.officer, ctx)).toBe(false);
    expect(hasWorkOn(caseIn('submitted'), ACTORS.officer, ctx)).toBe(false);
    // A case the unit opened about the officer: he did not apply, so he may not withdraw.
    const initiated = caseIn('investigating', { origin: 'initiation', applicantId: null });
    expect(hasWorkOn(initiated, ACTORS.officer, ctx)).toBe(false);
    expect(hasWorkOn(caseIn('submitted'), ACTORS.reviewer, ctx)).toBe(false);
  });
});
