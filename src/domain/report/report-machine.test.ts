// Who reads, who acts and who opens the identity of a report, and which step is taken in
// which state: the rules of report-machine.ts, person by person.

import { describe, expect, it } from 'vitest';
import type { Role } from '../vocabulary.ts';
import {
  allowedReportActions,
  checkStep,
  identityCheck,
  nextReportStep,
  readAccess,
  type Actor,
  type ReportView,
} from './report-machine.ts';

const actor = (id: string, roles: readonly Role[], inUnitScope = true): Actor => ({
  id,
  roles,
  inUnitScope,
});

const PEOPLE = {
  petitions: actor('petitions-1', ['petitions']),
  otherUnitPetitions: actor('petitions-2', ['petitions'], false),
  /** A petitions staffer whom the report accuses. */
  reportedPetitions: actor('officer-2', ['petitions']),
  officer: actor('officer-1', ['officer']),
  bystanderOfficer: actor('officer-3', ['officer']),
  secretary: actor('secretary-1', ['secretary']),
  investigator: actor('investigator-1', ['investigator']),
  reviewer: actor('reviewer-1', ['reviewer']),
  sysadmin: actor('admin-1', ['sysadmin']),
} as const;

function report(state: ReportView['state'], overrides: Partial<ReportView> = {}): ReportView {
  const found = state !== 'received';
  return {
    id: 'report-1',
    state,
    named: true,
    officerIds: ['officer-1', 'officer-2'],
    receivedOn: '2030-08-05',
    finding: found ? 'untrue' : null,
    foundOn: found ? '2030-09-01' : null,
    malice: null,
    feedbackDue: '2030-10-08',
    referred: false,
    ...overrides,
  };
}

describe('who reads a report', () => {
  it('admits the staff roles of the unit subtree, never the accused nor the 三员', () => {
    const view = report('received');
    expect(readAccess(view, PEOPLE.petitions)).toBe('reader');
    expect(readAccess(view, PEOPLE.secretary)).toBe('reader');
    expect(readAccess(view, PEOPLE.investigator)).toBe('reader');
    expect(readAccess(view, PEOPLE.reviewer)).toBe('reader');
    expect(readAccess(view, PEOPLE.officer)).toBe('reported');
    expect(readAccess(view, PEOPLE.reportedPetitions)).toBe('reported');
    expect(readAccess(view, PEOPLE.bystanderOfficer)).toBe('none');
    expect(readAccess(view, PEOPLE.otherUnitPetitions)).toBe('none');
    expect(readAccess(view, PEOPLE.sysadmin)).toBe('none');
  });
});

describe('who opens the identity', () => {
  it('is the petitions staff alone, and not one the report accuses', () => {
    const view = report('received');
    expect(identityCheck(view, PEOPLE.petitions).ok).toBe(true);
    for (const who of [PEOPLE.secretary, PEOPLE.investigator, PEOPLE.reviewer, PEOPLE.sysadmin]) {
      const refused = identityCheck(view, who);
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.code).toBe('IDENTITY_FORBIDDEN');
    }
    const own = identityCheck(view, PEOPLE.reportedPetitions);
    expect(own.ok ? null : own.error).toEqual({
      code: 'FORBIDDEN',
      message: '举报涉及您本人，您不能查阅',
    });
    const anonymous = identityCheck(
      report('received', { named: false, feedbackDue: null }),
      PEOPLE.petitions,
    );
    expect(anonymous.ok ? null : anonymous.error.code).toBe('NOT_NAMED');
  });
});

