import { describe, expect, it } from 'vitest';
import { allowedActions } from './case-guards.ts';
import { checkRecordAccess } from './case-records.ts';
import type { Actor } from './case-view.ts';
import { decideTransition } from './decide-transition.ts';
import { checkRecordRecusal, recusalKindFor } from './recusal.ts';
import { ACTORS, caseIn, context, OFFICER_ID, validAction } from './test-fixtures.ts';

/** The officer concerned who is also an investigator and a secretary of the unit. */
const officerWhoInvestigates: Actor = {
  id: OFFICER_ID,
  roles: ['officer', 'investigator', 'secretary', 'reviewer'],
  inUnitScope: true,
};
const person = (id: string, roles: Actor['roles'] = ['investigator']) => ({
  id,
  roles,
  inUnitScope: true,
});

describe('no one acts on a case about themselves (回避)', () => {
  it('the officer concerned fires no unit step on their own case, whatever roles they hold', () => {
    expect(allowedActions(caseIn('submitted'), officerWhoInvestigates, context())).toEqual([
      'withdraw',
    ]);
    const accept = decideTransition(
      caseIn('submitted'),
      { kind: 'accept' },
      officerWhoInvestigates,
      context(),
    );
    expect(accept).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('本案涉及您本人') },
    });
    const decide = decideTransition(
      caseIn('awaiting_decision'),
      validAction('record_decision'),
      officerWhoInvestigates,
      context(),
    );
    expect(decide).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      checkRecordAccess(caseIn('investigating'), officerWhoInvestigates, 'fact'),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('回避') },
    });
  });

  it('a recused investigator or secretary may not act, with a message saying so', () => {
    const recused = caseIn('investigating', { recusedIds: [ACTORS.investigator.id] });
    expect(allowedActions(recused, ACTORS.investigator, context())).toEqual([]);
    expect(checkRecordAccess(recused, ACTORS.investigator, 'fact')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '您已回避本案，不能办理本案' },
    });
    const decided = caseIn('awaiting_decision', { recusedIds: [ACTORS.secretary.id] });
    expect(
      decideTransition(decided, validAction('record_decision'), ACTORS.secretary, context()),
    ).toMatchObject({ ok: false, error: { message: '您已回避本案，不能办理本案' } });
  });
});

describe('recording a recusal', () => {
  const reason = '与当事人系近亲属';

  it('the officer asks it (申请回避) of a named person, until the decision', () => {
    const check = checkRecordRecusal(caseIn('investigating'), ACTORS.officer, {
      person: person('u-investigator'),
      reason,
    });
    expect(check).toEqual({ ok: true, kind: 'requested' });
    expect(recusalKindFor(caseIn('decided'), ACTORS.officer)).toBeNull();
    expect(
      checkRecordRecusal(caseIn('decided'), ACTORS.officer, {
        person: person('u-investigator'),
        reason,
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('an investigator or secretary records 自行回避 of themselves, 决定回避 of another', () => {
    expect(
      checkRecordRecusal(caseIn('investigating'), ACTORS.investigator, {
        person: person('u-investigator'),
        reason,
      }),
    ).toEqual({ ok: true, kind: 'self' });
    expect(
      checkRecordRecusal(caseIn('awaiting_decision'), ACTORS.secretary, {
        person: person('u-reviewer', ['reviewer']),
        reason,
      }),
    ).toEqual({ ok: true, kind: 'decided' });
  });

  it('refuses a reviewer recording it, a blank reason, the officer, a stranger, a repeat', () => {
    const view = caseIn('investigating', { recusedIds: ['u-secretary'] });
    const input = { person: person('u-investigator'), reason };
    expect(checkRecordRecusal(view, ACTORS.reviewer, input)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(checkRecordRecusal(view, ACTORS.outsideInvestigator, input)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const by = (p: Parameters<typeof checkRecordRecusal>[2]) =>
      checkRecordRecusal(view, ACTORS.investigator, p);
    expect(by({ ...input, reason: ' ' })).toMatchObject({ error: { code: 'REASON_REQUIRED' } });
    expect(by({ person: null, reason })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(by({ person: person(OFFICER_ID, ['officer']), reason })).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    expect(by({ person: { ...person('u-x'), inUnitScope: false }, reason })).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    expect(by({ person: person('u-y', ['officer']), reason })).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    expect(by({ person: person('u-secretary', ['secretary']), reason })).toMatchObject({
      error: { code: 'INVALID_INPUT', message: '该人员已回避本案' },
    });
    expect(checkRecordRecusal(caseIn('closed'), ACTORS.investigator, input)).toMatchObject({
      error: { code: 'INVALID_TRANSITION' },
    });
  });
});

describe('an investigator opening a case', () => {
  it('FORBIDDEN about their own conduct', () => {
    const self = { ...validAction('initiate'), officerId: officerWhoInvestigates.id };
    expect(decideTransition(null, self, officerWhoInvestigates, context())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '不能对本人启动核查，应当回避' },
    });
  });
});
