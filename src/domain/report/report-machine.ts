// A report's handling (信访举报, 第十九条; 教育局 第十八条) as a state machine: which step may
// be taken in which state, who reads a report, who acts on it, who may open the reporter's
// identity, and what a reader may do now.
//
//   received --record_finding--> found --give_feedback | explain | close--> closed
//   received, found: attach, link_case (stay);  found, closed: refer (stay)
//
// The people a report accuses never read it, whatever roles they hold: a reported staffer
// of the petitions office is no more its reader than the officer himself.

import { isAdminRole } from '../account/roles.ts';
import { assertNever } from '../assert-never.ts';
import type { CalendarDate } from '../calendar-date.ts';
import type { Actor } from '../case/case-view.ts';
import type { MaliceKind, ReportFinding, ReportState, Role } from '../vocabulary.ts';
import { REPORT_ACTIONS, REPORT_STEP_LABELS, type ReportAction } from './report-actions.ts';
import { CHECK_OK, reportRefusal, type ReportCheck } from './report-errors.ts';

export type { Actor };

/** What the machine needs to know of a report. */
export interface ReportView {
  readonly id: string;
  readonly state: ReportState;
  /** 实名 (true) or 匿名. */
  readonly named: boolean;
  /** The people the report accuses. */
  readonly officerIds: readonly string[];
  readonly receivedOn: CalendarDate;
  readonly finding: ReportFinding | null;
  readonly foundOn: CalendarDate | null;
  readonly malice: MaliceKind | null;
  /** The feedback deadline of a named report; null for an anonymous one. */
  readonly feedbackDue: CalendarDate | null;
  readonly referred: boolean;
}

/** In which states each step is taken, and the state after it (null: it stays). */
export const REPORT_STEPS: Readonly<
  Record<ReportAction, { readonly from: readonly ReportState[]; readonly to: ReportState | null }>
> = {
  attach: { from: ['received', 'found'], to: null },
  link_case: { from: ['received', 'found'], to: null },
  record_finding: { from: ['received'], to: 'found' },
  give_feedback: { from: ['found'], to: 'closed' },
  explain: { from: ['found'], to: 'closed' },
  close: { from: ['found'], to: 'closed' },
  // A malicious report may be referred on after the reporter was answered.
  refer: { from: ['found', 'closed'], to: null },
};

export function stateAfter(action: ReportAction, from: ReportState): ReportState {
  return REPORT_STEPS[action].to ?? from;
}

/** The roles that read the reports of their unit subtree. */
export const REPORT_READER_ROLES: readonly Role[] = [
  'petitions',
  'investigator',
  'secretary',
  'reviewer',
];

/** The findings after which an anonymous report is closed without an explanation. */
export const FINDINGS_WITHOUT_EXPLANATION: readonly ReportFinding[] = ['true', 'partly_true'];

/** The findings with which a malice kind may be recorded (恶意举报 is an untrue report). */
export const FINDINGS_WITH_MALICE: readonly ReportFinding[] = ['untrue', 'unfounded'];

const OWN_REPORT = '举报涉及您本人，您不能查阅';

export function isReported(view: Pick<ReportView, 'officerIds'>, actor: Pick<Actor, 'id'>) {
  return view.officerIds.includes(actor.id);
}

/**
 * How the actor stands to a report: `reader`, `reported` (one of its officers: refused in
 * words, whatever their roles), or `none` (answered as if it did not exist).
 */
export function readAccess(
  view: Pick<ReportView, 'officerIds'>,
  actor: Actor,
): 'reader' | 'reported' | 'none' {
  if (isReported(view, actor)) return 'reported';
  if (actor.roles.some(isAdminRole) || !actor.inUnitScope) return 'none';
  return actor.roles.some((r) => REPORT_READER_ROLES.includes(r)) ? 'reader' : 'none';
}

/** FORBIDDEN for one of the report's officers; null otherwise (none: the app's not-found). */
export function ownReportRefusal(view: Pick<ReportView, 'officerIds'>, actor: Actor): ReportCheck {
  return isReported(view, actor) ? reportRefusal('FORBIDDEN', OWN_REPORT) : CHECK_OK;
}

/** Whether the actor handles the report: a petitions staffer in scope, not accused by it. */
export function mayHandle(view: Pick<ReportView, 'officerIds'>, actor: Actor): boolean {
  return (
    !actor.roles.some(isAdminRole) &&
    actor.roles.includes('petitions') &&
    actor.inUnitScope &&
    !isReported(view, actor)
  );
}

