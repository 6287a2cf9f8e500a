import { describe, expect, it } from 'vitest';
import { EDUCATION_PROCEDURE } from '../case/test-fixtures.ts';
import { correctionDueStatus, noticeDeadline, noticeDeadlineText } from './correction-deadline.ts';
import {
  allowedCorrectionActions,
  canReadCorrection,
  checkStep,
  correctionTodo,
} from './correction-machine.ts';
import { CALENDAR, correction, correctionContext, DUE, PEOPLE } from './test-fixtures.ts';

const ctx = correctionContext();
const reminder = ctx.params.reminder;

describe('who reads a correction', () => {
  it('is the correction object and the staff of its unit or above, no one else', () => {
    const c = correction('in_progress');
    expect(canReadCorrection(c, PEOPLE.object)).toBe(true);
    expect(canReadCorrection(c, PEOPLE.secretary)).toBe(true);
    expect(canReadCorrection(c, PEOPLE.investigator)).toBe(true);
    expect(canReadCorrection(c, PEOPLE.reviewer)).toBe(true);
    expect(canReadCorrection(c, PEOPLE.otherOfficer)).toBe(false);
    expect(canReadCorrection(c, PEOPLE.otherUnitSecretary)).toBe(false);
    expect(canReadCorrection(c, PEOPLE.sysadmin)).toBe(false);
  });
});

