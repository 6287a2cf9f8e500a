// What every use case of the reports shares: the policy of the report's handling unit at
// receipt, the domain's view of a report, the actor as the machine sees them, and the
// answers for a report one may not read: as if it did not exist, or, to one it accuses,
// a refusal in words (举报涉及您本人).

import { todayInChina } from '../../domain/calendar-date.ts';
import type { ReportContext } from '../../domain/report/decide-report.ts';
import {
  ownReportRefusal,
  readAccess,
  type ReportView,
} from '../../domain/report/report-machine.ts';
import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import type { MaliceKind, ReportFinding, ReportState } from '../../domain/vocabulary.ts';
import { officersOf, type ReportRow } from '../../store/report.repository.ts';
import type { Conn } from '../../store/transaction.ts';
import { IdentityKeyError } from '../../secret-files/identity-key-ring.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { caseActor } from '../case/case-actor.ts';

/** Does not exist, or the reader may not read it: the same answer, so that it does not leak. */
export const reportNotFound = () => new UseCaseError('REPORT_NOT_FOUND', '信访举报不存在');

export function reportContext(ctx: AppContext, policy: CompiledPolicy): ReportContext {
  return {
    today: todayInChina(ctx.now()),
    calendar: ctx.calendar,
    feedback: policy.def.procedure.reports.feedback,
  };
}

/** The domain's view of a report, from its row and its officers' ids. */
export function viewOf(row: ReportRow, officerIds: readonly string[]): ReportView {
  return {
    id: row.id,
    state: row.state as ReportState,
    named: row.named,
    officerIds,
    receivedOn: row.received_on,
    finding: row.finding as ReportFinding | null,
    foundOn: row.found_on,
    malice: row.malice as MaliceKind | null,
    feedbackDue: row.feedback_due,
    referred: row.referred_on !== null,
  };
}

/**
 * The report as the domain sees it and the actor, who may read it: FORBIDDEN to one it
 * accuses, REPORT_NOT_FOUND to anyone else who may not read it.
 */
export async function readingReport(conn: Conn, actor: Actor, row: ReportRow) {
  const officers = await officersOf(conn, [row.id]);
  const view = viewOf(
    row,
    officers.map((o) => o.id),
  );
  const who = await caseActor(conn, actor, row.unit_id);
  const own = ownReportRefusal(view, who);
  if (!own.ok) throw new UseCaseError(own.error.code, own.error.message);
  if (readAccess(view, who) !== 'reader') throw reportNotFound();
  return { view, who, officers };
}

/**
 * Seals or opens an identity; a key that cannot be had (the key file unreadable, the key
 * an identity was sealed under missing) is the operator's to fix, answered as such.
 */
export function underIdentityKey<T>(use: () => T): T {
  try {
    return use();
  } catch (error) {
    if (!(error instanceof IdentityKeyError)) throw error;
    // The user is told whom to ask; the log (every 5xx is logged) says what went wrong.
    throw new UseCaseError(
      'IDENTITY_KEY_UNAVAILABLE',
      '举报人身份密钥暂不可用，请联系系统管理员（详情见服务器日志）',
      { cause: error },
    );
  }
}
