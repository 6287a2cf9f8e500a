// Reading clearances (澄清正名): one as its reader sees it (what they may do now), the list a
// reader may read, and those of one report for its page. The cleared officer reads their
// own clearance and its notice, never the report it was decided on (only its number).

import {
  allowedClearanceActions,
  canReadClearance,
} from '../../domain/clearance/clearance-machine.ts';
import type { ClearanceState } from '../../domain/vocabulary.ts';
import { resolveReader } from '../../store/case-read-scope.sql.ts';
import {
  findClearance,
  officerIdsOfReports,
  type ClearanceRow,
} from '../../store/clearance.repository.ts';
import {
  clearancesOfReport,
  listClearances,
  type ClearanceSummaryRow,
} from '../../store/clearance.queries.ts';
import type { Conn } from '../../store/transaction.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { readerOf } from '../case/case-actor.ts';
import { clearanceActor, clearanceNotFound } from './clearance-context.ts';

export interface ClearanceReading {
  readonly row: ClearanceRow;
  readonly actions: readonly 'carry_out'[];
}

/** One clearance as the reader sees it now; CLEARANCE_NOT_FOUND if they may not read it. */
export async function readClearance(
  ctx: AppContext,
  actor: Actor,
  id: string,
  conn: Conn = ctx.db,
): Promise<ClearanceReading> {
  const row = await findClearance(conn, id);
  if (!row) throw clearanceNotFound();
  const who = await clearanceActor(conn, actor, row.unit_id);
  const reportOfficerIds =
    (await officerIdsOfReports(conn, [row.report_id])).get(row.report_id) ?? [];
  const view = {
    officerId: row.officer_id,
    reportOfficerIds,
    state: row.state as ClearanceState,
  };
  if (!canReadClearance(view, who)) throw clearanceNotFound();
  return { row, actions: allowedClearanceActions(view, who) };
}

export interface ClearanceListQuery {
  readonly officerId?: string;
  readonly state?: string;
  readonly page: number;
  readonly pageSize: number;
}

/** The clearances the reader may read, filtered, a page at a time. */
export async function listClearancesFor(ctx: AppContext, actor: Actor, query: ClearanceListQuery) {
  const reader = await resolveReader(ctx.db, readerOf(actor));
  return listClearances(ctx.db, reader, {
    ...(query.officerId !== undefined ? { officerId: query.officerId } : {}),
    ...(query.state !== undefined ? { state: query.state } : {}),
    page: { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  });
}

/**
 * The clearances of a report, for its page: the report's use case has checked that the
 * reader reads the report, and every reader of a report reads its clearances.
 */
export function clearancesOfReportFor(
  ctx: AppContext,
  reportId: string,
): Promise<ClearanceSummaryRow[]> {
  return clearancesOfReport(ctx.db, reportId);
}
