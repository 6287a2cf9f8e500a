import { describe, expect, it } from 'vitest';
import { allowedActions, closeNeedsReason, newCaseActions } from './case-guards.ts';
import { NO_CASE, TRANSITION_NAMES, TRANSITIONS, type FromState } from './case-transitions.ts';
import type { Actor, CaseView } from './case-view.ts';
import { decideTransition } from './decide-transition.ts';
import {
  ACTORS,
  caseIn,
  context,
  contextFor,
  determination,
  entitledActor,
  validAction,
} from './test-fixtures.ts';
import { code, decideValid } from './test-helpers.ts';
import { ASSESSMENT_FACTORS, CASE_STATES } from '../vocabulary.ts';

describe('refused combinations change nothing and say why', () => {
  const ALL_FROM: readonly FromState[] = [NO_CASE, ...CASE_STATES];
  const wrongState = TRANSITION_NAMES.flatMap((name) =>
    ALL_FROM.filter((s) => !(TRANSITIONS[name].from as readonly string[]).includes(s)).map(
      (from) => ({ name, from, role: TRANSITIONS[name].roles[0]! }),
    ),
  );
  it.each(wrongState)('$name from $from: INVALID_TRANSITION', ({ name, from, role }) => {
    const result = decideValid(name, from, entitledActor(role), context());
    expect(code(result)).toBe('INVALID_TRANSITION');
    expect(result).not.toHaveProperty('effects');
  });

  it('checks who before what: a stranger learns nothing of the state', () => {
    const closed = caseIn('closed');
    expect(
      code(decideTransition(closed, { kind: 'accept' }, ACTORS.outsideInvestigator, context())),
    ).toBe('FORBIDDEN');
    expect(code(decideTransition(closed, { kind: 'accept' }, ACTORS.investigator, context()))).toBe(
      'INVALID_TRANSITION',
    );
  });
});

describe('guards that need no payload', () => {
  const ctx = context();

  it('MISSING_FACTS: the investigation ends only on facts that settle the determination', () => {
    const open = caseIn('investigating', {
      determination: determination('undetermined', null),
    });
    const result = decideTransition(
      open,
      { kind: 'complete_investigation' },
      ACTORS.investigator,
      ctx,
    );
    expect(code(result)).toBe('MISSING_FACTS');
  });

  it('ASSESSMENT_INCOMPLETE names the factors still missing', () => {
    const partial = caseIn('assessing', {
      recordedFactors: ['intent', 'conditions', 'severity', 'remedy'],
    });
    const result = decideTransition(
      partial,
      { kind: 'submit_for_decision' },
      ACTORS.investigator,
      ctx,
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'ASSESSMENT_INCOMPLETE', message: '综合分析研判尚缺：程序方法、后果影响' },
    });
  });

  it('CLASSIFICATION_REQUIRED until both the field and the error type are chosen', () => {
    const submit = { kind: 'submit_for_decision' } as const;
    for (const missing of [{ field: null }, { errorType: null }]) {
      const result = decideTransition(
        caseIn('assessing', missing),
        submit,
        ACTORS.investigator,
        ctx,
      );
      expect(code(result)).toBe('CLASSIFICATION_REQUIRED');
      expect(allowedActions(caseIn('assessing', missing), ACTORS.investigator, ctx)).not.toContain(
        'submit_for_decision',
      );
    }
    expect(decideTransition(caseIn('assessing'), submit, ACTORS.investigator, ctx).ok).toBe(true);
  });

  it('DEADLINE_PASSED: an objection up to the last day of the period, not after', () => {
    const notified = caseIn('notified', { objectionDue: '2030-09-30' });
    const onLastDay = decideTransition(
      notified,
      validAction('raise_objection'),
      ACTORS.officer,
      context({ today: '2030-09-30' }),
    );
    expect(onLastDay.ok).toBe(true);
    const late = decideTransition(
      notified,
      validAction('raise_objection'),
      ACTORS.officer,
      context({ today: '2030-10-01' }),
    );
    expect(code(late)).toBe('DEADLINE_PASSED');
    const never = caseIn('published', { objectionDue: null });
    expect(code(decideTransition(never, validAction('raise_objection'), ACTORS.officer, ctx))).toBe(
      'DEADLINE_PASSED',
    );
  });

  it('refuses close until the day after the objection period ends', () => {
    for (const from of ['notified', 'published'] as const) {
      const onLastDay = decideValid(
        'close',
        from,
        ACTORS.secretary,
        context({ today: '2030-09-30' }),
      );
      expect(onLastDay).toMatchObject({ ok: false, error: { code: 'OBJECTION_PERIOD_OPEN' } });
      const dayAfter = decideValid(
        'close',
        from,
        ACTORS.secretary,
        context({ today: '2030-10-01' }),
      );
      expect(dayAfter.ok).toBe(true);
    }
  });

  it('refuses a review of a snapshot without the state to return to', () => {
    const broken = caseIn('objection_review', { stateBeforeObjection: null });
    expect(
      code(decideTransition(broken, validAction('review_objection'), ACTORS.secretary, context())),
    ).toBe('INVALID_TRANSITION');
  });
});

