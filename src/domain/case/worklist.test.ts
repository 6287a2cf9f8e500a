import { describe, expect, it } from 'vitest';
import { actingStates } from './worklist.ts';
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
