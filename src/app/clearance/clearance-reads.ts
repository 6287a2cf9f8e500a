// Reading clearances (澄清正名): one as its reader sees it (what they may do now), the list a
// reader may read (a report's page reads its clearances through the store). The cleared officer reads their
// own clearance and its notice, never the report it was decided on (only its number).

import {
  allowedClearanceActions,
  canReadClearance,
} from '../../domain/clearance/clearance-machine.ts';
import type { ClearanceState } from '../../domain/vocabulary.ts';
import { resolveReader } from '../../store/case-read-scope.sql.ts';
import { findClearance, type ClearanceRow } from '../../store/clearance.repository.ts';
import { listClearances } from '../../store/clearance.queries.ts';
import { officersOf } from '../../store/report.repository.ts';
import type { Conn } from '../../store/transaction.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { caseActor, readerOf } from '../case/case-actor.ts';
import { clearanceNotFound } from './clearance-context.ts';

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
  const who = await caseActor(conn, actor, row.unit_id);
  const reportOfficerIds = (await officersOf(conn, [row.report_id])).map((o) => o.id);
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
