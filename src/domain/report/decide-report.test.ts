// The intake and the steps' payloads: the reporter required of a named report, the
// feedback deadline counted from receipt (moved past a holiday), the tolerated finding's
// decided case, the late feedback's reason.

import { describe, expect, it } from 'vitest';
import { CALENDAR, TODAY } from '../case/test-fixtures.ts';
import {
  decideIntake,
  decideReportStep,
  type IntakeCommand,
  type ReportContext,
} from './decide-report.ts';
import { deadlineText } from '../deadline/deadline-text.ts';
import { feedbackDeadline, feedbackDueStatus } from './report-deadline.ts';
import type { Actor, ReportView } from './report-machine.ts';

const CTX: ReportContext = {
  today: TODAY,
  calendar: CALENDAR,
  feedback: { days: 60, counting: 'calendar' },
};
const PETITIONS: Actor = { id: 'petitions-1', roles: ['petitions'], inUnitScope: true };

const INTAKE: IntakeCommand = {
  receivedOn: '2030-08-05',
  channel: 'letter',
  named: true,
  reporter: { name: ' 张三 ', contact: '13800000000', address: null },
  summary: '反映执法人员收受好处',
  officerIds: ['officer-1', 'officer-1', 'officer-2'],
};

function found(overrides: Partial<ReportView> = {}): ReportView {
  return {
    id: 'report-1',
    state: 'found',
    named: true,
    officerIds: ['officer-1'],
    receivedOn: '2030-08-05',
    finding: 'untrue',
    foundOn: '2030-09-01',
    malice: null,
    feedbackDue: '2030-09-10',
    referred: false,
    ...overrides,
  };
}

describe('the intake', () => {
  it('counts the feedback deadline from receipt, past the National Day holiday', () => {
    const decided = decideIntake(INTAKE, PETITIONS, CTX);
    expect(decided.ok).toBe(true);
    if (!decided.ok) return;
    // The 60th day, 2030-10-04, falls in the holiday: the limit ends on 10-08.
    expect(decided.change.feedbackDue).toBe('2030-10-08');
    expect(decided.change.officerIds).toEqual(['officer-1', 'officer-2']);
    expect(decided.change.reporter).toEqual({ name: '张三', contact: '13800000000', address: '' });
    const deadline = feedbackDeadline(CALENDAR, CTX.feedback, '2030-08-05');
    expect(deadlineText(deadline)).toMatch(/^自2030年8月5日起60日，期限届满日（2030年10月4日）/);
  });

  it('requires the reporter of a named report, refuses one for an anonymous report', () => {
    const missing = decideIntake(
      { ...INTAKE, reporter: { name: ' ', contact: 'x' } },
      PETITIONS,
      CTX,
    );
    expect(missing.ok ? null : missing.error.code).toBe('REPORTER_REQUIRED');
    const anonymous = decideIntake({ ...INTAKE, named: false }, PETITIONS, CTX);
    expect(anonymous.ok ? null : anonymous.error.code).toBe('INVALID_INPUT');
    const plain = decideIntake({ ...INTAKE, named: false, reporter: null }, PETITIONS, CTX);
    expect(plain.ok && plain.change.feedbackDue).toBe(null);
  });

  it('is not taken by one the report accuses, nor dated after today', () => {
    const own = decideIntake({ ...INTAKE, officerIds: ['petitions-1'] }, PETITIONS, CTX);
    expect(own.ok ? null : own.error.code).toBe('FORBIDDEN');
    const future = decideIntake({ ...INTAKE, receivedOn: '2030-09-21' }, PETITIONS, CTX);
    expect(future.ok ? null : future.error.code).toBe('INVALID_DATE');
  });

  it('links a case about one of the accused, and no other', () => {
    const about = (officerId: string) => ({ id: 'case-1', officerId, conclusion: null });
    const linked = decideIntake(INTAKE, PETITIONS, CTX, about('officer-2'));
    expect(linked.ok && linked.change.caseId).toBe('case-1');
    const other = decideIntake(INTAKE, PETITIONS, CTX, about('officer-9'));
    expect(other.ok ? null : other.error).toEqual({
      code: 'INVALID_INPUT',
      message: '关联的容错案件须是关于被举报人的案件',
    });
    expect(decideIntake(INTAKE, PETITIONS, CTX).ok && 'unlinked').toBe('unlinked');
  });
});

