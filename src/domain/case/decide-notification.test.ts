import { describe, expect, it } from 'vitest';
import { decideTransition } from './decide-transition.ts';
import { ACTORS, caseIn, context, OFFICER_ID, TODAY, validAction } from './test-fixtures.ts';
import { accepted, code, decideIn, effectsOf } from './test-helpers.ts';

describe('serving the notifications (送达告知)', () => {
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
    expect(first).toEqual(
      accepted('send_notification', 'decided', 'decided', [
        { kind: 'mark_notification_sent', notificationId: 'n2', sentOn: TODAY },
      ]),
    );
  });

  it('opens the objection period with the last notice: 15 days, past the holiday', () => {
    // Fri 2030-09-20 + 15 = Sat 10-05, in the holiday: due Tue 10-08.
    const effects = effectsOf(
      decideIn('decided', validAction('send_notification'), ACTORS.secretary, context()),
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

  it('NOT_FOUND and INVALID_TRANSITION for a notification not of the case, or already sent', () => {
    const decided = caseIn('decided');
    const send = (notificationId: string) =>
      decideTransition(
        decided,
        { kind: 'send_notification', notificationId },
        ACTORS.secretary,
        context(),
      );
    expect(code(send('n-elsewhere'))).toBe('NOT_FOUND');
    expect(code(send('n-officer'))).toBe('INVALID_TRANSITION');
  });
});

describe('publication (公开)', () => {
  it('INVALID_SCOPE: only a scope the policy lists', () => {
    const ctx = context();
    const ok = effectsOf(
      decideIn('notified', { kind: 'publish', scope: '社会公开' }, ACTORS.secretary, ctx),
    );
    expect(ok.changes).toEqual([
      { kind: 'create_publication', scope: '社会公开', publishedOn: TODAY },
    ]);
    expect(
      code(decideIn('notified', { kind: 'publish', scope: '全国' }, ACTORS.secretary, ctx)),
    ).toBe('INVALID_SCOPE');
  });
});
