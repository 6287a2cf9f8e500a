import { describe, expect, it } from 'vitest';
import {
  canRead,
  canReadOfficerRecord,
  readScopeOf,
  scopeAdmits,
  type ReadScope,
} from './case-access.ts';
import { TRANSITION_NAMES, TRANSITIONS } from './case-transitions.ts';
import type { Actor } from './case-view.ts';
import { decideTransition } from './decide-transition.ts';
import {
  ACTORS,
  caseIn,
  context,
  contextFor,
  entitledActor,
  OFFICER_ID,
  validAction,
} from './test-fixtures.ts';
import { code, decideValid } from './test-helpers.ts';
import { ROLES, type Role } from '../vocabulary.ts';

const NOTHING: ReadScope = { unitSubtree: false, ownCases: false };
const OWN_CASES: ReadScope = { unitSubtree: false, ownCases: true };
const UNIT_SUBTREE: ReadScope = { unitSubtree: true, ownCases: false };

describe('who may read and do what', () => {
  it('reads: the officer their own cases, case roles their unit subtree, administrators none', () => {
    const c = caseIn('investigating');
    const readers = Object.entries(ACTORS)
      .filter(([, a]) => canRead(c, a))
      .map(([name]) => name);
    expect(readers).toEqual(['officer', 'investigator', 'secretary', 'reviewer', 'petitions']);
  });
});

describe('readScopeOf', () => {
  it.each<[Role[], ReadScope]>([
    [['officer'], OWN_CASES],
    [['investigator'], UNIT_SUBTREE],
    [['secretary'], UNIT_SUBTREE],
    [['reviewer'], UNIT_SUBTREE],
    [['petitions'], UNIT_SUBTREE],
    [['sysadmin'], NOTHING],
    [['secadmin'], NOTHING],
    [['auditadmin'], NOTHING],
    [['officer', 'reviewer'], { unitSubtree: true, ownCases: true }],
    [[], NOTHING],
  ])('%j: %j', (roles, scope) => {
    expect(readScopeOf(roles)).toEqual(scope);
  });

  it('gives an administrator who also holds a case role nothing', () => {
    for (const admin of ['sysadmin', 'secadmin', 'auditadmin'] as const) {
      expect(readScopeOf([admin, 'investigator'])).toEqual(NOTHING);
      expect(readScopeOf(['officer', admin])).toEqual(NOTHING);
    }
  });
});

describe('scopeAdmits', () => {
  const mine = { officerId: 'u-me', applicantId: null };
  const appliedByMe = { officerId: 'u-else', applicantId: 'u-me' };
  const others = { officerId: 'u-else', applicantId: 'u-else' };

  it('the unit subtree: any case of a unit in it, none outside', () => {
    expect(scopeAdmits(UNIT_SUBTREE, 'u-me', true, others)).toBe(true);
    expect(scopeAdmits(UNIT_SUBTREE, 'u-me', false, others)).toBe(false);
    expect(scopeAdmits(UNIT_SUBTREE, 'u-me', false, mine)).toBe(false);
  });

  it('own cases: those about the reader or applied for by them, in any unit', () => {
    expect(scopeAdmits(OWN_CASES, 'u-me', false, mine)).toBe(true);
    expect(scopeAdmits(OWN_CASES, 'u-me', false, appliedByMe)).toBe(true);
    expect(scopeAdmits(OWN_CASES, 'u-me', true, others)).toBe(false);
  });

  it('nothing: no case at all', () => {
    for (const subject of [mine, appliedByMe, others])
      expect(scopeAdmits(NOTHING, 'u-me', true, subject)).toBe(false);
  });
});

