// Reading reports: one as its reader sees it now (what the reader may do, its feedback
// deadline against today, the clearances decided on it), the lists a reader may see, and
// the reporter's identity, opened for the petitions staff alone, each opening an audit
// event (`report.read_identity`) whose data names the report and nothing of the identity.

import { todayInChina } from '../../domain/calendar-date.ts';
import { daysBetween } from '../../domain/deadline/deadline-watch.ts';
import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import type { ReporterIdentity } from '../../domain/report/decide-report.ts';
import type { ReportAction } from '../../domain/report/report-actions.ts';
import { feedbackDeadline, feedbackDueStatus } from '../../domain/report/report-deadline.ts';
import {
  allowedReportActions,
  identityCheck,
  withheldFrom,
} from '../../domain/report/report-machine.ts';
import type { DeadlineStatus, ReportState } from '../../domain/vocabulary.ts';
import { clearanceOffer, type ClearanceOffer } from '../../domain/clearance/decide-clearance.ts';
import { clearancesOfReport } from '../../store/clearance.queries.ts';
import {
  findReportRow,
  lockReport,
  officersOf,
  sealedReporterOf,
  type ReportRow,
} from '../../store/report.repository.ts';
import { listReports, reportRecords, type ReportRecords } from '../../store/report.queries.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { readingReport, reportNotFound, underIdentityKey } from './report-context.ts';
import { pinnedPolicy } from '../policy/pinned-policy.ts';

/** What a report's feedback deadline is against today. */
export interface FeedbackWatch {
  readonly dueStatus: DeadlineStatus | null;
  readonly daysLeft: number | null;
}

export function feedbackWatch(
  row: Pick<ReportRow, 'state' | 'feedback_due'>,
  today: string,
): FeedbackWatch {
  return {
    dueStatus: feedbackDueStatus(
      { state: row.state as ReportState, feedbackDue: row.feedback_due },
      today,
    ),
    daysLeft: row.feedback_due === null ? null : daysBetween(today, row.feedback_due),
  };
}

export interface ReportReading extends FeedbackWatch {
  readonly row: ReportRow;
  readonly officers: readonly { readonly id: string; readonly name: string }[];
  readonly records: ReportRecords;
  readonly clearances: Awaited<ReturnType<typeof clearancesOfReport>>;
  readonly policy: CompiledPolicy;
  readonly today: string;
  readonly allowedActions: readonly ReportAction[];
  /** Whether the reader may open the reporter's identity (a named report, the petitions staff). */
  readonly identityReadable: boolean;
  /** Whether what may carry the identity (feedback, files…) is kept from the reader (withheldFrom). */
  readonly withheld: boolean;
  /** The clearance the reader may decide on it now, and for whom; null when none. */
  readonly clearanceOffer: ClearanceOffer | null;
  /** The feedback deadline as counted at receipt (null for an anonymous report). */
  readonly feedbackDeadline: ReturnType<typeof feedbackDeadline> | null;
}

/** One report as the reader sees it now; FORBIDDEN to one it accuses, REPORT_NOT_FOUND to others who may not read it. */
export async function readReport(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<ReportReading> {
  const row = await findReportRow(ctx.db, id);
  if (!row) throw reportNotFound();
  const { view, who, officers } = await readingReport(ctx.db, actor, row);
  const [records, clearances] = await Promise.all([
    reportRecords(ctx.db, row),
    clearancesOfReport(ctx.db, row.id),
  ]);
  const policy = pinnedPolicy(ctx, row);
  const today = todayInChina(ctx.now());
  return {
    row,
    officers,
    records,
    clearances,
    policy,
    today,
    allowedActions: allowedReportActions(view, who),
    identityReadable: identityCheck(view, who).ok,
    withheld: withheldFrom(view, who),
    clearanceOffer: clearanceOffer(
      { ...view, clearedOfficerIds: clearances.map((c) => c.officer_id) },
      who,
    ),
    feedbackDeadline: countedAtReceipt(ctx, policy, row),
    ...feedbackWatch(row, today),
  };
}

/**
 * The feedback deadline as counted for the report, for its words: the day stored at receipt
 * stands even if the calendar has changed since (a holiday schedule published later), and
 * the words then say so without the move past a rest day they can no longer vouch for.
 */
function countedAtReceipt(ctx: AppContext, policy: CompiledPolicy, row: ReportRow) {
  if (row.feedback_due === null) return null;
  const counted = feedbackDeadline(
    ctx.calendar,
    policy.def.procedure.reports.feedback,
    row.received_on,
  );
  return counted.due === row.feedback_due
    ? counted
    : { ...counted, due: row.feedback_due, extension: null };
}

export interface ReportListQuery {
  readonly state?: string;
  readonly named?: boolean;
  readonly officerId?: string;
  readonly overdue?: boolean;
  /** Only those not closed that the reader handles: the to-do list. */
  readonly todo?: boolean;
  readonly page: number;
  readonly pageSize: number;
}

/** The reports the reader may read, filtered, newest first, with their officers. */
export async function listReportsFor(ctx: AppContext, actor: Actor, query: ReportListQuery) {
  const today = todayInChina(ctx.now());
  const { total, rows } = await listReports(ctx.db, actor, {
    ...(query.state !== undefined ? { state: query.state } : {}),
    ...(query.named !== undefined ? { named: query.named } : {}),
    ...(query.officerId !== undefined ? { officerId: query.officerId } : {}),
    ...(query.overdue ? { overdueOn: today } : {}),
    ...(query.todo ? { open: true, handledOnly: true } : {}),
    page: { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  });
  const officers = await officersOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const items = rows.map((row) => ({
    row,
    officers: officers.filter((o) => o.report_id === row.id),
    ...feedbackWatch(row, today),
  }));
  return { total, items };
}

/**
 * The reporter's identity, for a petitions staffer who handles the report; everyone else is
 * refused (IDENTITY_FORBIDDEN; FORBIDDEN to one the report accuses). The read is recorded
 * in the same transaction as one audit event, so that no identity is read unrecorded.
 */
export async function readReporterIdentity(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
): Promise<ReporterIdentity> {
  const now = ctx.now();
  return inTransaction(ctx.db, async (tx) => {
    // Locked: a key rotation re-sealing it waits, so what is opened is what the row holds.
    const row = await lockReport(tx, reportId);
    if (!row) throw reportNotFound();
    const { view, who } = await readingReport(tx, actor, row);
    const allowed = identityCheck(view, who);
    if (!allowed.ok) throw new UseCaseError(allowed.error.code, allowed.error.message);
    const sealed = await sealedReporterOf(tx, row.id);
    if (!sealed?.reporter_sealed) throw new UseCaseError('NOT_NAMED', '匿名举报没有举报人身份信息');
    const opened = underIdentityKey(() => ctx.identityKeys.open(sealed.reporter_sealed!, row.id));
    const identity = JSON.parse(opened) as {
      name?: unknown;
      contact?: unknown;
      address?: unknown;
    };
    await appendAudit(
      tx,
      {
        actorId: actor.id,
        action: 'report.read_identity',
        entityType: 'report',
        entityId: row.id,
        data: { reportId: row.id },
      },
      now,
    );
    return {
      name: String(identity.name ?? ''),
      contact: String(identity.contact ?? ''),
      address: String(identity.address ?? ''),
    };
  });
}
