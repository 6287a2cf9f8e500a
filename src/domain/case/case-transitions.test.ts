import { describe, expect, it } from 'vitest';
import type { CompiledPolicy } from '../policy/compile-policy.ts';
import type { OutcomeCode, ProcedureParams } from '../policy/policy-model.ts';
import { ROLES, type Role } from '../account/roles.ts';
import { canRead } from './case-access.ts';
import type { CaseAction } from './case-actions.ts';
import type { CaseChange, TransitionResult } from './case-effects.ts';
import { allowedActions, newCaseActions } from './case-guards.ts';
import { ASSESSMENT_FACTORS, CASE_STATES } from './case-state.ts';
import {
  isTransitionName,
  NO_CASE,
  TRANSITION_NAMES,
  transitionDef,
  TRANSITIONS,
  type FromState,
  type TransitionName,
} from './case-transitions.ts';
import { outcomeCodesOf, type Actor, type CaseView } from './case-view.ts';
import { needsEnforcementErrorRecord, opensCorrection } from './conclusion-effects.ts';
import { decideTransition } from './decide-transition.ts';
import {
  ACTORS,
  caseIn,
  context,
  contextFor,
  determination,
  EDUCATION_OUTCOMES,
  EDUCATION_PROCEDURE,
  EMERGENCY_OUTCOMES,
  EMERGENCY_PROCEDURE,
  entitledActor,
  OFFICER_ID,
  TODAY,
  validAction,
} from './test-fixtures.ts';

/** The case an action is decided on: none for the opening transitions. */
function subject(state: FromState): CaseView | null {
  return state === NO_CASE ? null : caseIn(state);
}

function code(result: TransitionResult): string | null {
  return result.ok ? null : result.error.code;
}

function effectsOf(result: TransitionResult) {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.effects;
}

function kinds(changes: readonly CaseChange[]): string[] {
  return changes.map((c) => c.kind);
}

const EXPECTED_TABLE: Record<TransitionName, [string[], string, Role[]]> = {
  submit_application: [['none'], 'submitted', ['officer']],
  initiate: [['none'], 'investigating', ['investigator']],
  accept: [['submitted'], 'investigating', ['investigator']],
  refuse: [['submitted'], 'refused', ['investigator']],
  complete_investigation: [['investigating'], 'assessing', ['investigator']],
  submit_for_decision: [['assessing'], 'awaiting_decision', ['investigator']],
  record_decision: [['awaiting_decision'], 'decided', ['secretary']],
  send_notification: [['decided'], 'notified', ['secretary']],
  publish: [['notified'], 'published', ['secretary']],
  raise_objection: [['notified', 'published'], 'objection_review', ['officer']],
  review_objection: [['objection_review'], 'previous', ['secretary']],
  close: [['notified', 'published'], 'closed', ['secretary']],
  withdraw: [
    ['submitted', 'investigating', 'assessing', 'awaiting_decision'],
    'withdrawn',
    ['officer'],
  ],
};

describe('the transition table', () => {
  it('is the one of docs/design/case-procedure.md', () => {
    const actual = Object.fromEntries(
      TRANSITION_NAMES.map((n) => [
        n,
        [[...TRANSITIONS[n].from], TRANSITIONS[n].to, [...TRANSITIONS[n].roles]],
      ]),
    );
    expect(actual).toEqual(EXPECTED_TABLE);
  });

  it('recognizes its names', () => {
    expect(isTransitionName('record_decision')).toBe(true);
    expect(isTransitionName('toString')).toBe(false);
    expect(transitionDef('close').label).toBe('办结');
  });

  it('labels every transition in Chinese', () => {
    for (const name of TRANSITION_NAMES) expect(TRANSITIONS[name].label).toMatch(/\p{Script=Han}/u);
  });

  it('leaves the terminal states by no transition and reaches every state', () => {
    const from = new Set<string>(TRANSITION_NAMES.flatMap((n) => TRANSITIONS[n].from));
    for (const terminal of ['closed', 'refused', 'withdrawn'])
      expect(from.has(terminal)).toBe(false);
    const to = new Set<string>(TRANSITION_NAMES.map((n) => TRANSITIONS[n].to));
    for (const state of CASE_STATES) expect(to.has(state) || from.has(state)).toBe(true);
  });
});

