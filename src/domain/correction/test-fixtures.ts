// Builders for the correction tests: the emergency regime's parameters, the case tests'
// calendar, the people around one correction, and a correction in each state.

import { CALENDAR, EMERGENCY_PROCEDURE, TODAY } from '../case/test-fixtures.ts';
import type { Role } from '../vocabulary.ts';
import type { Actor, CorrectionContext, CorrectionView } from './correction-machine.ts';

export { CALENDAR, TODAY };

export function correctionContext(overrides: Partial<CorrectionContext> = {}): CorrectionContext {
  return { today: TODAY, params: EMERGENCY_PROCEDURE.correction, calendar: CALENDAR, ...overrides };
}

function actor(id: string, roles: readonly Role[], inUnitScope: boolean): Actor {
  return { id, roles, inUnitScope };
}

/** The people around correction `corr-1` of unit A, about officer `officer-1`. */
export const PEOPLE = {
  object: actor('officer-1', ['officer'], true),
  otherOfficer: actor('officer-2', ['officer'], true),
  secretary: actor('secretary-1', ['secretary'], true),
  investigator: actor('investigator-1', ['investigator'], true),
  reviewer: actor('reviewer-1', ['reviewer'], true),
  otherUnitSecretary: actor('secretary-2', ['secretary'], false),
  sysadmin: actor('admin-1', ['sysadmin'], false),
  /** A secretary who is the correction object himself (an officer of the unit too). */
  objectAsSecretary: actor('officer-1', ['officer', 'secretary'], true),
} as const;

export const NOTIFIED_ON = '2030-09-02';
/** 30 working days from 2030-09-02 in the fixtures' calendar (make-up workday 09-29, holiday 10-01..10-07). */
export const DUE = '2030-10-17';

export function correction(
  state: CorrectionView['state'],
  overrides: Partial<CorrectionView> = {},
): CorrectionView {
  const notified = state !== 'opened' && state !== 'cancelled';
  const claimed = state === 'completion_claimed' || state === 'completed';
  return {
    id: 'corr-1',
    state,
    officerId: 'officer-1',
    openedOn: '2030-08-30',
    notifiedOn: notified ? NOTIFIED_ON : null,
    due: notified ? DUE : null,
    items: notified
      ? [
          { id: 'item-1', done: claimed },
          { id: 'item-2', done: claimed },
        ]
      : [],
    extensions: [],
    claimedOn: claimed ? '2030-09-15' : null,
    ...overrides,
  };
}
