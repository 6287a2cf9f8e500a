import { describe, expect, it } from 'vitest';
import type { OutcomeCode } from '../policy/policy-model.ts';
import type { CaseAction } from './case-actions.ts';
import { decideTransition } from './decide-transition.ts';
import { ACTORS, caseIn, context, OFFICER_ID, TODAY, validAction } from './test-fixtures.ts';
import { accepted, code, decideIn, effectsOf, kinds } from './test-helpers.ts';

describe('objections (异议)', () => {
  it('remembers the state it was raised from and the period it was raised in', () => {
    for (const from of ['notified', 'published'] as const) {
      const effects = effectsOf(
        decideIn(from, validAction('raise_objection'), ACTORS.officer, context()),
      );
      expect(effects).toEqual(
        accepted(
          'raise_objection',
          from,
          'objection_review',
          [
            {
              kind: 'create_objection',
              raisedBy: OFFICER_ID,
              raisedOn: TODAY,
              reason: '认定事实有误',
              due: '2030-09-30',
              returnTo: from,
            },
          ],
          '认定事实有误',
        ),
      );
    }
  });

  it('REASON_REQUIRED: objecting', () => {
    expect(
      code(
        decideIn('notified', { kind: 'raise_objection', reason: '' }, ACTORS.officer, context()),
      ),
    ).toBe('REASON_REQUIRED');
  });

  it('returns to the state it came from on confirmation', () => {
    const review = caseIn('objection_review', { stateBeforeObjection: 'notified' });
    const effects = effectsOf(
      decideTransition(review, validAction('review_objection'), ACTORS.secretary, context()),
    );
    expect(effects).toEqual(
      accepted('review_objection', 'objection_review', 'notified', [
        { kind: 'resolve_objection', result: 'confirmed', reviewedOn: TODAY },
      ]),
    );
  });

  function change(conclusion: string): CaseAction {
    return {
      kind: 'review_objection',
      result: 'change',
      conclusion,
      reason: ' 复核认为 ',
      meetingDate: '2030-09-19',
      members: ['张三', '李四'],
    };
  }

  it('re-applies 第十五、十六条 when a review changes the conclusion', () => {
    const review = (before: OutcomeCode) =>
      caseIn('objection_review', { decision: { conclusion: before, meetingDate: '2030-09-10' } });
    const run = (before: OutcomeCode, after: string) =>
      effectsOf(decideTransition(review(before), change(after), ACTORS.secretary, context()));

    const worse = run('tolerated', 'not_tolerated');
    expect(worse.state).toBe('published');
    expect(worse.reason).toBe('复核认为');
    expect(worse.changes).toEqual([
      { kind: 'resolve_objection', result: 'changed', reviewedOn: TODAY },
      {
        kind: 'record_decision',
        meetingDate: '2030-09-19',
        members: ['张三', '李四'],
        conclusion: 'not_tolerated',
        engineOutcome: 'tolerated',
        departureReason: '复核认为',
        onReview: true,
        recusedMembers: [],
      },
      { kind: 'create_enforcement_error_record', officerId: OFFICER_ID, article: 15 },
      { kind: 'cancel_correction', article: 16 },
    ]);
    expect(kinds(run('not_tolerated', 'tolerated').changes).slice(2)).toEqual([
      'revoke_enforcement_error_record',
      'open_correction',
    ]);
    // Between two grounds on the same side of both articles nothing else changes.
    expect(kinds(run('mandatory_mitigation', 'no_ground').changes)).toEqual([
      'resolve_objection',
      'record_decision',
    ]);
    expect(kinds(run('tolerated', 'exemption').changes)).toEqual([
      'resolve_objection',
      'record_decision',
    ]);
    // Back to the engine's outcome: no departure.
    expect(run('exemption', 'tolerated').changes[1]).toMatchObject({ departureReason: null });
  });

  it('REASON_REQUIRED: changing the conclusion on review', () => {
    const changed: CaseAction = {
      kind: 'review_objection',
      result: 'change',
      conclusion: 'exemption',
      reason: '',
      meetingDate: TODAY,
      members: ['张三'],
    };
    expect(code(decideIn('objection_review', changed, ACTORS.secretary, context()))).toBe(
      'REASON_REQUIRED',
    );
  });

  it('refuses a "change" to the same conclusion, and one the policy does not have', () => {
    const review = caseIn('objection_review');
    expect(code(decideTransition(review, change('tolerated'), ACTORS.secretary, context()))).toBe(
      'INVALID_CONCLUSION',
    );
    expect(code(decideTransition(review, change('whatever'), ACTORS.secretary, context()))).toBe(
      'INVALID_CONCLUSION',
    );
  });
});