describe('the steps', () => {
  const finding = {
    kind: 'record_finding',
    finding: 'tolerated',
    reasons: '经核查，属容错情形',
    foundOn: '2030-09-01',
    malice: null,
    decidedCase: null,
  } as const;

  it('rests a tolerated finding on a decided case about one of the accused', () => {
    const received = found({ state: 'received', finding: null, foundOn: null });
    const none = decideReportStep(received, PETITIONS, finding, CTX);
    expect(none.ok ? null : none.error.code).toBe('DECIDED_CASE_REQUIRED');
    const elsewhere = decideReportStep(
      received,
      PETITIONS,
      {
        ...finding,
        decidedCase: { id: 'case-1', officerId: 'officer-9', conclusion: 'tolerated' },
      },
      CTX,
    );
    expect(elsewhere.ok ? null : elsewhere.error.code).toBe('INVALID_INPUT');
    const undecided = decideReportStep(
      received,
      PETITIONS,
      { ...finding, decidedCase: { id: 'case-1', officerId: 'officer-1', conclusion: null } },
      CTX,
    );
    expect(undecided.ok ? null : undecided.error.code).toBe('INVALID_INPUT');
    const ok = decideReportStep(
      received,
      PETITIONS,
      {
        ...finding,
        decidedCase: { id: 'case-1', officerId: 'officer-1', conclusion: 'no_liability' },
      },
      CTX,
    );
    expect(ok.ok && ok.state).toBe('found');
    const malice = decideReportStep(
      received,
      PETITIONS,
      { ...finding, finding: 'true', malice: 'slander' },
      CTX,
    );
    expect(malice.ok ? null : malice.error.code).toBe('INVALID_INPUT');
  });

  it('asks the reason of feedback after its limit, and keeps none when on time', () => {
    const feedback = {
      kind: 'give_feedback',
      givenOn: '2030-09-15',
      channel: 'phone',
      content: '已电话反馈查处结果',
      lateReason: null,
    } as const;
    const late = decideReportStep(found(), PETITIONS, feedback, CTX);
    expect(late.ok ? null : late.error.code).toBe('FEEDBACK_LATE_REASON_REQUIRED');
    const explained = decideReportStep(
      found(),
      PETITIONS,
      { ...feedback, lateReason: '举报人长期外出' },
      CTX,
    );
    expect(explained.ok && explained.change).toMatchObject({
      late: true,
      lateReason: '举报人长期外出',
    });
    const onTime = decideReportStep(
      found(),
      PETITIONS,
      { ...feedback, givenOn: '2030-09-10', lateReason: '无' },
      CTX,
    );
    expect(onTime.ok && onTime.change).toMatchObject({ late: false, lateReason: null });
    const early = decideReportStep(found(), PETITIONS, { ...feedback, givenOn: '2030-08-31' }, CTX);
    expect(early.ok ? null : early.error.code).toBe('INVALID_DATE');
  });

  it('watches open feedback: due soon a week ahead, overdue after, nothing once closed', () => {
    expect(feedbackDueStatus({ state: 'found', feedbackDue: '2030-09-27' }, TODAY)).toBe(
      'due_soon',
    );
    expect(feedbackDueStatus({ state: 'found', feedbackDue: '2030-09-28' }, TODAY)).toBe(null);
    expect(feedbackDueStatus({ state: 'received', feedbackDue: '2030-09-19' }, TODAY)).toBe(
      'overdue',
    );
    expect(feedbackDueStatus({ state: 'closed', feedbackDue: '2030-09-19' }, TODAY)).toBe(null);
    expect(feedbackDueStatus({ state: 'received', feedbackDue: null }, TODAY)).toBe(null);
  });
});