describe('canReadOfficerRecord', () => {
  it('the officer themself, or a reader of the unit subtree the officer is in', () => {
    expect(canReadOfficerRecord(OWN_CASES, OFFICER_ID, OFFICER_ID, false)).toBe(true);
    expect(canReadOfficerRecord(NOTHING, OFFICER_ID, OFFICER_ID, false)).toBe(true);
    expect(canReadOfficerRecord(UNIT_SUBTREE, 'u-investigator', OFFICER_ID, true)).toBe(true);
    expect(canReadOfficerRecord(UNIT_SUBTREE, 'u-investigator', OFFICER_ID, false)).toBe(false);
    // Another officer reads only their own cases, not a colleague's record.
    expect(canReadOfficerRecord(OWN_CASES, 'u-other-officer', OFFICER_ID, true)).toBe(false);
    expect(canReadOfficerRecord(readScopeOf(['sysadmin']), 'u-sys', OFFICER_ID, true)).toBe(false);
  });
});

describe('refused combinations: FORBIDDEN, and why', () => {
  const wrongRole = TRANSITION_NAMES.flatMap((name) =>
    ROLES.filter((r) => !(TRANSITIONS[name].roles as readonly Role[]).includes(r)).flatMap((role) =>
      TRANSITIONS[name].from.map((from) => ({ name, from, role })),
    ),
  );
  it.each(wrongRole)('$name from $from by $role: FORBIDDEN', ({ name, from, role }) => {
    const result = decideValid(name, from, entitledActor(role), context());
    expect(code(result)).toBe('FORBIDDEN');
  });

  const outside: Actor[] = [ACTORS.outsideInvestigator, ACTORS.outsideSecretary];
  const otherUnit = TRANSITION_NAMES.flatMap((name) =>
    outside
      .filter((a) => a.roles.some((r) => (TRANSITIONS[name].roles as readonly Role[]).includes(r)))
      .flatMap((actor) =>
        TRANSITIONS[name].from.map((from) => ({ name, from, actor: actor.id, a: actor })),
      ),
  );
  it.each(otherUnit)(
    '$name from $from by $actor of another unit: FORBIDDEN',
    ({ name, from, a }) => {
      expect(code(decideValid(name, from, a, contextFor(name)))).toBe('FORBIDDEN');
    },
  );

  const officerActions = TRANSITION_NAMES.filter(
    (n) =>
      (TRANSITIONS[n].roles as readonly Role[]).includes('officer') && n !== 'submit_application',
  );
  const otherCase = officerActions.flatMap((name) =>
    TRANSITIONS[name].from.map((from) => ({ name, from })),
  );
  it.each(otherCase)(
    "$name from $from by an officer on someone else's case: FORBIDDEN",
    ({ name, from }) => {
      expect(code(decideValid(name, from, ACTORS.otherOfficer, contextFor(name)))).toBe(
        'FORBIDDEN',
      );
    },
  );

  it('lets an officer withdraw only their own application, not a case initiated about them', () => {
    const initiated = caseIn('investigating', { origin: 'initiation', applicantId: null });
    expect(code(decideTransition(initiated, { kind: 'withdraw' }, ACTORS.officer, context()))).toBe(
      'FORBIDDEN',
    );
    // ... while they may still object to its result.
    const notified = caseIn('notified', { origin: 'initiation', applicantId: null });
    expect(
      decideTransition(notified, validAction('raise_objection'), ACTORS.officer, context()).ok,
    ).toBe(true);
  });

  const admins = (['sysadmin', 'secadmin', 'auditadmin'] as const).flatMap((role) =>
    TRANSITION_NAMES.flatMap((name) =>
      TRANSITIONS[name].from.map((from) => ({ name, from, role })),
    ),
  );
  it.each(admins)('$name from $from by $role: FORBIDDEN', ({ name, from, role }) => {
    expect(code(decideValid(name, from, entitledActor(role), contextFor(name)))).toBe('FORBIDDEN');
  });

  it('refuses an administrator who also holds a case role (an account that should not exist)', () => {
    const both: Actor = { id: 'u-x', roles: ['sysadmin', 'investigator'], inUnitScope: true };
    expect(code(decideTransition(caseIn('submitted'), { kind: 'accept' }, both, context()))).toBe(
      'FORBIDDEN',
    );
    expect(canRead(caseIn('submitted'), both)).toBe(false);
  });
});
