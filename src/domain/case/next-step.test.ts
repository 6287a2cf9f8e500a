import { describe, expect, it } from 'vitest';
import { isTerminalState } from './case-state.ts';
import { isActorsTurn, nextStep, stepFor, stepRoles, type NextStep } from './next-step.ts';
import {
  ACTORS,
  AFTER_OBJECTION_PERIOD,
  caseIn,
  context,
  determination,
  OFFICER_ID,
} from './test-fixtures.ts';
import type { Actor } from './case-view.ts';
import { CASE_STATES } from '../vocabulary.ts';

const ctx = context();

function pending(next: NextStep) {
  if (next.kind !== 'step') throw new Error(`ended: ${next.reason}`);
  return next;
}

describe('nextStep: what comes next, who takes it, by when', () => {
  it('says for every state either a step by a party or why the case has ended', () => {
    for (const state of CASE_STATES) {
      const next = nextStep(caseIn(state), ctx);
      expect(next.state).toBe(state);
      if (isTerminalState(state)) {
        expect(next.kind, state).toBe('ended');
      } else {
        const s = pending(next);
        expect(s.step, state).not.toBe('');
        // The step's party holds one of the roles that take steps in this state.
        if (s.by.kind === 'role') expect(stepRoles(state)).toContain(s.by.role);
      }
    }
  });

  it('reads the application: the unit’s investigators accept or refuse, no time limit, the applicant may withdraw', () => {
    const s = pending(nextStep(caseIn('submitted'), ctx));
    expect(s).toMatchObject({
      step: '受理或不予受理',
      by: { kind: 'role', role: 'investigator', unitId: 'unit-a' },
      actions: ['accept', 'refuse'],
      records: [],
      // The procedure sets no time limit for acceptance: none is invented.
      dates: [],
      rights: [{ action: 'withdraw', by: { userId: OFFICER_ID, applicant: true }, until: null }],
    });
  });

  it('does not offer a withdrawal the officer cannot make: the unit opened the case', () => {
    const initiated = caseIn('investigating', { origin: 'initiation', applicantId: null });
    expect(pending(nextStep(initiated, ctx)).rights).toEqual([]);
  });

  it('follows the investigation: facts to record until they settle, then the assessment’s missing factors', () => {
    const unsettled = caseIn('investigating', {
      determination: { ...determination('undetermined', null), missing: ['a9.1', 'a9.2'] },
    });
    expect(pending(nextStep(unsettled, ctx))).toMatchObject({
      step: '调查核实并记录事实',
      detail: '尚缺 2 项事实，才能得出认定结论',
      actions: ['complete_investigation'],
      records: ['fact', 'evidence'],
    });
    expect(pending(nextStep(caseIn('investigating'), ctx)).step).toBe('完成调查核实');
    const partly = caseIn('assessing', { recordedFactors: ['intent', 'conditions'] });
    expect(pending(nextStep(partly, ctx))).toMatchObject({
      step: '综合分析研判',
      detail: '尚缺：程序方法、性质程度、后果影响、挽回损失',
      records: ['assessment'],
    });
    expect(pending(nextStep(caseIn('assessing'), ctx)).step).toBe('提请研究决定');
  });

  it('asks for the legal review the policy requires before the decision, then the decision', () => {
    const unreviewed = caseIn('awaiting_decision', { reviews: [] });
    expect(pending(nextStep(unreviewed, ctx))).toMatchObject({
      step: '法制审核',
      by: { kind: 'role', role: 'reviewer' },
      actions: [],
      reviews: ['legal'],
      dates: [],
    });
    expect(pending(nextStep(caseIn('awaiting_decision'), ctx))).toMatchObject({
      step: '党委（党组）研究决定',
      by: { role: 'secretary' },
      actions: ['record_decision'],
      reviews: [],
    });
    // A policy that requires no review goes straight to the decision.
    const noReview = context({
      procedure: {
        ...ctx.procedure,
        review: { legal: { required: false }, discipline: { required: false } },
      },
    });
    expect(pending(nextStep(unreviewed, noReview)).step).toBe('党委（党组）研究决定');
  });

  it('counts the notices still to serve, each with its due date, earliest first', () => {
    const decided = caseIn('decided', {
      notifications: [
        { id: 'n1', recipientKind: 'party', recipient: OFFICER_ID, due: '2030-09-19', sent: false },
        { id: 'n2', recipientKind: 'unit', recipient: 'unit-b', due: '2030-09-17', sent: false },
        { id: 'n3', recipientKind: 'unit', recipient: 'unit-c', due: '2030-09-17', sent: true },
      ],
    });
    expect(pending(nextStep(decided, ctx))).toMatchObject({
      step: '送达告知（还有2份）',
      by: { role: 'secretary' },
      dates: [
        { kind: 'notification', date: '2030-09-17', recipient: 'unit-b' },
        { kind: 'notification', date: '2030-09-19', recipient: OFFICER_ID },
      ],
    });
  });

  it('after the notices: publish or close, the objection period and the publication period', () => {
    const notified = pending(nextStep(caseIn('notified'), ctx));
    expect(notified).toMatchObject({
      step: '公开或办结',
      actions: ['publish', 'close'],
      dates: [{ kind: 'objection', date: '2030-09-30' }],
      rights: [{ action: 'raise_objection', until: '2030-09-30' }],
    });
    // Published on 2030-09-20, five working days: the holiday of 10-01 to 10-07 moves it.
    const published = pending(nextStep(caseIn('published'), ctx, { publishedOn: '2030-09-20' }));
    expect(published).toMatchObject({
      step: '异议期限届满后办结',
      notBefore: '2030-10-01',
      dates: [
        { kind: 'publication', date: '2030-09-27' },
        { kind: 'objection', date: '2030-09-30' },
      ],
    });
    const later = pending(
      nextStep(caseIn('published'), context({ today: AFTER_OBJECTION_PERIOD })),
    );
    expect(later).toMatchObject({ step: '办结', notBefore: null, rights: [] });
  });

  it('says why an ended case has no next step', () => {
    expect(nextStep(caseIn('closed'), ctx)).toEqual({
      kind: 'ended',
      state: 'closed',
      reason: '本案已办结，认定程序终结',
    });
    expect(nextStep(caseIn('withdrawn'), ctx)).toMatchObject({
      reason: expect.stringContaining('撤回'),
    });
    expect(nextStep(caseIn('refused'), ctx)).toMatchObject({
      reason: expect.stringContaining('不予受理'),
    });
  });
});