/**
 * What may carry the reporter's identity besides the identity itself, and is therefore
 * shown to those who handle the report only: the feedback (written to the reporter, it
 * names them), a late feedback's reason, the referral's note (referring a 诬告陷害 names
 * the accuser) and the files (a letter is signed, and often named after its writer). The
 * other readers see that they exist, and the decision texts (the finding, the explanation
 * of an anonymous report), but not these.
 */
export function withheldFrom(view: Pick<ReportView, 'officerIds'>, actor: Actor): boolean {
  return !mayHandle(view, actor);
}

export const WITHHELD_FILES = '举报材料可能载有举报人身份信息，仅承办的信访举报工作人员可以查阅';

/**
 * Who may open the reporter's identity: the petitions staff of the report's unit or above,
 * never one it accuses; every one else is told it takes the petitions role.
 */
export function identityCheck(view: Pick<ReportView, 'officerIds' | 'named'>, actor: Actor) {
  if (isReported(view, actor)) return reportRefusal('FORBIDDEN', OWN_REPORT);
  if (!mayHandle(view, actor))
    return reportRefusal(
      'IDENTITY_FORBIDDEN',
      '需要信访举报工作人员角色才能查阅举报人身份信息；举报人身份依法保密',
    );
  if (!view.named) return reportRefusal('NOT_NAMED', '匿名举报没有举报人身份信息');
  return CHECK_OK;
}

/** FORBIDDEN, then INVALID_TRANSITION: the person, then the state. */
export function authorizeStep(view: ReportView, actor: Actor, action: ReportAction): ReportCheck {
  const label = REPORT_STEP_LABELS[action];
  if (isReported(view, actor)) return reportRefusal('FORBIDDEN', `举报涉及您本人，您不能${label}`);
  if (!mayHandle(view, actor))
    return reportRefusal('FORBIDDEN', `需要信访举报工作人员角色才能${label}`);
  if (!REPORT_STEPS[action].from.includes(view.state))
    return reportRefusal('INVALID_TRANSITION', `举报当前状态下不能${label}`);
  return CHECK_OK;
}

/** What must hold, beyond person and state, for a step whose payload is not yet known. */
function guard(view: ReportView, action: ReportAction): ReportCheck {
  switch (action) {
    case 'give_feedback':
      return view.named
        ? CHECK_OK
        : reportRefusal('NOT_NAMED', '匿名举报无法向举报人反馈，请在一定范围内说明情况');
    case 'explain':
      return view.named
        ? reportRefusal('NOT_ANONYMOUS', '实名举报应向举报人反馈结果，不适用说明情况')
        : CHECK_OK;
    case 'close':
      if (view.named) return reportRefusal('FEEDBACK_REQUIRED', '实名举报须向举报人反馈结果后办结');
      // 第十九条: an untrue, unfounded or tolerated report is explained within a scope.
      if (view.finding === null || !FINDINGS_WITHOUT_EXPLANATION.includes(view.finding))
        return reportRefusal(
          'EXPLANATION_REQUIRED',
          '查处结论为不属实、查无实据或予以容错免责的匿名举报，须在一定范围内说明情况',
        );
      return CHECK_OK;
    case 'refer':
      if (view.malice === null)
        return reportRefusal(
          'REFERRAL_NOT_ALLOWED',
          '只有认定为恶意中伤、诬告陷害或恶意炒作和诽谤的举报才能移送纪检监察',
        );
      return view.referred ? reportRefusal('ALREADY_REFERRED', '该举报已移送纪检监察') : CHECK_OK;
    case 'attach':
    case 'link_case':
    case 'record_finding':
      return CHECK_OK;
  }
}

/** Whether the actor may take the step now: person, state, and what the step requires. */
export function checkStep(view: ReportView, actor: Actor, action: ReportAction): ReportCheck {
  const authorized = authorizeStep(view, actor, action);
  return authorized.ok ? guard(view, action) : authorized;
}

/** The steps the reader may take now, in the table's order (the page's buttons). */
export function allowedReportActions(view: ReportView, actor: Actor): readonly ReportAction[] {
  return REPORT_ACTIONS.filter((action) => checkStep(view, actor, action).ok);
}

/**
 * The step that moves a report on (待办): the finding while received; then the feedback
 * to a named reporter, or for an anonymous report the explanation, or the closing when its
 * finding asks none (FINDINGS_WITHOUT_EXPLANATION); nothing once closed.
 */
export function nextReportStep(
  view: Pick<ReportView, 'state' | 'named' | 'finding'>,
): ReportAction | null {
  switch (view.state) {
    case 'received':
      return 'record_finding';
    case 'found':
      if (view.named) return 'give_feedback';
      return view.finding !== null && FINDINGS_WITHOUT_EXPLANATION.includes(view.finding)
        ? 'close'
        : 'explain';
    case 'closed':
      return null;
    default:
      return assertNever(view.state);
  }
}
