// The steps of a report's handling after its intake, as use cases: each in one transaction
// that locks the report, asks the domain (decideReportStep), checks the version the client
// read, writes the change, moves the state and version on, and appends one audit event
// (`report.<step>`). A refusal writes nothing. The audit data holds codes, dates and ids,
// never the texts: a staffer may have written the reporter's name into feedback.

import { todayInChina, type CalendarDate } from '../../domain/calendar-date.ts';
import {
  decideReportStep,
  type ReportChange,
  type ReportCommand,
} from '../../domain/report/decide-report.ts';
import type { ReportAction } from '../../domain/report/report-actions.ts';
import { checkStep } from '../../domain/report/report-machine.ts';
import type {
  DisclosureScope,
  FeedbackChannel,
  MaliceKind,
  ReportFinding,
} from '../../domain/vocabulary.ts';
import { lockReport, writeReportChange } from '../../store/report.repository.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, staleVersion, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { caseNamedBy } from './report-cases.ts';
import { readingReport, reportNotFound } from './report-context.ts';

/** Each step as the client asks it: cases by id, looked up here. */
export type ReportStepRequest =
  | { readonly kind: 'link_case'; readonly caseId: string | null }
  | {
      readonly kind: 'record_finding';
      readonly finding: ReportFinding;
      readonly reasons: string;
      readonly foundOn: CalendarDate;
      readonly malice?: MaliceKind | null;
      readonly decidedCaseId?: string | null;
    }
  | {
      readonly kind: 'give_feedback';
      readonly givenOn: CalendarDate;
      readonly channel: FeedbackChannel;
      readonly content: string;
      readonly lateReason?: string | null;
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
      readonly note?: string | null;
    };

export interface WrittenReport {
  readonly id: string;
  readonly version: number;
}

async function commandOf(tx: Tx, actor: Actor, request: ReportStepRequest): Promise<ReportCommand> {
  switch (request.kind) {
    case 'link_case':
      return {
        kind: 'link_case',
        linked: request.caseId === null ? null : await caseNamedBy(tx, actor, request.caseId),
      };
    case 'record_finding': {
      const decidedCaseId = request.decidedCaseId ?? null;
      return {
        kind: 'record_finding',
        finding: request.finding,
        reasons: request.reasons,
        foundOn: request.foundOn,
        malice: request.malice ?? null,
        decidedCase: decidedCaseId === null ? null : await caseNamedBy(tx, actor, decidedCaseId),
      };
    }
    case 'give_feedback':
      return { ...request, lateReason: request.lateReason ?? null };
    case 'refer':
      return { ...request, note: request.note ?? null };
    case 'explain':
    case 'close':
      return request;
  }
}

/** What the audit event keeps of a change: no free text (see the file's comment). */
function auditedChange(change: ReportChange): Record<string, unknown> {
  switch (change.kind) {
    case 'link_case':
      return { caseId: change.caseId };
    case 'record_finding':
      return {
        finding: change.finding,
        foundOn: change.foundOn,
        malice: change.malice,
        decidedCaseId: change.decidedCaseId,
      };
    case 'give_feedback':
      return { givenOn: change.closedOn, channel: change.channel, late: change.late };
    case 'explain':
      return { givenOn: change.closedOn, scope: change.scope };
    case 'close':
      return { closedOn: change.closedOn };
    case 'refer':
      return { referredOn: change.referredOn, referredTo: change.referredTo };
  }
}

/** Takes one step on a report, as `actor`, on the version they read. */
export async function takeReportStep(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  expectedVersion: number,
  request: ReportStepRequest,
): Promise<WrittenReport> {
  const now = ctx.now();
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockReport(tx, reportId);
    if (!row) throw reportNotFound();
    const { view, who } = await readingReport(tx, actor, row);
    // The person and the state first: a case is looked up only for whoever may take the step.
    const allowed = checkStep(view, who, request.kind);
    if (!allowed.ok) throw new UseCaseError(allowed.error.code, allowed.error.message);
    const command = await commandOf(tx, actor, request);
    const decided = decideReportStep(view, who, command, { today: todayInChina(now) });
    if (!decided.ok) throw new UseCaseError(decided.error.code, decided.error.message);
    if (row.version !== expectedVersion)
      throw staleVersion('信访举报', row.version, expectedVersion);
    const version = await writeReportChange(tx, row.id, row.version, decided.state, decided.change);
    const action: `report.${Exclude<ReportAction, 'attach'>}` = `report.${request.kind}`;
    await appendAudit(
      tx,
      {
        actorId: actor.id,
        action,
        entityType: 'report',
        entityId: row.id,
        data: {
          number: row.number,
          named: row.named,
          from: row.state,
          to: decided.state,
          change: auditedChange(decided.change),
        },
      },
      now,
    );
    return { id: row.id, version };
  });
}