describe('every transition from each of its states by each of its roles', () => {
  const rows = TRANSITION_NAMES.flatMap((name) =>
    TRANSITIONS[name].from.flatMap((from) =>
      TRANSITIONS[name].roles.map((role) => ({ name, from, role })),
    ),
  );
  it.each(rows)('$name from $from by $role', ({ name, from, role }) => {
    const effects = effectsOf(
      decideTransition(subject(from), validAction(name), entitledActor(role), contextFor(name)),
    );
    expect(effects.action).toBe(name);
    expect(effects.from).toBe(from);
    const to = TRANSITIONS[name].to;
    // caseIn puts an objection_review case back to `published`; the fixture's decided case
    // has one notification left, so sending it is the last one.
    expect(effects.state).toBe(to === 'previous' ? 'published' : to);
  });
});

describe('refused combinations change nothing and say why', () => {
  const ALL_FROM: readonly FromState[] = [NO_CASE, ...CASE_STATES];
  const wrongState = TRANSITION_NAMES.flatMap((name) =>
    ALL_FROM.filter((s) => !(TRANSITIONS[name].from as readonly string[]).includes(s)).map(
      (from) => ({ name, from, role: TRANSITIONS[name].roles[0]! }),
    ),
  );
  it.each(wrongState)('$name from $from: INVALID_TRANSITION', ({ name, from, role }) => {
    const result = decideTransition(
      subject(from),
      validAction(name),
      entitledActor(role),
      context(),
    );
    expect(code(result)).toBe('INVALID_TRANSITION');
    expect(result).not.toHaveProperty('effects');
  });

  const wrongRole = TRANSITION_NAMES.flatMap((name) =>
    ROLES.filter((r) => !(TRANSITIONS[name].roles as readonly Role[]).includes(r)).flatMap((role) =>
      TRANSITIONS[name].from.map((from) => ({ name, from, role })),
    ),
  );
  it.each(wrongRole)('$name from $from by $role: FORBIDDEN', ({ name, from, role }) => {
    const result = decideTransition(
      subject(from),
      validAction(name),
      entitledActor(role),
      context(),
    );
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
      expect(code(decideTransition(subject(from), validAction(name), a, contextFor(name)))).toBe(
        'FORBIDDEN',
      );
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
      expect(
        code(
          decideTransition(subject(from), validAction(name), ACTORS.otherOfficer, contextFor(name)),
        ),
      ).toBe('FORBIDDEN');
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
    expect(
      code(
        decideTransition(subject(from), validAction(name), entitledActor(role), contextFor(name)),
      ),
    ).toBe('FORBIDDEN');
  });

  it('refuses an administrator who also holds a case role (an account that should not exist)', () => {
    const both: Actor = { id: 'u-x', roles: ['sysadmin', 'investigator'], inUnitScope: true };
    expect(code(decideTransition(caseIn('submitted'), { kind: 'accept' }, both, context()))).toBe(
      'FORBIDDEN',
    );
    expect(canRead(caseIn('submitted'), both)).toBe(false);
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

describe('guards', () => {
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

  it('records the engine determination when submitting for decision', () => {
    const effects = effectsOf(
      decideTransition(
        caseIn('assessing'),
        { kind: 'submit_for_decision' },
        ACTORS.investigator,
        ctx,
      ),
    );
    expect(effects.changes).toEqual([
      { kind: 'record_determination', determination: determination('determined', 'tolerated') },
    ]);
  });

  it('DEPARTURE_REASON_REQUIRED: a conclusion other than the engine outcome needs a reason', () => {
    const action = { ...validAction('record_decision'), conclusion: 'exemption' } as CaseAction;
    const refused = decideTransition(caseIn('awaiting_decision'), action, ACTORS.secretary, ctx);
    expect(code(refused)).toBe('DEPARTURE_REASON_REQUIRED');
    const blank = decideTransition(
      caseIn('awaiting_decision'),
      { ...action, departureReason: '  ' } as CaseAction,
      ACTORS.secretary,
      ctx,
    );
    expect(code(blank)).toBe('DEPARTURE_REASON_REQUIRED');
    const given = effectsOf(
      decideTransition(
        caseIn('awaiting_decision'),
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
    const effects = effectsOf(
      decideTransition(caseIn('awaiting_decision'), action, ACTORS.secretary, ctx),
    );
    expect(effects.changes[0]).toMatchObject({ departureReason: null, onReview: false });
  });

  it('INVALID_CONCLUSION: only an outcome of the case policy', () => {
    const bogus = {
      ...validAction('record_decision'),
      conclusion: 'pardoned',
      departureReason: 'x',
    } as CaseAction;
    expect(code(decideTransition(caseIn('awaiting_decision'), bogus, ACTORS.secretary, ctx))).toBe(
      'INVALID_CONCLUSION',
    );
    // 不予追究 is a ground of the emergency regime only.
    const noLiability = {
      ...validAction('record_decision'),
      conclusion: 'no_liability',
      departureReason: 'x',
    } as CaseAction;
    const education = context({ procedure: EDUCATION_PROCEDURE, outcomes: EDUCATION_OUTCOMES });
    expect(
      code(decideTransition(caseIn('awaiting_decision'), noLiability, ACTORS.secretary, education)),
    ).toBe('INVALID_CONCLUSION');
    expect(
      decideTransition(caseIn('awaiting_decision'), noLiability, ACTORS.secretary, ctx).ok,
    ).toBe(true);
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
        code(decideTransition(caseIn('awaiting_decision'), action, ACTORS.secretary, ctx)),
        JSON.stringify(patch),
      ).toBe('INVALID_INPUT');
    }
  });

  it('NOT_FOUND: a related unit that does not exist', () => {
    const action = { ...validAction('record_decision'), relatedUnitIds: ['unit-b', 'unit-x'] };
    const refused = decideTransition(caseIn('awaiting_decision'), action, ACTORS.secretary, ctx);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '相关单位不存在：unit-x' },
    });
  });

  it('INVALID_INPUT: a case opened without a title, conduct, unit or known enforcement action', () => {
    const base = validAction('submit_application');
    for (const patch of [
      { title: ' ' },
      { conduct: '' },
      { unitId: '' },
      { enforcementAction: 'arrest' },
    ]) {
      const action = { ...base, ...patch } as CaseAction;
      expect(code(decideTransition(null, action, ACTORS.officer, ctx)), JSON.stringify(patch)).toBe(
        'INVALID_INPUT',
      );
    }
    const initiate = { ...validAction('initiate'), officerId: '' } as CaseAction;
    expect(code(decideTransition(null, initiate, ACTORS.investigator, ctx))).toBe('INVALID_INPUT');
  });

  it('REASON_REQUIRED: refusing, objecting, changing on review, closing without publication', () => {
    expect(
      code(
        decideTransition(
          caseIn('submitted'),
          { kind: 'refuse', reason: ' ' },
          ACTORS.investigator,
          ctx,
        ),
      ),
    ).toBe('REASON_REQUIRED');
    expect(
      code(
        decideTransition(
          caseIn('notified'),
          { kind: 'raise_objection', reason: '' },
          ACTORS.officer,
          ctx,
        ),
      ),
    ).toBe('REASON_REQUIRED');
    const change: CaseAction = {
      kind: 'review_objection',
      result: 'change',
      conclusion: 'exemption',
      reason: '',
      meetingDate: TODAY,
      members: ['张三'],
    };
    expect(code(decideTransition(caseIn('objection_review'), change, ACTORS.secretary, ctx))).toBe(
      'REASON_REQUIRED',
    );
    expect(
      code(
        decideTransition(
          caseIn('notified'),
          { kind: 'close' },
          ACTORS.secretary,
          contextFor('close'),
        ),
      ),
    ).toBe('REASON_REQUIRED');
    // A published case closes without a reason.
    const closed = effectsOf(
      decideTransition(
        caseIn('published'),
        { kind: 'close' },
        ACTORS.secretary,
        contextFor('close'),
      ),
    );
    expect(closed).toEqual({
      action: 'close',
      from: 'published',
      state: 'closed',
      reason: null,
      changes: [],
    });
  });

  it('keeps the reason of a refusal, a closing and a withdrawal', () => {
    const refused = effectsOf(
      decideTransition(
        caseIn('submitted'),
        { kind: 'refuse', reason: ' 超出受理范围 ' },
        ACTORS.investigator,
        ctx,
      ),
    );
    expect(refused).toEqual({
      action: 'refuse',
      from: 'submitted',
      state: 'refused',
      reason: '超出受理范围',
      changes: [],
    });
    const closed = effectsOf(
      decideTransition(
        caseIn('notified'),
        validAction('close'),
        ACTORS.secretary,
        contextFor('close'),
      ),
    );
    expect(closed.reason).toBe('涉及个人隐私，不予公开');
    const withdrawn = effectsOf(
      decideTransition(
        caseIn('assessing'),
        { kind: 'withdraw', reason: '自愿撤回' },
        ACTORS.officer,
        ctx,
      ),
    );
    expect(withdrawn).toMatchObject({ state: 'withdrawn', reason: '自愿撤回' });
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

  it('INVALID_SCOPE: only a scope the policy lists', () => {
    const ok = effectsOf(
      decideTransition(
        caseIn('notified'),
        { kind: 'publish', scope: '社会公开' },
        ACTORS.secretary,
        ctx,
      ),
    );
    expect(ok.changes).toEqual([
      { kind: 'create_publication', scope: '社会公开', publishedOn: TODAY },
    ]);
    expect(
      code(
        decideTransition(
          caseIn('notified'),
          { kind: 'publish', scope: '全国' },
          ACTORS.secretary,
          ctx,
        ),
      ),
    ).toBe('INVALID_SCOPE');
  });

  it('NOT_FOUND and INVALID_TRANSITION for a notification not of the case, or already sent', () => {
    const decided = caseIn('decided');
    const send = (notificationId: string) =>
      decideTransition(
        decided,
        { kind: 'send_notification', notificationId },
        ACTORS.secretary,
        ctx,
      );
    expect(code(send('n-elsewhere'))).toBe('NOT_FOUND');
    expect(code(send('n-officer'))).toBe('INVALID_TRANSITION');
  });
});

describe('第十五条 and 第十六条 on the committee decision', () => {
  // Written out rather than derived from the procedure, so that the table is checked.
  const expected: Record<
    string,
    Record<OutcomeCode, [errorRecord: boolean, correction: boolean]>
  > = {
    emergency: {
      not_tolerated: [true, false],
      due_diligence: [false, true],
      no_liability: [false, true],
      tolerated: [false, true],
      exemption: [false, true],
      mandatory_mitigation: [true, false],
      discretionary_mitigation: [true, false],
      no_ground: [true, false],
    },
    education: {
      not_tolerated: [true, false],
      due_diligence: [false, true],
      no_liability: [true, false],
      tolerated: [false, true],
      exemption: [false, true],
      mandatory_mitigation: [true, false],
      discretionary_mitigation: [true, false],
      no_ground: [true, false],
    },
  };
  const policies: [string, ProcedureParams, readonly OutcomeCode[]][] = [
    ['emergency', EMERGENCY_PROCEDURE, EMERGENCY_OUTCOMES],
    ['education', EDUCATION_PROCEDURE, EDUCATION_OUTCOMES],
  ];
  const rows = policies.flatMap(([policy, procedure, outcomes]) =>
    outcomes.map((conclusion) => ({ policy, procedure, outcomes, conclusion })),
  );

  it.each(rows)('$policy: $conclusion', ({ policy, procedure, outcomes, conclusion }) => {
    const [errorRecord, correction] = expected[policy]![conclusion];
    expect(needsEnforcementErrorRecord(procedure, conclusion)).toBe(errorRecord);
    expect(opensCorrection(procedure, conclusion)).toBe(correction);

    const action = {
      ...validAction('record_decision'),
      conclusion,
      departureReason: '经党委研究',
    } as CaseAction;
    const effects = effectsOf(
      decideTransition(
        caseIn('awaiting_decision'),
        action,
        ACTORS.secretary,
        context({ procedure, outcomes }),
      ),
    );
    const liability = effects.changes.filter(
      (c) => c.kind !== 'record_decision' && c.kind !== 'create_notification',
    );
    const want: CaseChange[] = [];
    if (errorRecord) {
      want.push({
        kind: 'create_enforcement_error_record',
        officerId: OFFICER_ID,
        article: procedure.notEnforcementError.article,
      });
    }
    if (correction) want.push({ kind: 'open_correction', article: procedure.correction.article });
    expect(liability).toEqual(want);
  });

  it('the education regime has no 不予追究 outcome to conclude', () => {
    expect(EDUCATION_OUTCOMES).not.toContain('no_liability');
  });
});

describe('notifications (告知)', () => {
  it('creates one for the officer and one per related unit, due 7 days after the meeting', () => {
    const action = {
      ...validAction('record_decision'),
      meetingDate: '2030-09-02',
      relatedUnitIds: ['unit-b', 'unit-c'],
    } as CaseAction;
    const effects = effectsOf(
      decideTransition(caseIn('awaiting_decision'), action, ACTORS.secretary, context()),
    );
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
      decideTransition(
        caseIn('awaiting_decision'),
        action,
        ACTORS.secretary,
        context({ today: '2030-09-26' }),
      ),
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
      decideTransition(
        caseIn('awaiting_decision'),
        action,
        ACTORS.secretary,
        context({ today: '2031-03-05' }),
      ),
    );
    expect(effects.changes[1]).toMatchObject({
      deadline: { due: '2031-03-10', provisional: true },
    });
  });

  it('stays decided until the last notification is sent', () => {
    const decided = caseIn('decided', {
      notifications: [
        {
          id: 'n1',
          recipientKind: 'party',
          recipient: OFFICER_ID,
          due: '2030-09-17',
          sent: false,
        },
        { id: 'n2', recipientKind: 'unit', recipient: 'unit-b', due: '2030-09-17', sent: false },
      ],
    });
    const first = effectsOf(
      decideTransition(
        decided,
        { kind: 'send_notification', notificationId: 'n2' },
        ACTORS.secretary,
        context(),
      ),
    );
    expect(first).toEqual({
      action: 'send_notification',
      from: 'decided',
      state: 'decided',
      reason: null,
      changes: [{ kind: 'mark_notification_sent', notificationId: 'n2', sentOn: TODAY }],
    });
  });

  it('opens the objection period with the last notice: 15 days, past the holiday', () => {
    // Fri 2030-09-20 + 15 = Sat 10-05, in the holiday: due Tue 10-08.
    const effects = effectsOf(
      decideTransition(
        caseIn('decided'),
        validAction('send_notification'),
        ACTORS.secretary,
        context(),
      ),
    );
    expect(effects.state).toBe('notified');
    expect(effects.changes).toEqual([
      { kind: 'mark_notification_sent', notificationId: 'n-unit', sentOn: TODAY },
      {
        kind: 'open_objection_period',
        deadline: {
          from: TODAY,
          days: 15,
          counting: 'calendar',
          due: '2030-10-08',
          provisional: false,
        },
      },
    ]);
  });
});

describe('objections (异议)', () => {
  it('remembers the state it was raised from and the period it was raised in', () => {
    for (const from of ['notified', 'published'] as const) {
      const effects = effectsOf(
        decideTransition(caseIn(from), validAction('raise_objection'), ACTORS.officer, context()),
      );
      expect(effects).toEqual({
        action: 'raise_objection',
        from,
        state: 'objection_review',
        reason: '认定事实有误',
        changes: [
          {
            kind: 'create_objection',
            raisedBy: OFFICER_ID,
            raisedOn: TODAY,
            reason: '认定事实有误',
            due: '2030-09-30',
            returnTo: from,
          },
        ],
      });
    }
  });

  it('returns to the state it came from on confirmation', () => {
    const review = caseIn('objection_review', { stateBeforeObjection: 'notified' });
    const effects = effectsOf(
      decideTransition(review, validAction('review_objection'), ACTORS.secretary, context()),
    );
    expect(effects).toEqual({
      action: 'review_objection',
      from: 'objection_review',
      state: 'notified',
      reason: null,
      changes: [{ kind: 'resolve_objection', result: 'confirmed', reviewedOn: TODAY }],
    });
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

  it('refuses a "change" to the same conclusion, and one the policy does not have', () => {
    const review = caseIn('objection_review');
    expect(code(decideTransition(review, change('tolerated'), ACTORS.secretary, context()))).toBe(
      'INVALID_CONCLUSION',
    );
    expect(code(decideTransition(review, change('whatever'), ACTORS.secretary, context()))).toBe(
      'INVALID_CONCLUSION',
    );
  });

  it('refuses a review of a snapshot without the state to return to', () => {
    const broken = caseIn('objection_review', { stateBeforeObjection: null });
    expect(
      code(decideTransition(broken, validAction('review_objection'), ACTORS.secretary, context())),
    ).toBe('INVALID_TRANSITION');
  });
});

describe('opening a case', () => {
  it('an application is about the applicant', () => {
    const effects = effectsOf(
      decideTransition(null, validAction('submit_application'), ACTORS.officer, context()),
    );
    expect(effects).toEqual({
      action: 'submit_application',
      from: 'none',
      state: 'submitted',
      reason: null,
      changes: [
        {
          kind: 'create_case',
          origin: 'application',
          unitId: 'unit-a',
          officerId: OFFICER_ID,
          applicantId: OFFICER_ID,
          title: '某企业安全检查未发现隐患',
          conduct: '按检查计划开展现场检查',
          enforcementAction: 'inspection',
        },
      ],
    });
  });

  it('an initiated case is about the officer named, with no applicant', () => {
    const effects = effectsOf(
      decideTransition(null, validAction('initiate'), ACTORS.investigator, context()),
    );
    expect(effects.state).toBe('investigating');
    expect(effects.changes[0]).toMatchObject({
      origin: 'initiation',
      officerId: OFFICER_ID,
      applicantId: null,
    });
    expect(
      code(decideTransition(null, validAction('initiate'), ACTORS.outsideInvestigator, context())),
    ).toBe('FORBIDDEN');
  });
});

describe('closing waits for the objection period', () => {
  it('refuses close until the day after the objection period ends', () => {
    for (const from of ['notified', 'published'] as const) {
      const onLastDay = decideTransition(
        caseIn(from),
        validAction('close'),
        ACTORS.secretary,
        context({ today: '2030-09-30' }),
      );
      expect(onLastDay).toMatchObject({ ok: false, error: { code: 'OBJECTION_PERIOD_OPEN' } });
      const dayAfter = decideTransition(
        caseIn(from),
        validAction('close'),
        ACTORS.secretary,
        context({ today: '2030-10-01' }),
      );
      expect(dayAfter.ok).toBe(true);
    }
  });
});

describe('who may read and do what', () => {
  it('reads: the officer their own cases, case roles their unit subtree, administrators none', () => {
    const c = caseIn('investigating');
    const readers = Object.entries(ACTORS)
      .filter(([, a]) => canRead(c, a))
      .map(([name]) => name);
    expect(readers).toEqual(['officer', 'investigator', 'secretary', 'reviewer']);
  });

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
    expect(allowed(caseIn('published'), ACTORS.officer).length).toBe(1);
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

describe('outcomeCodesOf', () => {
  it("gives a policy's grounds in precedence order, then no_ground", () => {
    const policy = {
      grounds: [{ code: 'tolerated' }, { code: 'not_tolerated' }],
    } as unknown as CompiledPolicy;
    expect(outcomeCodesOf(policy)).toEqual(['not_tolerated', 'tolerated', 'no_ground']);
  });
});
