// The clearance aggregate (澄清正名, src/domain/clearance/): what deciding one needs of its
// report (locked, so that two decisions on one report take turns), the clearance row with
// the names its reads need, and each step written as the domain decided it. The reads of
// lists and of the report and officer pages are in clearance.queries.ts.

import type { ClearanceDecided } from '../domain/clearance/decide-clearance.ts';
import { clearanceSummaries } from './clearance.queries.ts';
import { officersOf } from './report.repository.ts';
import type { Conn, Tx } from './transaction.ts';

/** The report a clearance is decided on, locked until the transaction ends. */
export async function lockReportForClearance(tx: Tx, reportId: string) {
  const report = await tx
    .selectFrom('reports')
    .innerJoin('units', 'units.id', 'reports.unit_id')
    .leftJoin('cases as decided', 'decided.id', 'reports.decided_case_id')
    .select([
      'reports.id',
      'reports.number',
      'reports.unit_id',
      'units.name as unit_name',
      'reports.policy_id',
      'reports.policy_version',
      'reports.state',
      'reports.received_on',
      'reports.finding',
      'reports.found_on',
      'reports.malice',
      'decided.number as decided_case_number',
    ])
    .where('reports.id', '=', reportId)
    .forUpdate('reports')
    .executeTakeFirst();
  if (!report) return undefined;
  const [officers, cleared] = await Promise.all([
    officersOf(tx, [reportId]),
    tx.selectFrom('clearances').select('officer_id').where('report_id', '=', reportId).execute(),
  ]);
  return {
    ...report,
    officers: officers.map(({ id, name }) => ({ id, name })),
    clearedOfficerIds: cleared.map((c) => c.officer_id),
  };
}

export type ReportForClearance = NonNullable<Awaited<ReturnType<typeof lockReportForClearance>>>;

/** Writes a decided clearance; its id. */
export async function insertClearance(
  tx: Tx,
  report: { readonly id: string; readonly unit_id: string },
  clearance: ClearanceDecided,
  by: string,
  at: Date,
): Promise<string> {
  const row = await tx
    .insertInto('clearances')
    .values({
      report_id: report.id,
      officer_id: clearance.officerId,
      unit_id: report.unit_id,
      basis: clearance.basis,
      findings: clearance.findings,
      accusation_reach: clearance.accusationReach,
      scope: clearance.scope,
      methods: [...clearance.methods],
      decided_on: clearance.decidedOn,
      requested_on: clearance.requestedOn,
      notice_text: clearance.noticeText,
      state: clearance.state,
      decided_by: by,
      decided_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A clearance's columns with what its reads need of its report, officer and unit. */
function clearanceWithNames(db: Conn, id: string) {
  return clearanceSummaries(db)
    .select([
      'clearances.findings',
      'clearances.accusation_reach',
      'clearances.requested_on',
      'clearances.notice_text',
      'clearances.carried_out_note',
    ])
    .where('clearances.id', '=', id);
}

export function findClearance(db: Conn, id: string) {
  return clearanceWithNames(db, id).executeTakeFirst();
}

/** The clearance, locked until the transaction ends. */
export function lockClearance(tx: Tx, id: string) {
  return clearanceWithNames(tx, id).forUpdate('clearances').executeTakeFirst();
}

export type ClearanceRow = NonNullable<Awaited<ReturnType<typeof findClearance>>>;

/** Records the clearance carried out, moving its version on; the new version. */
export async function markCarriedOut(
  tx: Tx,
  id: string,
  version: number,
  done: { readonly state: string; readonly on: string; readonly note: string; readonly by: string },
): Promise<number> {
  const row = await tx
    .updateTable('clearances')
    .set((eb) => ({
      state: done.state,
      carried_out_on: done.on,
      carried_out_note: done.note,
      carried_out_by: done.by,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}