describe('the steps', () => {
  it('lets the petitions staff act and no one else', () => {
    expect(allowedReportActions(report('received'), PEOPLE.petitions)).toEqual([
      'attach',
      'link_case',
      'record_finding',
    ]);
    for (const who of [PEOPLE.secretary, PEOPLE.reportedPetitions, PEOPLE.otherUnitPetitions])
      expect(allowedReportActions(report('received'), who)).toEqual([]);
    const own = checkStep(report('received'), PEOPLE.reportedPetitions, 'record_finding');
    expect(own.ok ? null : own.error.message).toBe('举报涉及您本人，您不能记录查处结论');
  });

  it('answers a named report with feedback, an anonymous one with an explanation or a close', () => {
    expect(allowedReportActions(report('found'), PEOPLE.petitions)).toEqual([
      'attach',
      'link_case',
      'give_feedback',
    ]);
    const anonymous = (finding: ReportView['finding']) =>
      report('found', { named: false, feedbackDue: null, finding });
    expect(allowedReportActions(anonymous('untrue'), PEOPLE.petitions)).toEqual([
      'attach',
      'link_case',
      'explain',
    ]);
    expect(allowedReportActions(anonymous('partly_true'), PEOPLE.petitions)).toContain('close');
    const close = checkStep(anonymous('tolerated'), PEOPLE.petitions, 'close');
    expect(close.ok ? null : close.error.code).toBe('EXPLANATION_REQUIRED');
    const feedback = checkStep(anonymous('true'), PEOPLE.petitions, 'give_feedback');
    expect(feedback.ok ? null : feedback.error.code).toBe('NOT_NAMED');
    const explain = checkStep(report('found'), PEOPLE.petitions, 'explain');
    expect(explain.ok ? null : explain.error.code).toBe('NOT_ANONYMOUS');
  });

  it('refers a malicious report once, before or after it is closed', () => {
    const malicious = (state: ReportView['state'], referred = false) =>
      report(state, { malice: 'false_accusation', referred });
    expect(checkStep(malicious('found'), PEOPLE.petitions, 'refer').ok).toBe(true);
    expect(allowedReportActions(malicious('closed'), PEOPLE.petitions)).toEqual(['refer']);
    const twice = checkStep(malicious('closed', true), PEOPLE.petitions, 'refer');
    expect(twice.ok ? null : twice.error.code).toBe('ALREADY_REFERRED');
    const plain = checkStep(report('found'), PEOPLE.petitions, 'refer');
    expect(plain.ok ? null : plain.error.code).toBe('REFERRAL_NOT_ALLOWED');
    const early = checkStep(malicious('received'), PEOPLE.petitions, 'refer');
    expect(early.ok ? null : early.error.code).toBe('INVALID_TRANSITION');
  });

  it('takes nothing but a referral on a closed report', () => {
    for (const action of ['attach', 'link_case', 'record_finding', 'give_feedback'] as const) {
      const refused = checkStep(report('closed'), PEOPLE.petitions, action);
      expect(refused.ok ? null : refused.error.code).toBe('INVALID_TRANSITION');
    }
  });
});

describe('nextReportStep', () => {
  it('is the finding, then the answer the report is owed, then nothing', () => {
    const steps = [
      [{ state: 'received', named: true, finding: null }, 'record_finding'],
      [{ state: 'found', named: true, finding: 'true' }, 'give_feedback'],
      [{ state: 'found', named: false, finding: 'untrue' }, 'explain'],
      [{ state: 'found', named: false, finding: 'tolerated' }, 'explain'],
      [{ state: 'found', named: false, finding: 'partly_true' }, 'close'],
      [{ state: 'closed', named: true, finding: 'untrue' }, null],
    ] as const;
    for (const [view, step] of steps) {
      expect(nextReportStep(view)).toBe(step);
      // The step it names is one the handler may take then.
      if (step !== null)
        expect(
          allowedReportActions(
            {
              id: 'r',
              officerIds: ['officer-1'],
              receivedOn: '2026-01-05',
              foundOn: view.finding === null ? null : '2026-01-06',
              malice: null,
              feedbackDue: view.named ? '2026-03-06' : null,
              referred: false,
              ...view,
            },
            PEOPLE.petitions,
          ),
        ).toContain(step);
    }
  });
});
