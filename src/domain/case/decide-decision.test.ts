import { describe, expect, it } from 'vitest';
import type { CaseAction } from './case-actions.ts';
import {
  ACTORS,
  caseIn,
  context,
  EDUCATION_OUTCOMES,
  EDUCATION_PROCEDURE,
  OFFICER_ID,
  validAction,
} from './test-fixtures.ts';
import { decideTransition } from './decide-transition.ts';
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
      meetingDate: '2030-09-06',
      relatedUnitIds: ['unit-b', 'unit-c'],
    } as CaseAction;
    const effects = effectsOf(decideIn('awaiting_decision', action, ACTORS.secretary, context()));
    expect(effects.state).toBe('decided');
    const notices = effects.changes.filter((c) => c.kind === 'create_notification');
    const deadline = {
      from: '2030-09-06',
      days: 7,
      counting: 'calendar',
      due: '2030-09-13',
      provisional: false,
      extension: null,
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
      deadline: {
        due: '2030-10-08',
        provisional: false,
        extension: { lastDay: '2030-10-03', restDay: 'holiday' },
      },
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

describe('the decision is fair (回避, 决定日期, 相关单位)', () => {
  const decide = (over: Partial<CaseAction>, ctx = context()) =>
    decideIn(
      'awaiting_decision',
      { ...validAction('record_decision'), ...over } as CaseAction,
      ACTORS.secretary,
      ctx,
    );

  it('INVALID_INPUT: a meeting before the submission for decision, or in the future', () => {
    // Submitted 2030-09-05, today 2030-09-20.
    for (const meetingDate of ['1900-01-01', '2030-09-04', '2030-09-21']) {
      const refused = decide({ meetingDate });
      expect(code(refused), meetingDate).toBe('INVALID_INPUT');
      expect(!refused.ok && refused.error.message).toContain('2030年9月5日至2030年9月20日之间');
    }
    expect(decide({ meetingDate: '2030-09-05' }).ok).toBe(true);
    expect(decide({ meetingDate: '2030-09-20' }).ok).toBe(true);
  });

  it('MEMBER_RECUSED: the officer concerned, or a recused person, among the members', () => {
    const ctx = context({
      excludedMembers: [
        { name: '王强', why: 'officer' },
        { name: '刘洋', why: 'recused' },
      ],
    });
    const officer = decide({ members: ['党委书记', ' 王强（科员） '] }, ctx);
    expect(code(officer)).toBe('MEMBER_RECUSED');
    expect(!officer.ok && officer.error.message).toContain('是本案当事人，应当回避');
    expect(code(decide({ members: ['刘 洋'] }, ctx))).toBe('MEMBER_RECUSED');
    expect(decide({ members: ['王强华', '党委书记'] }, ctx).ok).toBe(true);
  });

  it('keeps the members recorded as recused, each with a reason, and none of them present', () => {
    const effects = effectsOf(
      decide({ recusedMembers: [{ name: ' 赵六 ', reason: ' 与当事人系近亲属 ' }] }),
    );
    expect(effects.changes[0]).toMatchObject({
      kind: 'record_decision',
      recusedMembers: [{ name: '赵六', reason: '与当事人系近亲属' }],
    });
    expect(code(decide({ recusedMembers: [{ name: '赵六', reason: ' ' }] }))).toBe(
      'REASON_REQUIRED',
    );
    expect(code(decide({ recusedMembers: [{ name: '', reason: '亲属' }] }))).toBe('INVALID_INPUT');
    expect(
      code(
        decide({ members: ['张三', '赵六'], recusedMembers: [{ name: '赵六', reason: '亲属' }] }),
      ),
    ).toBe('MEMBER_RECUSED');
  });

  it('UNIT_OUTSIDE_SYSTEM: a related unit must be of the case’s system', () => {
    const ctx = context({ systemUnitIds: new Set(['unit-a', 'unit-b']) });
    expect(code(decide({ relatedUnitIds: ['unit-c'] }, ctx))).toBe('UNIT_OUTSIDE_SYSTEM');
    expect(code(decide({ relatedUnitIds: ['unit-x'] }, ctx))).toBe('NOT_FOUND');
    expect(decide({ relatedUnitIds: ['unit-b'] }, ctx).ok).toBe(true);
  });

  it('REVIEW_REQUIRED: the legal review the policy requires comes first', () => {
    const refused = decideTransition(
      caseIn('awaiting_decision', { reviews: [{ kind: 'discipline', agrees: true }] }),
      validAction('record_decision'),
      ACTORS.secretary,
      context(),
    );
    expect(code(refused)).toBe('REVIEW_REQUIRED');
    expect(!refused.ok && refused.error.message).toContain('法制审核意见');
  });
});
