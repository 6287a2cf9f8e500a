// The deciders of a report's handling: the intake as the petitions staff recorded it, and
// each later step as the client asked it, checked against the machine (person, state,
// guards) and their own rules. Each answers what to write, or a refusal with a stable
// code; nothing here writes (src/app/report/ does). What the store must look up (a case to
// link, the decided case of a tolerated finding) comes in with the command.

import type { CalendarDate } from '../calendar-date.ts';
import type { Actor } from '../case/case-view.ts';
import { InvalidDeadlineRequestError } from '../deadline/deadline.ts';
import type { WorkCalendar } from '../deadline/work-calendar.ts';
import type { OutcomeCode, TimeLimit } from '../policy/policy-model.ts';
import type {
  DisclosureScope,
  FeedbackChannel,
  MaliceKind,
  ReportChannel,
  ReportFinding,
  ReportState,
} from '../vocabulary.ts';
import { feedbackDeadline } from './report-deadline.ts';
import {
  CHECK_OK,
  reportRefusal,
  type ReportCheck,
  type ReportError,
  type ReportRefusal,
} from './report-errors.ts';
import {
  checkStep,
  FINDINGS_WITH_MALICE,
  isReported,
  mayHandle,
  stateAfter,
  type ReportView,
} from './report-machine.ts';
import { dayOutOfRange, isBlank } from '../input-checks.ts';

/** The most officers one report accuses. */
export const MAX_REPORT_OFFICERS = 20;

/** The conclusions of a decided case that a tolerated finding may rest on (not an error). */
export const TOLERATING_CONCLUSIONS: readonly OutcomeCode[] = [
  'tolerated',
  'exemption',
  'due_diligence',
  'no_liability',
];

/** The policy's limit, the calendar and today. */
export interface ReportContext {
  /** Today in China Standard Time. */
  readonly today: CalendarDate;
  readonly calendar: WorkCalendar;
  /** `procedure.reports.feedback` of the handling unit's regime at receipt. */
  readonly feedback: Pick<TimeLimit, 'days' | 'counting'>;
}

export interface ReporterIdentity {
  readonly name: string;
  readonly contact: string;
  readonly address: string;
}

export interface IntakeCommand {
  readonly receivedOn: CalendarDate;
  readonly channel: ReportChannel;
  readonly named: boolean;
  readonly reporter: {
    readonly name: string;
    readonly contact: string;
    readonly address?: string | null;
  } | null;
  readonly summary: string;
  readonly officerIds: readonly string[];
}

export interface IntakeChange {
  readonly receivedOn: CalendarDate;
  readonly channel: ReportChannel;
  readonly named: boolean;
  /** Trimmed, for sealing; null for an anonymous report. */
  readonly reporter: ReporterIdentity | null;
  readonly summary: string;
  readonly officerIds: readonly string[];
  /** Named reports only. */
  readonly feedbackDue: CalendarDate | null;
  /** The 容错 case linked at intake. */
  readonly caseId: string | null;
}

export type Decision<T> =
  { readonly ok: true; readonly change: T } | { readonly ok: false; readonly error: ReportError };

const invalid = (message: string) => reportRefusal('INVALID_INPUT', message);

/** INVALID_DATE when the day is outside its span (dayOutOfRange). */
function dayCheck(...span: Parameters<typeof dayOutOfRange>): ReportRefusal | null {
  const outside = dayOutOfRange(...span);
  return outside === null ? null : reportRefusal('INVALID_DATE', outside);
}

/**
 * 受理: by a petitions staffer of the handling unit or above, who is not among the accused;
 * a named report with its reporter's name and contact (REPORTER_REQUIRED), an anonymous one
 * with none; its feedback deadline from the day of receipt.
 */
