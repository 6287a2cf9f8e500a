import { describe, expect, it } from 'vitest';
import { decideTransition } from './decide-transition.ts';
import type { CaseAction } from './case-actions.ts';
import { ACTORS, caseIn, context, OFFICER_ID, TODAY } from './test-fixtures.ts';
import { accepted, code, decideIn, effectsOf } from './test-helpers.ts';

describe('serving the notifications (送达告知)', () => {
  const delivery = {
    method: 'in_person',
    deliveredOn: '2030-09-13',
    deliveredTo: '赵六',
  } as const;
  const send = (notificationId: string, over: Partial<CaseAction> = {}, state = 'decided') =>
    decideIn(
      state as 'decided',
      { kind: 'send_notification', notificationId, ...delivery, ...over } as CaseAction,
      ACTORS.secretary,
      context(),
    );

  it('stays decided until the last notification is sent, keeping method, day and recipient', () => {
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
        { kind: 'send_notification', notificationId: 'n2', ...delivery, deliveredTo: ' 赵六 ' },
        ACTORS.secretary,
        context(),
      ),
    );
    expect(first).toEqual(
      accepted('send_notification', 'decided', 'decided', [
        {
          kind: 'mark_notification_sent',
          notificationId: 'n2',
          sentOn: '2030-09-13',
          method: 'in_person',
          deliveredTo: '赵六',
          lateReason: null,
        },
      ]),
    );
  });

  it('opens the objection period from the latest delivery date, past the holiday', () => {
    // The other notice was delivered 09-12, this one 09-19: Thu 09-19 + 15 = Fri 10-04, in
    // the holiday (10-01..10-07): due Tue 10-08.
    const effects = effectsOf(
      send('n-unit', { deliveredOn: '2030-09-19', lateReason: '当事人外出' }),
    );
    expect(effects.state).toBe('notified');
    expect(effects.changes).toEqual([
      {
        kind: 'mark_notification_sent',
        notificationId: 'n-unit',
        sentOn: '2030-09-19',
        method: 'in_person',
        deliveredTo: '赵六',
        lateReason: '当事人外出',
      },
      {
        kind: 'open_objection_period',
        deadline: {
          from: '2030-09-19',
          days: 15,
          counting: 'calendar',
          due: '2030-10-08',
          provisional: false,
          extension: { lastDay: '2030-10-04', restDay: 'holiday' },
        },
      },
    ]);
  });

  it('runs the objection period from an earlier notice delivered later than this one', () => {
    const view = caseIn('decided', {
      notifications: [
        {
          id: 'a',
          recipientKind: 'party',
          recipient: OFFICER_ID,
          due: '2030-09-17',
          sent: true,
          sentOn: '2030-09-16',
        },
        { id: 'b', recipientKind: 'unit', recipient: 'unit-b', due: '2030-09-17', sent: false },
      ],
    });
    const effects = effectsOf(
      decideTransition(
        view,
        { kind: 'send_notification', notificationId: 'b', ...delivery },
        ACTORS.secretary,
        context(),
      ),
    );
    expect(effects.changes[1]).toMatchObject({ deadline: { from: '2030-09-16' } });
  });

  it('INVALID_INPUT: a method not in the list, no recipient, a day outside decision..today', () => {
    expect(code(send('n-unit', { method: '传真' } as Partial<CaseAction>))).toBe('INVALID_INPUT');
    expect(code(send('n-unit', { deliveredTo: '  ' } as Partial<CaseAction>))).toBe(
      'INVALID_INPUT',
    );
    // The decision's meeting is 2030-09-10, today 2030-09-20.
    const early = send('n-unit', { deliveredOn: '2030-09-09' } as Partial<CaseAction>);
    expect(code(early)).toBe('INVALID_INPUT');
    expect(!early.ok && early.error.message).toContain(
      '2030年9月10日（研究决定之日）至2030年9月20日',
    );
    expect(code(send('n-unit', { deliveredOn: '2030-09-21' } as Partial<CaseAction>))).toBe(
      'INVALID_INPUT',
    );
    expect(code(send('n-unit', { deliveredOn: '2030-02-30' } as Partial<CaseAction>))).toBe(
      'INVALID_INPUT',
    );
  });

  it('LATE_REASON_REQUIRED: a notice delivered after its due date says why', () => {
    // Due 2030-09-17.
    const late = send('n-unit', { deliveredOn: '2030-09-18' } as Partial<CaseAction>);
    expect(code(late)).toBe('LATE_REASON_REQUIRED');
    expect(!late.ok && late.error.message).toContain('已超过告知期限2030年9月17日');
    expect(
      code(send('n-unit', { deliveredOn: '2030-09-18', lateReason: ' ' } as Partial<CaseAction>)),
    ).toBe('LATE_REASON_REQUIRED');
    // On the due date it is not late, and a reason given is not kept.
    const onTime = effectsOf(
      send('n-unit', { deliveredOn: '2030-09-17', lateReason: '无' } as Partial<CaseAction>),
    );
    expect(onTime.changes[0]).toMatchObject({ lateReason: null });
  });

  it('NOT_FOUND and INVALID_TRANSITION for a notification not of the case, or already sent', () => {
    expect(code(send('n-elsewhere'))).toBe('NOT_FOUND');
    expect(code(send('n-officer'))).toBe('INVALID_TRANSITION');
  });
});

describe('publication (公开)', () => {
  const publish = (scope: string, text?: string | null) =>
    decideIn('notified', { kind: 'publish', scope, text }, ACTORS.secretary, context());

  it('INVALID_SCOPE: only a scope the policy lists', () => {
    expect(code(publish('全国'))).toBe('INVALID_SCOPE');
  });

  it('publishes the redacted draft when no text is given, for the period of the policy', () => {
    const [change] = effectsOf(publish('社会公开')).changes;
    if (change?.kind !== 'create_publication') throw new Error('no publication');
    expect(change.scope).toBe('社会公开');
    expect(change.publishedOn).toBe(TODAY);
    expect(change.text).toContain('执法人员：王*（执法监督科）');
    expect(change.text).toContain('139****5678');
    expect(change.text).not.toContain('13912345678');
    expect(change.text).not.toContain('王强');
    // 五个工作日 from Friday 2030-09-20: the next Friday.
    expect(change.period).toMatchObject({ from: TODAY, days: 5, counting: 'working' });
    expect(change.audience).toEqual({
      circle: 'public',
      organUnitId: 'u-bureau',
      systemUnitId: 'u-bureau',
    });
  });

  it('publishes the secretary’s text as edited, line ends unified', () => {
    const [change] = effectsOf(publish('本单位', '  公示\r\n认定结论：不予追究  ')).changes;
    expect(change).toMatchObject({
      text: '公示\n认定结论：不予追究',
      audience: { circle: 'organ' },
    });
  });

  it('PERSONAL_INFORMATION_IN_PUBLICATION: an edit that brings back a phone, a name', () => {
    const phone = publish('本系统', '公示\n当事人电话13912345678');
    expect(code(phone)).toBe('PERSONAL_INFORMATION_IN_PUBLICATION');
    expect(!phone.ok && phone.error.message).toContain('第2行第6字起疑似电话号码（139****5678）');
    expect(code(publish('本系统', '执法人员王强履职尽责'))).toBe(
      'PERSONAL_INFORMATION_IN_PUBLICATION',
    );
    expect(code(publish('本系统', '   '))).toBe('INVALID_INPUT');
  });
});
