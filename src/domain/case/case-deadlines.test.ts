import { describe, expect, it } from 'vitest';
import { openDeadlinesOf, STATES_WITH_DEADLINES } from './case-deadlines.ts';
import { caseIn, OFFICER_ID } from './test-fixtures.ts';
import { CASE_STATES } from '../vocabulary.ts';

describe('openDeadlinesOf', () => {
  it('gives the unsent notifications of a decided case, due by the unit', () => {
    expect(openDeadlinesOf(caseIn('decided'))).toEqual([
      {
        kind: 'notification',
        caseId: 'case-1',
        unitId: 'unit-a',
        due: '2030-09-17',
        userId: null,
        notificationId: 'n-unit',
      },
    ]);
  });

  it('gives the open objection period of a notified or published case, for the officer', () => {
    for (const state of ['notified', 'published'] as const) {
      expect(openDeadlinesOf(caseIn(state))).toEqual([
        {
          kind: 'objection',
          caseId: 'case-1',
          unitId: 'unit-a',
          due: '2030-09-30',
          userId: OFFICER_ID,
          notificationId: null,
        },
      ]);
    }
    expect(openDeadlinesOf(caseIn('notified', { objectionDue: null }))).toEqual([]);
  });

  it('gives nothing in the other states', () => {
    for (const state of CASE_STATES.filter(
      (s) => !(STATES_WITH_DEADLINES as readonly string[]).includes(s),
    )) {
      expect(openDeadlinesOf(caseIn(state)), state).toEqual([]);
    }
  });
});
