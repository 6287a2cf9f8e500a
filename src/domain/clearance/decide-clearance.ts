// Deciding a clearance (澄清正名, 第十九条) and recording that it was carried out: the
// request checked against the report's finding and the rules, answering what to write or a
// refusal with a stable code. Nothing here writes; src/app/clearance/ writes it as it is.
//
// A clearance is owed when a report proved untrue or unfounded and was malicious (恶意中伤、
// 诬告陷害、恶意炒作和诽谤); a report about conduct decided as 容错免责 leads to one where the
// officer asks for it. It reaches at least as far as the accusation did, in a manner that
// reaches that far.

import type { CalendarDate } from '../calendar-date.ts';
import {
  DISCLOSURE_SCOPES,
  DISCLOSURE_SCOPE_LABELS,
  type ClearanceMethod,
  type ClearanceState,
  type DisclosureScope,
  type MaliceKind,
  type ReportFinding,
  type ReportState,
} from '../vocabulary.ts';
import {
  clearanceRefusal,
  type ClearanceError,
  type ClearanceRefusal,
} from './clearance-errors.ts';
import {
  authorizeClearance,
  checkCarryOut,
  type Actor,
  type ClearanceBasis,
  type ClearanceSubject,
} from './clearance-machine.ts';
import { clearanceNoticeText, type ClearanceNoticeFacts } from './clearance-notice.ts';
import { dayOutOfRange, isBlank } from '../input-checks.ts';

/** The longest notice text kept. */
export const MAX_NOTICE_LENGTH = 10_000;

/** What deciding needs of the report. */
export interface ClearedReport {
  readonly state: ReportState;
  readonly receivedOn: CalendarDate;
  readonly finding: ReportFinding | null;
  readonly foundOn: CalendarDate | null;
  readonly malice: MaliceKind | null;
  /** Every person the report accuses. */
  readonly officerIds: readonly string[];
  /** The people already cleared (or to be) on this report. */
  readonly clearedOfficerIds: readonly string[];
}

/** What the notice is written from besides the decision. */
export interface NoticeContext {
  readonly unitName: string;
  readonly officerName: string;
  readonly decidedCaseNumber: string | null;
  readonly article: number;
  readonly policyTitle: string;
}

export interface DecideClearanceCommand {
  readonly officerId: string;
  readonly basis: ClearanceBasis;
  readonly findings: string;
  readonly accusationReach: DisclosureScope;
  readonly scope: DisclosureScope;
  readonly methods: readonly ClearanceMethod[];
  readonly decidedOn: CalendarDate;
  /** The day the officer asked to be cleared: required for a tolerated finding. */
  readonly requestedOn: CalendarDate | null;
  /** The notice as edited before deciding; null: the one written from the decision. */
  readonly noticeText: string | null;
}

/** The clearance to write. */
export interface ClearanceDecided {
  readonly officerId: string;
  readonly basis: ClearanceBasis;
  readonly findings: string;
  readonly accusationReach: DisclosureScope;
  readonly scope: DisclosureScope;
  readonly methods: readonly ClearanceMethod[];
  readonly decidedOn: CalendarDate;
  readonly requestedOn: CalendarDate | null;
  readonly noticeText: string;
  readonly state: ClearanceState;
}

export type ClearanceDecision =
  | { readonly ok: true; readonly clearance: ClearanceDecided }
  | { readonly ok: false; readonly error: ClearanceError };

/** How wide a scope is: 本单位 < 本系统 < 社会公开. */
export function scopeRank(scope: DisclosureScope): number {
  return DISCLOSURE_SCOPES.indexOf(scope);
}

/** The basis the report's finding gives for a clearance, if any. */
export function basisOf(report: Pick<ClearedReport, 'finding' | 'malice'>): ClearanceBasis | null {
  switch (report.finding) {
    case 'untrue':
    case 'unfounded':
      return report.malice === null ? null : 'malicious';
    case 'tolerated':
      return 'tolerated';
    case 'true':
    case 'partly_true':
    case null:
      return null;
  }
}