describe('closeNeedsReason', () => {
  it('only a notified case, closed without publication, must say why', () => {
    expect(CASE_STATES.filter((state) => closeNeedsReason({ state }))).toEqual(['notified']);
  });
});

describe('allowedActions and newCaseActions', () => {
  it('lists the actions each actor may take now', () => {
    const ctx = context();
    const allowed = (c: CaseView, a: Actor) => allowedActions(c, a, ctx);
    expect(newCaseActions(ACTORS.officer)).toEqual(['submit_application']);
    expect(newCaseActions(ACTORS.investigator)).toEqual(['initiate']);
    expect(newCaseActions(ACTORS.outsideInvestigator)).toEqual([]);
    expect(newCaseActions(ACTORS.reviewer)).toEqual([]);
    expect(newCaseActions(ACTORS.sysadmin)).toEqual([]);
    expect(allowed(caseIn('submitted'), ACTORS.investigator)).toEqual(['accept', 'refuse']);
    expect(allowed(caseIn('submitted'), ACTORS.officer)).toEqual(['withdraw']);
    expect(allowed(caseIn('investigating'), ACTORS.investigator)).toEqual([
      'complete_investigation',
    ]);
    const unsettled = caseIn('investigating', {
      determination: determination('undetermined', null),
    });
    expect(allowed(unsettled, ACTORS.investigator)).toEqual([]);
    expect(
      allowed(
        caseIn('assessing', { recordedFactors: ASSESSMENT_FACTORS.slice(1) }),
        ACTORS.investigator,
      ),
    ).toEqual([]);
    // Closing waits for the objection period to end.
    expect(allowed(caseIn('notified'), ACTORS.secretary)).toEqual(['publish']);
    expect(allowedActions(caseIn('notified'), ACTORS.secretary, contextFor('close'))).toEqual([
      'publish',
      'close',
    ]);
    expect(allowed(caseIn('notified'), ACTORS.officer)).toEqual(['raise_objection']);
    expect(allowed(caseIn('notified'), ACTORS.otherOfficer)).toEqual([]);
    expect(allowed(caseIn('published'), ACTORS.officer)).toEqual(['raise_objection']);
    const late = context({ today: '2030-10-01' });
    expect(allowedActions(caseIn('published'), ACTORS.officer, late)).toEqual([]);
    for (const state of CASE_STATES) {
      expect(allowed(caseIn(state), ACTORS.reviewer)).toEqual([]);
      for (const admin of [ACTORS.sysadmin, ACTORS.secadmin, ACTORS.auditadmin]) {
        expect(allowed(caseIn(state), admin)).toEqual([]);
      }
    }
    for (const state of ['closed', 'refused', 'withdrawn'] as const) {
      for (const a of Object.values(ACTORS)) expect(allowed(caseIn(state), a)).toEqual([]);
    }
  });
});
