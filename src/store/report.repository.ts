// The report aggregate (信访举报, migration 0014): its row inserted with its officers, locked
// for a step, each step's change written as it is (src/domain/report/decide-report.ts), its
// attachments, and its number in the unit's series. The reads of pages and lists are in
// report.queries.ts.
//
// No function here returns the sealed identity but `sealedReporterOf`, which the one use case
// that opens it calls: a row read for any other purpose never carries it.

import type { ReportChange } from '../domain/report/decide-report.ts';
import type { Conn, Tx } from './transaction.ts';

/** Every column of a report but the sealed identity, with its unit's name. */
export const REPORT_COLUMNS = [
  'reports.id',
  'reports.number',
  'reports.unit_id',
  'units.name as unit_name',
  'reports.policy_id',
  'reports.policy_version',
  'reports.received_on',
  'reports.channel',
  'reports.named',
  'reports.summary',
  'reports.case_id',
  'reports.state',
  'reports.feedback_due',
  'reports.finding',
  'reports.finding_reasons',
  'reports.found_on',
  'reports.malice',
  'reports.decided_case_id',
  'reports.closed_on',
  'reports.feedback_channel',
  'reports.feedback_content',
  'reports.late_reason',
  'reports.explanation_scope',
  'reports.explanation_content',
  'reports.close_reason',
  'reports.referred_on',
  'reports.referred_to',
  'reports.referral_note',
  'reports.created_by',
  'reports.created_at',
  'reports.version',
] as const;

function reportWithUnit(db: Conn, id: string) {
  return db
    .selectFrom('reports')
    .innerJoin('units', 'units.id', 'reports.unit_id')
    .select([...REPORT_COLUMNS])
    .where('reports.id', '=', id);
}

export function findReportRow(db: Conn, id: string) {
  return reportWithUnit(db, id).executeTakeFirst();
}

/** The report, locked until the transaction ends. */
export function lockReport(tx: Tx, id: string) {
  return reportWithUnit(tx, id).forUpdate('reports').executeTakeFirst();
}

export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReportRow>>>;

/** The officers of each report, by name. */
export async function officersOf(db: Conn, reportIds: readonly string[]) {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('report_officers')
    .innerJoin('users', 'users.id', 'report_officers.officer_id')
    .select(['report_officers.report_id', 'users.id', 'users.display_name as name'])
    .where('report_officers.report_id', 'in', [...reportIds])
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
}

/** The sealed identity and the key it names; for the one use case that opens it. */
export function sealedReporterOf(db: Conn, reportId: string) {
  return db
    .selectFrom('reports')
    .select(['reporter_sealed', 'reporter_key_id'])
    .where('id', '=', reportId)
    .executeTakeFirst();
}

export interface NewReport {
  readonly id: string;
  readonly number: string;
  readonly unitId: string;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly receivedOn: string;
  readonly channel: string;
  readonly named: boolean;
  readonly reporterSealed: string | null;
  readonly reporterKeyId: string | null;
  readonly summary: string;
  readonly caseId: string | null;
  readonly feedbackDue: string | null;
  readonly officerIds: readonly string[];
  readonly createdBy: string;
  readonly at: Date;
}

export async function insertReport(tx: Tx, report: NewReport): Promise<void> {
  await tx
    .insertInto('reports')
    .values({
      id: report.id,
      number: report.number,
      unit_id: report.unitId,
      policy_id: report.policyId,
      policy_version: report.policyVersion,
      received_on: report.receivedOn,
      channel: report.channel,
      named: report.named,
      reporter_sealed: report.reporterSealed,
      reporter_key_id: report.reporterKeyId,
      summary: report.summary,
      case_id: report.caseId,
      feedback_due: report.feedbackDue,
      created_by: report.createdBy,
      created_at: report.at,
    })
    .execute();
  await tx
    .insertInto('report_officers')
    .values(report.officerIds.map((officer_id) => ({ report_id: report.id, officer_id })))
    .execute();
}

/** Writes one step's change with the state after it, on the version read; the new version. */
export async function writeReportChange(
  tx: Tx,
  id: string,
  version: number,
  state: string,
  change: ReportChange | null,
): Promise<number> {
  const row = await tx
    .updateTable('reports')
    .set((eb) => ({ ...columnsOf(change), state, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

function columnsOf(change: ReportChange | null) {
  if (change === null) return {};
  switch (change.kind) {
    case 'link_case':
      return { case_id: change.caseId };
    case 'record_finding':
      return {
        finding: change.finding,
        finding_reasons: change.reasons,
        found_on: change.foundOn,
        malice: change.malice,
        decided_case_id: change.decidedCaseId,
      };
    case 'give_feedback':
      return {
        closed_on: change.closedOn,
        feedback_channel: change.channel,
        feedback_content: change.content,
        late_reason: change.lateReason,
      };
    case 'explain':
      return {
        closed_on: change.closedOn,
        explanation_scope: change.scope,
        explanation_content: change.content,
      };
    case 'close':
      return { closed_on: change.closedOn, close_reason: change.reason };
    case 'refer':
      return {
        referred_on: change.referredOn,
        referred_to: change.referredTo,
        referral_note: change.note,
      };
  }
}

/** A case named by a report (to link, or a tolerated finding's), with its conclusion in force. */
export function caseForReport(db: Conn, caseId: string) {
  return db
    .selectFrom('cases')
    .select(['cases.id', 'cases.number', 'cases.unit_id', 'cases.officer_id'])
    .select((eb) =>
      eb
        .selectFrom('decisions')
        .select('decisions.conclusion')
        .whereRef('decisions.case_id', '=', 'cases.id')
        .orderBy('decisions.decided_at', 'desc')
        .limit(1)
        .as('conclusion'),
    )
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
}

/** The people the ids name, with their unit and roles: the accused of a new report. */
export function peopleByIds(db: Conn, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'unit_id', 'roles'])
    .where('id', 'in', [...ids])
    .execute();
}

export interface NewAttachment {
  readonly reportId: string;
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
  readonly sha256: string;
  readonly uploadedBy: string;
  readonly at: Date;
}

export function insertReportAttachment(tx: Tx, file: NewAttachment) {
  return tx
    .insertInto('report_attachments')
    .values({
      report_id: file.reportId,
      filename: file.filename,
      content_type: file.contentType,
      size: file.content.length,
      sha256: file.sha256,
      content: file.content,
      uploaded_by: file.uploadedBy,
      uploaded_at: file.at,
    })
    .returning(['id', 'filename', 'content_type', 'size', 'sha256'])
    .executeTakeFirstOrThrow();
}

export function findReportAttachment(db: Conn, reportId: string, attachmentId: string) {
  return db
    .selectFrom('report_attachments')
    .select(['id', 'filename', 'content_type', 'size', 'sha256', 'content'])
    .where('report_id', '=', reportId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}