/** A clearance the reader may decide now: on which basis, for which of the accused. */
export interface ClearanceOffer {
  readonly basis: ClearanceBasis;
  readonly officerIds: readonly string[];
}

/**
 * What the reader may decide on the report now, for the page's form: the basis and the
 * people not yet cleared; null when the reader may not decide, the finding calls for no
 * clearance, or everyone is cleared. The web shows the form from this, not from a rule of
 * its own; the decision is checked again when it is made.
 */
export function clearanceOffer(report: ClearedReport, actor: Actor): ClearanceOffer | null {
  const subject = { officerId: null, reportOfficerIds: report.officerIds };
  if (!authorizeClearance(subject, actor, 'decide').ok) return null;
  // Only the finding sets `finding`: a report still received has none, and no basis.
  const basis = basisOf(report);
  if (basis === null) return null;
  const officerIds = report.officerIds.filter((id) => !report.clearedOfficerIds.includes(id));
  return officerIds.length === 0 ? null : { basis, officerIds };
}

function notAllowed(report: ClearedReport, basis: ClearanceBasis): ClearanceRefusal | null {
  const owed = basisOf(report);
  if (owed === null)
    return clearanceRefusal(
      'CLEARANCE_NOT_ALLOWED',
      report.finding === null
        ? '举报尚未查结，不能作出澄清正名决定'
        : '只有经查不属实或查无实据且属恶意举报（恶意中伤、诬告陷害、恶意炒作和诽谤）的，或经认定予以容错免责并经本人申请的，才能澄清正名',
    );
  if (owed !== basis)
    return clearanceRefusal(
      'CLEARANCE_NOT_ALLOWED',
      owed === 'malicious'
        ? '本举报经查属恶意举报，澄清依据应为恶意举报'
        : '本举报经认定予以容错免责，澄清依据应为容错免责',
    );
  return null;
}

/** The methods match the scope: 公开发布 is a public act, and a public scope needs one. */
function methodsCheck(
  scope: DisclosureScope,
  methods: readonly ClearanceMethod[],
): ClearanceRefusal | null {
  const releases = methods.includes('public_release');
  if (releases && scope !== 'public')
    return clearanceRefusal(
      'METHODS_SCOPE_MISMATCH',
      `公开发布即向社会公开，与澄清范围“${DISCLOSURE_SCOPE_LABELS[scope]}”不符`,
    );
  if (!releases && scope === 'public')
    return clearanceRefusal(
      'METHODS_SCOPE_MISMATCH',
      '在社会公开范围内澄清正名，方式应包括公开发布',
    );
  return null;
}

/** INVALID_DATE when the day is outside its span (dayOutOfRange). */
function dayCheck(...span: Parameters<typeof dayOutOfRange>): ClearanceRefusal | null {
  const outside = dayOutOfRange(...span);
  return outside === null ? null : clearanceRefusal('INVALID_DATE', outside);
}

/**
 * Decides a clearance: who (FORBIDDEN), whether the finding calls for it
 * (CLEARANCE_NOT_ALLOWED, CLEARANCE_EXISTS), then the decision itself (INVALID_INPUT,
 * SCOPE_TOO_NARROW, METHODS_SCOPE_MISMATCH, INVALID_DATE). The notice is the one given, or
 * the one written from the decision.
 */