export function decideIntake(
  command: IntakeCommand,
  actor: Actor,
  ctx: ReportContext,
  /** The 容错 case named at intake, as the store found it; null when none. */
  linked: CaseFound | null = null,
): Decision<IntakeChange> {
  const officerIds = [...new Set(command.officerIds)];
  const allowed = authorizeIntake(officerIds, actor);
  if (!allowed.ok) return allowed;
  if (linked !== null && !officerIds.includes(linked.officerId))
    return invalid('关联的容错案件须是关于被举报人的案件');
  if (officerIds.length === 0 || officerIds.length > MAX_REPORT_OFFICERS)
    return invalid(`被举报人应为 1 至 ${MAX_REPORT_OFFICERS} 人`);
  if (isBlank(command.summary)) return invalid('请填写举报内容摘要');
  const wrongDay = dayCheck(command.receivedOn, '受理日期', ctx.today, null, '');
  if (wrongDay) return wrongDay;
  // A named report: its reporter, and the feedback it is owed by its deadline.
  let reporter: ReporterIdentity | null = null;
  let feedbackDue: CalendarDate | null = null;
  if (command.named) {
    if (
      command.reporter === null ||
      isBlank(command.reporter.name) ||
      isBlank(command.reporter.contact)
    )
      return reportRefusal('REPORTER_REQUIRED', '实名举报须填写举报人姓名和联系方式');
    reporter = {
      name: command.reporter.name.trim(),
      contact: command.reporter.contact.trim(),
      address: command.reporter.address?.trim() ?? '',
    };
    try {
      feedbackDue = feedbackDeadline(ctx.calendar, ctx.feedback, command.receivedOn).due;
    } catch (error) {
      if (error instanceof InvalidDeadlineRequestError) return invalid(error.message);
      throw error;
    }
  } else if (command.reporter !== null) {
    return invalid('匿名举报不登记举报人信息');
  }
  return {
    ok: true,
    change: {
      receivedOn: command.receivedOn,
      channel: command.channel,
      named: command.named,
      reporter,
      summary: command.summary.trim(),
      officerIds,
      feedbackDue,
      caseId: linked?.id ?? null,
    },
  };
}

/**
 * Who may receive a report: a petitions staffer of the handling unit or above, not among
 * the accused. Asked first, before anything of the unit is looked up, so that no one else
 * learns whether a unit exists or has a regime.
 */
export function authorizeIntake(officerIds: readonly string[], actor: Actor): ReportCheck {
  if (isReported({ officerIds }, actor))
    return reportRefusal('FORBIDDEN', '举报涉及您本人，您不能受理');
  if (!mayHandle({ officerIds }, actor))
    return reportRefusal('FORBIDDEN', '需要本单位或上级单位的信访举报工作人员角色才能受理举报');
  return CHECK_OK;
}

/** A case the store found by the id the client sent: whose it is and how it was decided. */
export interface CaseFound {
  readonly id: string;
  readonly officerId: string;
  /** The conclusion in force (the last decision); null while undecided. */
  readonly conclusion: string | null;
}

/** Each step with what the client sent (and what the store looked up for it). */
export type ReportCommand =
  | { readonly kind: 'link_case'; readonly linked: CaseFound | null }
  | {
      readonly kind: 'record_finding';
      readonly finding: ReportFinding;
      readonly reasons: string;
      readonly foundOn: CalendarDate;
      readonly malice: MaliceKind | null;
      /** The decided case named, as found; null when none was named. */
      readonly decidedCase: CaseFound | null;
    }
  | {
      readonly kind: 'give_feedback';
      readonly givenOn: CalendarDate;
      readonly channel: FeedbackChannel;
      readonly content: string;
      readonly lateReason: string | null;
    }
  | {
      readonly kind: 'explain';
      readonly givenOn: CalendarDate;
      readonly scope: DisclosureScope;
      readonly content: string;
    }
  | { readonly kind: 'close'; readonly closedOn: CalendarDate; readonly reason: string }
  | {
      readonly kind: 'refer';
      readonly referredOn: CalendarDate;
      readonly referredTo: string;
      readonly note: string | null;
    };

/** What to write, one kind per step. */
export type ReportChange =
  | { readonly kind: 'link_case'; readonly caseId: string | null }
  | {
      readonly kind: 'record_finding';
      readonly finding: ReportFinding;
      readonly reasons: string;
      readonly foundOn: CalendarDate;
      readonly malice: MaliceKind | null;
      readonly decidedCaseId: string | null;
    }
  | {
      readonly kind: 'give_feedback';
      readonly closedOn: CalendarDate;
      readonly channel: FeedbackChannel;
      readonly content: string;
      /** Kept only when the feedback came after its limit. */
      readonly lateReason: string | null;
      readonly late: boolean;
    }
  | {
      readonly kind: 'explain';
      readonly closedOn: CalendarDate;
      readonly scope: DisclosureScope;
      readonly content: string;
    }
  // Written as the client sent them.
  | Extract<ReportCommand, { kind: 'close' | 'refer' }>;

export type ReportDecision =
  | { readonly ok: true; readonly state: ReportState; readonly change: ReportChange }
  | { readonly ok: false; readonly error: ReportError };

function ok(view: ReportView, change: ReportChange): ReportDecision {
  return { ok: true, state: stateAfter(change.kind, view.state), change };
}