describe('what each reader may do in each state', () => {
  it('opened: the secretary issues the notice, no one else does anything', () => {
    const c = correction('opened');
    expect(allowedCorrectionActions(c, PEOPLE.secretary, ctx)).toEqual(['issue_notice']);
    expect(allowedCorrectionActions(c, PEOPLE.investigator, ctx)).toEqual([]);
    expect(allowedCorrectionActions(c, PEOPLE.object, ctx)).toEqual([]);
  });

  it('in progress: the object reports, claims and asks more time; the unit follows up', () => {
    const c = correction('in_progress');
    expect(allowedCorrectionActions(c, PEOPLE.object, ctx)).toEqual([
      'report_progress',
      'claim_completion',
      'request_extension',
    ]);
    expect(allowedCorrectionActions(c, PEOPLE.secretary, ctx)).toEqual(['follow_up']);
    expect(allowedCorrectionActions(c, PEOPLE.investigator, ctx)).toEqual(['follow_up']);
    expect(allowedCorrectionActions(c, PEOPLE.reviewer, ctx)).toEqual([]);
    expect(allowedCorrectionActions(c, PEOPLE.otherOfficer, ctx)).toEqual([]);
    expect(allowedCorrectionActions(c, PEOPLE.otherUnitSecretary, ctx)).toEqual([]);
  });

  it('a pending extension is decided by the secretary alone, and blocks a second request', () => {
    const c = correction('in_progress', {
      extensions: [{ id: 'ext-1', state: 'pending', requestedDue: '2030-11-30' }],
    });
    expect(allowedCorrectionActions(c, PEOPLE.secretary, ctx)).toEqual([
      'decide_extension',
      'follow_up',
    ]);
    expect(allowedCorrectionActions(c, PEOPLE.investigator, ctx)).toEqual(['follow_up']);
    expect(allowedCorrectionActions(c, PEOPLE.object, ctx)).not.toContain('request_extension');
    expect(checkStep(c, PEOPLE.object, 'request_extension', ctx)).toMatchObject({
      error: { code: 'EXTENSION_PENDING' },
    });
  });

  it('after the deadline no extension may be asked (DEADLINE_PASSED)', () => {
    const late = correctionContext({ today: '2030-10-18' });
    const c = correction('in_progress');
    expect(checkStep(c, PEOPLE.object, 'request_extension', late)).toMatchObject({
      error: { code: 'DEADLINE_PASSED' },
    });
    // On the last day it still may.
    expect(
      checkStep(c, PEOPLE.object, 'request_extension', correctionContext({ today: DUE })),
    ).toEqual({
      ok: true,
    });
  });

  it('a policy without extensions refuses them', () => {
    const strict = correctionContext({
      params: { ...EDUCATION_PROCEDURE.correction, extensionAllowed: false },
    });
    expect(
      checkStep(correction('in_progress'), PEOPLE.object, 'request_extension', strict),
    ).toMatchObject({
      error: { code: 'EXTENSION_NOT_ALLOWED' },
    });
  });

  it('completion claimed: the unit closes or sends back and follows up; the object waits', () => {
    const c = correction('completion_claimed');
    expect(allowedCorrectionActions(c, PEOPLE.secretary, ctx)).toEqual([
      'close',
      'send_back',
      'follow_up',
    ]);
    expect(allowedCorrectionActions(c, PEOPLE.investigator, ctx)).toEqual([
      'close',
      'send_back',
      'follow_up',
    ]);
    expect(allowedCorrectionActions(c, PEOPLE.object, ctx)).toEqual([]);
  });

  it('closing is refused while an item is not done', () => {
    const c = correction('completion_claimed', {
      items: [
        { id: 'item-1', done: true },
        { id: 'item-2', done: false },
      ],
    });
    expect(checkStep(c, PEOPLE.secretary, 'close', ctx)).toMatchObject({
      error: { code: 'ITEMS_NOT_DONE' },
    });
  });

  it('completed and cancelled: nothing more', () => {
    for (const state of ['completed', 'cancelled'] as const) {
      for (const who of Object.values(PEOPLE)) {
        expect(allowedCorrectionActions(correction(state), who, ctx)).toEqual([]);
      }
    }
  });

  it('the correction object never acts for the unit on his own correction', () => {
    const c = correction('completion_claimed');
    expect(allowedCorrectionActions(c, PEOPLE.objectAsSecretary, ctx)).toEqual([]);
    expect(checkStep(c, PEOPLE.objectAsSecretary, 'close', ctx)).toMatchObject({
      error: { code: 'FORBIDDEN', message: '本纠错涉及您本人，您不能验收办结' },
    });
  });

  it('refuses the wrong role with FORBIDDEN before the wrong state with INVALID_TRANSITION', () => {
    const c = correction('opened');
    expect(checkStep(c, PEOPLE.object, 'issue_notice', ctx)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(checkStep(c, PEOPLE.secretary, 'close', ctx)).toMatchObject({
      error: { code: 'INVALID_TRANSITION' },
    });
    expect(checkStep(c, PEOPLE.sysadmin, 'issue_notice', ctx)).toMatchObject({
      error: { code: 'FORBIDDEN', message: '管理员不办理纠错' },
    });
  });
});

describe('the to-do list', () => {
  it('names the step each reader is to take now', () => {
    expect(correctionTodo(correction('opened'), PEOPLE.secretary, ctx)).toBe('issue_notice');
    expect(correctionTodo(correction('opened'), PEOPLE.investigator, ctx)).toBe(null);
    expect(correctionTodo(correction('completion_claimed'), PEOPLE.investigator, ctx)).toBe(
      'close',
    );
    expect(correctionTodo(correction('in_progress'), PEOPLE.object, ctx)).toBe('report_progress');
    expect(correctionTodo(correction('in_progress'), PEOPLE.secretary, ctx)).toBe(null);
    const pending = correction('in_progress', {
      extensions: [{ id: 'ext-1', state: 'pending', requestedDue: '2030-11-30' }],
    });
    expect(correctionTodo(pending, PEOPLE.secretary, ctx)).toBe('decide_extension');
  });
});

describe('the deadline', () => {
  it('counts 30 working days from the notice, over the holiday and a make-up workday', () => {
    const d = noticeDeadline(CALENDAR, ctx.params.deadline, '2030-09-02');
    expect(d.due).toBe(DUE);
    expect(
      noticeDeadlineText({
        from: '2030-09-02',
        days: 30,
        counting: 'working',
        due: d.due,
        extendedFrom: null,
      }),
    ).toBe('自2030年9月2日起30个工作日，至2030年10月17日届满');
  });

  it('takes the days the notice sets, counted the same way', () => {
    expect(noticeDeadline(CALENDAR, ctx.params.deadline, '2030-09-26', 5).due).toBe('2030-10-09');
  });

  it('explains a calendar-day limit that ends on a holiday', () => {
    const d = noticeDeadline(CALENDAR, { days: 10, counting: 'calendar' }, '2030-09-24');
    expect(d.due).toBe('2030-10-08');
    expect(
      noticeDeadlineText({
        from: '2030-09-24',
        days: 10,
        counting: 'calendar',
        due: d.due,
        extendedFrom: d.extension?.lastDay ?? null,
      }),
    ).toBe(
      '自2030年9月24日起10日，期限届满日（2030年10月4日）为法定休假日，顺延至其后第一个工作日2030年10月8日',
    );
  });
});

describe('due soon and overdue', () => {
  const status = (
    due: string,
    today: string,
    state: 'in_progress' | 'completion_claimed' = 'in_progress',
  ) => correctionDueStatus(CALENDAR, reminder, { state, due }, today);

  it('is due soon within five working days, overdue the day after the deadline', () => {
    // From 2030-09-20 (Fri), five working days end on 2030-09-27.
    expect(status('2030-09-27', '2030-09-20')).toBe('due_soon');
    expect(status('2030-09-30', '2030-09-20')).toBe(null);
    expect(status('2030-09-20', '2030-09-20')).toBe('due_soon');
    expect(status('2030-09-19', '2030-09-20')).toBe('overdue');
  });

  it('reaches over the holiday: five working days from 09-26 end on 10-09', () => {
    expect(status('2030-10-09', '2030-09-26')).toBe('due_soon');
    expect(status('2030-10-10', '2030-09-26')).toBe(null);
  });

  it('stops once completion is claimed in time, and without a notice', () => {
    expect(status('2030-09-19', '2030-09-20', 'completion_claimed')).toBe(null);
    expect(
      correctionDueStatus(CALENDAR, reminder, { state: 'opened', due: null }, '2030-09-20'),
    ).toBe(null);
  });
});