describe('isActorsTurn: whose step it is now', () => {
  const turn = (state: Parameters<typeof caseIn>[0], actor: Actor, c = ctx) => {
    const view = caseIn(state);
    return isActorsTurn(nextStep(view, c), view, actor, c);
  };

  it('is the step’s party’s, in the unit, and never a right’s', () => {
    expect(turn('submitted', ACTORS.investigator)).toBe(true);
    expect(turn('submitted', ACTORS.outsideInvestigator)).toBe(false);
    // The applicant may withdraw, but nothing is his to do.
    expect(turn('submitted', ACTORS.officer)).toBe(false);
    expect(turn('notified', ACTORS.officer)).toBe(false);
    expect(turn('decided', ACTORS.secretary)).toBe(true);
    expect(turn('awaiting_decision', ACTORS.secretary)).toBe(true);
    expect(turn('objection_review', ACTORS.secretary)).toBe(true);
    // The reviewer's turn comes only with a review the case lacks.
    for (const state of CASE_STATES) expect(turn(state, ACTORS.reviewer), state).toBe(false);
  });

  it('gives the review to the reviewer and holds the secretary back until it is recorded', () => {
    const unreviewed = caseIn('awaiting_decision', { reviews: [] });
    const next = nextStep(unreviewed, ctx);
    expect(isActorsTurn(next, unreviewed, ACTORS.reviewer, ctx)).toBe(true);
    expect(isActorsTurn(next, unreviewed, ACTORS.outsideReviewer, ctx)).toBe(false);
    expect(isActorsTurn(next, unreviewed, ACTORS.secretary, ctx)).toBe(false);
  });

  it('waits for the objection period before closing a published case', () => {
    expect(turn('published', ACTORS.secretary)).toBe(false);
    expect(turn('published', ACTORS.secretary, context({ today: AFTER_OBJECTION_PERIOD }))).toBe(
      true,
    );
  });

  it('keeps records while the facts are not settled, though the step’s transition is not allowed yet', () => {
    const view = caseIn('investigating', { determination: determination('undetermined', null) });
    const mine = stepFor(nextStep(view, ctx), view, ACTORS.investigator, ctx);
    expect(mine).toEqual({ actions: [], records: ['fact', 'evidence'], reviews: [] });
  });

  it('is nobody’s on an ended case', () => {
    for (const actor of Object.values(ACTORS))
      for (const state of ['closed', 'refused', 'withdrawn'] as const)
        expect(turn(state, actor)).toBe(false);
  });
});