function findingCheck(
  view: ReportView,
  command: Extract<ReportCommand, { kind: 'record_finding' }>,
  today: CalendarDate,
): ReportRefusal | null {
  if (isBlank(command.reasons)) return invalid('请填写查处结论的理由');
  const wrongDay = dayCheck(command.foundOn, '查结日期', today, view.receivedOn, '受理日期');
  if (wrongDay) return wrongDay;
  if (command.malice !== null && !FINDINGS_WITH_MALICE.includes(command.finding))
    return invalid('只有查处结论为不属实或查无实据时，才能认定恶意举报的情形');
  if (command.finding !== 'tolerated')
    return command.decidedCase === null
      ? null
      : invalid('只有查处结论为经认定予以容错免责时，才关联已作出决定的容错案件');
  // The tolerated finding rests on a decided case about one of the accused.
  const decided = command.decidedCase;
  if (decided === null)
    return reportRefusal(
      'DECIDED_CASE_REQUIRED',
      '查处结论为经认定予以容错免责的，须关联已作出容错免责决定的案件',
    );
  if (!view.officerIds.includes(decided.officerId))
    return invalid('关联的容错案件须是关于被举报人的案件');
  if (
    decided.conclusion === null ||
    !(TOLERATING_CONCLUSIONS as string[]).includes(decided.conclusion)
  )
    return invalid('关联的案件尚未作出容错免责、尽职免责或不予追究的决定');
  return null;
}

/** Decides one step: the machine's check first (FORBIDDEN, INVALID_TRANSITION, guards), then the payload. */
export function decideReportStep(
  view: ReportView,
  actor: Actor,
  command: ReportCommand,
  ctx: Pick<ReportContext, 'today'>,
): ReportDecision {
  const allowed = checkStep(view, actor, command.kind);
  if (!allowed.ok) return allowed;
  const { today } = ctx;
  switch (command.kind) {
    case 'link_case': {
      const linked = command.linked;
      if (linked !== null && !view.officerIds.includes(linked.officerId))
        return invalid('关联的容错案件须是关于被举报人的案件');
      return ok(view, { kind: 'link_case', caseId: linked?.id ?? null });
    }
    case 'record_finding': {
      const refused = findingCheck(view, command, today);
      if (refused) return refused;
      return ok(view, {
        kind: 'record_finding',
        finding: command.finding,
        reasons: command.reasons.trim(),
        foundOn: command.foundOn,
        malice: command.malice,
        decidedCaseId: command.decidedCase?.id ?? null,
      });
    }
    case 'give_feedback': {
      if (isBlank(command.content)) return invalid('请填写反馈内容');
      const wrongDay = dayCheck(command.givenOn, '反馈日期', today, view.foundOn, '查结日期');
      if (wrongDay) return wrongDay;
      const late = view.feedbackDue !== null && command.givenOn > view.feedbackDue;
      if (late && isBlank(command.lateReason))
        return reportRefusal(
          'FEEDBACK_LATE_REASON_REQUIRED',
          `反馈期限已于${view.feedbackDue}届满，逾期反馈须说明理由`,
        );
      return ok(view, {
        kind: 'give_feedback',
        closedOn: command.givenOn,
        channel: command.channel,
        content: command.content.trim(),
        lateReason: late ? command.lateReason!.trim() : null,
        late,
      });
    }
    case 'explain': {
      if (isBlank(command.content)) return invalid('请填写说明情况的内容');
      const wrongDay = dayCheck(command.givenOn, '说明日期', today, view.foundOn, '查结日期');
      if (wrongDay) return wrongDay;
      return ok(view, {
        kind: 'explain',
        closedOn: command.givenOn,
        scope: command.scope,
        content: command.content.trim(),
      });
    }
    case 'close': {
      if (isBlank(command.reason)) return invalid('请填写办结说明');
      const wrongDay = dayCheck(command.closedOn, '办结日期', today, view.foundOn, '查结日期');
      if (wrongDay) return wrongDay;
      return ok(view, { kind: 'close', closedOn: command.closedOn, reason: command.reason.trim() });
    }
    case 'refer': {
      if (isBlank(command.referredTo)) return invalid('请填写移送机关');
      const wrongDay = dayCheck(command.referredOn, '移送日期', today, view.foundOn, '查结日期');
      if (wrongDay) return wrongDay;
      return ok(view, {
        kind: 'refer',
        referredOn: command.referredOn,
        referredTo: command.referredTo.trim(),
        note: isBlank(command.note) ? null : command.note!.trim(),
      });
    }
  }
}
