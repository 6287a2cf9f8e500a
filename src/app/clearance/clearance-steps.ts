// The clearance procedure's writes (澄清正名, 第十九条): deciding a clearance on a report, and
// recording it carried out. Each in one transaction that locks what it changes, asks the
// domain, writes what it decided and appends one audit event (`clearance.decide`,
// `clearance.carry_out`). A refusal writes nothing. The audit data holds codes, dates and
// ids (the report, the officer cleared), never the texts: as for the report's own steps, a
// staffer's words (the findings, the notice, the note) stay out of the permanent chain.

import { todayInChina } from '../../domain/calendar-date.ts';
import { readsForUnit } from '../../domain/clearance/clearance-machine.ts';
import {
  decideCarryOut,
  decideClearance,
  type ClearanceDecided,
  type DecideClearanceCommand,
} from '../../domain/clearance/decide-clearance.ts';
import type { MaliceKind, ReportFinding, ReportState } from '../../domain/vocabulary.ts';
import {
  insertClearance,
  lockClearance,
  lockReportForClearance,
  markCarriedOut,
  type ReportForClearance,
} from '../../store/clearance.repository.ts';
import { officersOf } from '../../store/report.repository.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, staleVersion, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { clearanceNotFound, reportNotFound } from './clearance-context.ts';
import { pinnedPolicy } from '../policy/pinned-policy.ts';
import { caseActor } from '../case/case-actor.ts';

export interface WrittenClearance {
  readonly id: string;
  readonly version: number;
}

/**
 * The report locked and the decision asked of the domain. Someone the report does not
 * concern and who may not read it is told it does not exist; the people it accuses are
 * told why they may not act (the domain's FORBIDDEN).
 */
async function decideOn(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  reportId: string,
  command: DecideClearanceCommand,
): Promise<{ report: ReportForClearance; clearance: ClearanceDecided }> {
  const report = await lockReportForClearance(tx, reportId);
  if (!report) throw reportNotFound();
  const who = await caseActor(tx, actor, report.unit_id);
  const officerIds = report.officers.map((o) => o.id);
  const subject = { officerId: null, reportOfficerIds: officerIds };
  if (!officerIds.includes(actor.id) && !readsForUnit(subject, who)) throw reportNotFound();
  const policy = pinnedPolicy(ctx, report);
  const officer = report.officers.find((o) => o.id === command.officerId);
  const decided = decideClearance(
    {
      state: report.state as ReportState,
      receivedOn: report.received_on,
      finding: report.finding as ReportFinding | null,
      foundOn: report.found_on,
      malice: report.malice as MaliceKind | null,
      officerIds,
      clearedOfficerIds: report.clearedOfficerIds,
    },
    who,
    command,
    {
      unitName: report.unit_name,
      officerName: officer?.name ?? '',
      decidedCaseNumber: report.decided_case_number,
      article: policy.def.procedure.reports.article,
      policyTitle: policy.def.title,
    },
    todayInChina(ctx.now()),
  );
  if (!decided.ok) throw new UseCaseError(decided.error.code, decided.error.message);
  return { report, clearance: decided.clearance };
}

/** Decides a clearance of one of the report's officers (第十九条). */
export async function decideReportClearance(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  command: DecideClearanceCommand,
): Promise<WrittenClearance> {
  const now = ctx.now();
  return inTransaction(ctx.db, async (tx) => {
    const { report, clearance } = await decideOn(ctx, tx, actor, reportId, command);
    const id = await insertClearance(tx, report, clearance, actor.id, now);
    await appendAudit(
      tx,
      {
        actorId: actor.id,
        action: 'clearance.decide',
        entityType: 'clearance',
        entityId: id,
        data: {
          report: report.number,
          reportId: report.id,
          officerId: clearance.officerId,
          basis: clearance.basis,
          accusationReach: clearance.accusationReach,
          scope: clearance.scope,
          methods: [...clearance.methods],
          decidedOn: clearance.decidedOn,
          requestedOn: clearance.requestedOn,
        },
      },
      now,
    );
    return { id, version: 0 };
  });
}

/**
 * The notice a decision would write, without deciding: the form's draft, checked as the
 * decision would be (a refusal comes with its code, as the decision's would). Nothing is
 * written: the transaction only holds the report's lock while the decision is checked.
 */
export async function draftClearanceNotice(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  command: Omit<DecideClearanceCommand, 'noticeText'>,
): Promise<string> {
  return inTransaction(ctx.db, async (tx) => {
    const { clearance } = await decideOn(ctx, tx, actor, reportId, {
      ...command,
      noticeText: null,
    });
    return clearance.noticeText;
  });
}

/** Records the clearance carried out within its scope, on the version the client read. */
export async function carryOutClearance(
  ctx: AppContext,
  actor: Actor,
  clearanceId: string,
  expectedVersion: number,
  command: { readonly carriedOutOn: string; readonly note: string },
): Promise<WrittenClearance> {
  const now = ctx.now();
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockClearance(tx, clearanceId);
    if (!row) throw clearanceNotFound();
    const who = await caseActor(tx, actor, row.unit_id);
    const reportOfficerIds = (await officersOf(tx, [row.report_id])).map((o) => o.id);
    const view = {
      officerId: row.officer_id,
      reportOfficerIds,
      state: row.state as 'decided' | 'carried_out',
      decidedOn: row.decided_on,
    };
    if (
      row.officer_id !== actor.id &&
      !reportOfficerIds.includes(actor.id) &&
      !readsForUnit(view, who)
    )
      throw clearanceNotFound();
    const decided = decideCarryOut(view, who, command, todayInChina(now));
    if (!decided.ok) throw new UseCaseError(decided.error.code, decided.error.message);
    if (row.version !== expectedVersion)
      throw staleVersion('澄清正名记录', row.version, expectedVersion);
    const version = await markCarriedOut(tx, row.id, row.version, {
      state: decided.state,
      on: decided.carriedOutOn,
      note: decided.note,
      by: actor.id,
    });
    await appendAudit(
      tx,
      {
        actorId: actor.id,
        action: 'clearance.carry_out',
        entityType: 'clearance',
        entityId: row.id,
        data: {
          report: row.report_number,
          reportId: row.report_id,
          officerId: row.officer_id,
          from: row.state,
          to: decided.state,
          carriedOutOn: decided.carriedOutOn,
        },
      },
      now,
    );
    return { id: row.id, version };
  });
}