export function decideClearance(
  report: ClearedReport,
  actor: Actor,
  command: DecideClearanceCommand,
  notice: NoticeContext,
  today: CalendarDate,
): ClearanceDecision {
  const subject: ClearanceSubject = { officerId: null, reportOfficerIds: report.officerIds };
  const authorized = authorizeClearance(subject, actor, 'decide');
  if (!authorized.ok) return authorized;
  const refused = notAllowed(report, command.basis);
  if (refused) return refused;
  if (!report.officerIds.includes(command.officerId))
    return clearanceRefusal(
      'CLEARANCE_NOT_ALLOWED',
      '该人员不是本举报所反映的人员，不能为其澄清正名',
    );
  if (report.clearedOfficerIds.includes(command.officerId))
    return clearanceRefusal('CLEARANCE_EXISTS', '已为该人员就本举报作出澄清正名决定');
  if (command.basis === 'tolerated' && command.requestedOn === null)
    return clearanceRefusal(
      'CLEARANCE_NOT_ALLOWED',
      '经认定予以容错免责的，须经本人申请方可澄清正名：请填写申请日期',
    );

  if (isBlank(command.findings)) return clearanceRefusal('INVALID_INPUT', '请填写澄清的事实和结论');
  const methods = [...new Set(command.methods)];
  if (methods.length === 0) return clearanceRefusal('INVALID_INPUT', '请选择澄清正名的方式');
  if (scopeRank(command.scope) < scopeRank(command.accusationReach))
    return clearanceRefusal(
      'SCOPE_TOO_NARROW',
      `澄清范围（${DISCLOSURE_SCOPE_LABELS[command.scope]}）不能小于举报造成影响的范围（${
        DISCLOSURE_SCOPE_LABELS[command.accusationReach]
      }）`,
    );
  const mismatch = methodsCheck(command.scope, methods);
  if (mismatch) return mismatch;
  const wrongDecided = dayCheck(command.decidedOn, '决定日期', today, report.foundOn, '查结日期');
  if (wrongDecided) return wrongDecided;
  if (command.requestedOn !== null) {
    const wrongRequested = dayCheck(
      command.requestedOn,
      '申请日期',
      command.decidedOn,
      report.receivedOn,
      '举报受理日期',
      '决定日期',
    );
    if (wrongRequested) return wrongRequested;
  }
  if (command.noticeText !== null && isBlank(command.noticeText))
    return clearanceRefusal('INVALID_INPUT', '澄清正名通报不能为空');

  const findings = command.findings.trim();
  const noticeText =
    command.noticeText?.trim() ??
    clearanceNoticeText({
      ...notice,
      receivedOn: report.receivedOn,
      // notAllowed has established the finding.
      finding: report.finding as ClearanceNoticeFacts['finding'],
      malice: report.malice,
      findings,
      scope: command.scope,
      methods,
      decidedOn: command.decidedOn,
    });
  return {
    ok: true,
    clearance: {
      officerId: command.officerId,
      basis: command.basis,
      findings,
      accusationReach: command.accusationReach,
      scope: command.scope,
      methods,
      decidedOn: command.decidedOn,
      requestedOn: command.requestedOn,
      noticeText,
      state: 'decided',
    },
  };
}

export interface ClearanceView extends ClearanceSubject {
  readonly officerId: string;
  readonly state: ClearanceState;
  readonly decidedOn: CalendarDate;
}

export type CarryOutDecision =
  | {
      readonly ok: true;
      readonly state: ClearanceState;
      readonly carriedOutOn: CalendarDate;
      readonly note: string;
    }
  | { readonly ok: false; readonly error: ClearanceError };

/** Records the clearance carried out: role and state, then the day and what was done. */
export function decideCarryOut(
  view: ClearanceView,
  actor: Actor,
  command: { readonly carriedOutOn: CalendarDate; readonly note: string },
  today: CalendarDate,
): CarryOutDecision {
  const allowed = checkCarryOut(view, actor);
  if (!allowed.ok) return allowed;
  if (isBlank(command.note)) return clearanceRefusal('INVALID_INPUT', '请填写澄清正名的实施情况');
  const wrongDay = dayCheck(command.carriedOutOn, '实施日期', today, view.decidedOn, '决定日期');
  if (wrongDay) return wrongDay;
  return {
    ok: true,
    state: 'carried_out',
    carriedOutOn: command.carriedOutOn,
    note: command.note.trim(),
  };
}
