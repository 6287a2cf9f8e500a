import { describe, expect, it } from 'vitest';
import type { CaseAction } from './case-actions.ts';
import {
  ACTORS,
  context,
  EDUCATION_OUTCOMES,
  EDUCATION_PROCEDURE,
  OFFICER_ID,
  validAction,
} from './test-fixtures.ts';
import { code, decideIn, effectsOf } from './test-helpers.ts';

describe('the committee decision (研究决定)', () => {
  const ctx = context();

  it('DEPARTURE_REASON_REQUIRED: a conclusion other than the engine outcome needs a reason', () => {
    const action = { ...validAction('record_decision'), conclusion: 'exemption' } as CaseAction;
    const refused = decideIn('awaiting_decision', action, ACTORS.secretary, ctx);
    expect(code(refused)).toBe('DEPARTURE_REASON_REQUIRED');
    const blank = decideIn(
      'awaiting_decision',
      { ...action, departureReason: '  ' } as CaseAction,
      ACTORS.secretary,
      ctx,
    );
    expect(code(blank)).toBe('DEPARTURE_REASON_REQUIRED');
    const given = effectsOf(
      decideIn(
        'awaiting_decision',
        { ...action, departureReason: ' 已及时挽回损失 ' } as CaseAction,
        ACTORS.secretary,
        ctx,
      ),
    );
    expect(given.changes[0]).toMatchObject({
      kind: 'record_decision',
      conclusion: 'exemption',
      engineOutcome: 'tolerated',
      departureReason: '已及时挽回损失',
    });
  });

  it('keeps no departure reason when the conclusion follows the engine', () => {
    const action = { ...validAction('record_decision'), departureReason: '无' } as CaseAction;
    const effects = effectsOf(decideIn('awaiting_decision', action, ACTORS.secretary, ctx));
    expect(effects.changes[0]).toMatchObject({ departureReason: null, onReview: false });
  });

  it('INVALID_CONCLUSION: only an outcome of the case policy', () => {
    const bogus = {
      ...validAction('record_decision'),
      conclusion: 'pardoned',
      departureReason: 'x',
    } as CaseAction;
    expect(code(decideIn('awaiting_decision', bogus, ACTORS.secretary, ctx))).toBe(
      'INVALID_CONCLUSION',
    );
    // 不予追究 is a ground of the emergency regime only.
    const noLiability = {
      ...validAction('record_decision'),
      conclusion: 'no_liability',
      departureReason: 'x',
    } as CaseAction;
    const education = context({ procedure: EDUCATION_PROCEDURE, outcomes: EDUCATION_OUTCOMES });
    expect(code(decideIn('awaiting_decision', noLiability, ACTORS.secretary, education))).toBe(
      'INVALID_CONCLUSION',
    );
    expect(decideIn('awaiting_decision', noLiability, ACTORS.secretary, ctx).ok).toBe(true);
  });

  it('INVALID_INPUT: a meeting in the future, no members, repeated related units', () => {
    const base = validAction('record_decision');
    const cases: Partial<Record<string, unknown>>[] = [
      { meetingDate: '2030-09-21' },
      { meetingDate: '2030-02-30' },
      { members: [] },
      { members: ['张三', ' '] },
      { relatedUnitIds: ['unit-b', 'unit-b'] },
      { relatedUnitIds: [''] },
    ];
    for (const patch of cases) {
      const action = { ...base, ...patch } as CaseAction;
      expect(
        code(decideIn('awaiting_decision', action, ACTORS.secretary, ctx)),
        JSON.stringify(patch),
      ).toBe('INVALID_INPUT');
    }
  });

  it('NOT_FOUND: a related unit that does not exist', () => {
    const action = { ...validAction('record_decision'), relatedUnitIds: ['unit-b', 'unit-x'] };
    const refused = decideIn('awaiting_decision', action, ACTORS.secretary, ctx);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '相关单位不存在：unit-x' },
    });
  });
});

describe('the notifications (告知) a decision starts', () => {
  it('creates one for the officer and one per related unit, due 7 days after the meeting', () => {
    const action = {
      ...validAction('record_decision'),
      meetingDate: '2030-09-02',
      relatedUnitIds: ['unit-b', 'unit-c'],
    } as CaseAction;
    const effects = effectsOf(decideIn('awaiting_decision', action, ACTORS.secretary, context()));
    expect(effects.state).toBe('decided');
    const notices = effects.changes.filter((c) => c.kind === 'create_notification');
    const deadline = {
      from: '2030-09-02',
      days: 7,
      counting: 'calendar',
      due: '2030-09-09',
      provisional: false,
    };
    expect(notices).toEqual([
      { kind: 'create_notification', recipientKind: 'party', recipient: OFFICER_ID, deadline },
      { kind: 'create_notification', recipientKind: 'unit', recipient: 'unit-b', deadline },
      { kind: 'create_notification', recipientKind: 'unit', recipient: 'unit-c', deadline },
    ]);
  });

  it('moves a due date that falls in a holiday to the first working day after it', () => {
    // Thu 2030-09-26 + 7 = Thu 10-03, in the holiday of 10-01..10-07: due Tue 10-08.
    const action = {
      ...validAction('record_decision'),
      meetingDate: '2030-09-26',
      relatedUnitIds: [],
    } as CaseAction;
    const effects = effectsOf(
      decideIn('awaiting_decision', action, ACTORS.secretary, context({ today: '2030-09-26' })),
    );
    const notices = effects.changes.filter((c) => c.kind === 'create_notification');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      recipientKind: 'party',
      deadline: { due: '2030-10-08', provisional: false },
    });
  });

  it('marks a due date in a year the calendar does not cover as provisional', () => {
    const action = { ...validAction('record_decision'), meetingDate: '2031-03-03' } as CaseAction;
    const effects = effectsOf(
      decideIn('awaiting_decision', action, ACTORS.secretary, context({ today: '2031-03-05' })),
    );
    expect(effects.changes[1]).toMatchObject({
      deadline: { due: '2031-03-10', provisional: true },
    });
  });
});
