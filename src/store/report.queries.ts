// The reads of the report pages: the list a reader may see (the reports of their unit
// subtree, never one that accuses them: `readAccess` of src/domain/report/ in SQL), the
// records of one report, and the open feedback deadlines of the workbench.

import type { Role } from '../domain/vocabulary.ts';
import { isAdminRole } from '../domain/account/roles.ts';
import { REPORT_READER_ROLES } from '../domain/report/report-machine.ts';
import { REPORT_COLUMNS } from './report.repository.ts';
import type { Conn } from './transaction.ts';
import { subtreeIds } from './unit.repository.ts';

export interface ReportReader {
  readonly id: string;
  readonly unitId: string;
  readonly roles: readonly Role[];
}

export interface ReportFilter {
  readonly state?: string;
  readonly named?: boolean;
  readonly officerId?: string;
  /** Only named reports not closed past their feedback deadline, against this day. */
  readonly overdueOn?: string;
  /** Only named reports not closed whose feedback deadline is this day or earlier. */
  readonly dueBy?: string;
  /** Only those not closed. */
  readonly open?: boolean;
  /** Only the reports the reader handles (the petitions role): the workbench's. */
  readonly handledOnly?: boolean;
  readonly page?: { readonly limit: number; readonly offset: number };
}

/** The units whose reports the reader reads: none for a role that reads no report. */
async function readableUnits(db: Conn, reader: ReportReader, handledOnly: boolean) {
  if (reader.roles.some(isAdminRole)) return [];
  const reads = handledOnly
    ? reader.roles.includes('petitions')
    : reader.roles.some((r) => REPORT_READER_ROLES.includes(r));
  return reads ? subtreeIds(db, reader.unitId) : [];
}

/** The readable reports matching the filter, newest first, with the total. */
export async function listReports(db: Conn, reader: ReportReader, filter: ReportFilter) {
  const units = await readableUnits(db, reader, filter.handledOnly ?? false);
  if (units.length === 0) return { total: 0, rows: [] };
  let query = db
    .selectFrom('reports')
    .innerJoin('units', 'units.id', 'reports.unit_id')
    .leftJoin('cases', 'cases.id', 'reports.case_id')
    .where('reports.unit_id', 'in', units)
    // Never a report that accuses the reader, whatever their roles.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('report_officers')
            .select('report_officers.officer_id')
            .whereRef('report_officers.report_id', '=', 'reports.id')
            .where('report_officers.officer_id', '=', reader.id),
        ),
      ),
    );
  if (filter.state !== undefined) query = query.where('reports.state', '=', filter.state);
  if (filter.open) query = query.where('reports.state', '!=', 'closed');
  if (filter.named !== undefined) query = query.where('reports.named', '=', filter.named);
  if (filter.officerId !== undefined) {
    const officerId = filter.officerId;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('report_officers')
          .select('report_officers.officer_id')
          .whereRef('report_officers.report_id', '=', 'reports.id')
          .where('report_officers.officer_id', '=', officerId),
      ),
    );
  }
  if (filter.overdueOn !== undefined || filter.dueBy !== undefined) {
    query = query.where('reports.state', '!=', 'closed');
    if (filter.overdueOn !== undefined)
      query = query.where('reports.feedback_due', '<', filter.overdueOn);
    if (filter.dueBy !== undefined) query = query.where('reports.feedback_due', '<=', filter.dueBy);
  }
  let rows = query
    .select([...REPORT_COLUMNS, 'cases.number as case_number'])
    .orderBy('reports.received_on', 'desc')
    .orderBy('reports.created_at', 'desc')
    .orderBy('reports.id');
  if (filter.page) rows = rows.limit(filter.page.limit).offset(filter.page.offset);
  const [total, found] = await Promise.all([
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    rows.execute(),
  ]);
  return { total: Number(total.n), rows: found };
}

/** What one report's page shows besides its row: the files, who recorded it, the cases named. */
export async function reportRecords(
  db: Conn,
  row: { id: string; created_by: string; case_id: string | null; decided_case_id: string | null },
) {
  const caseIds = [row.case_id, row.decided_case_id].filter((id): id is string => id !== null);
  const [attachments, createdBy, cases] = await Promise.all([
    db
      .selectFrom('report_attachments as a')
      .innerJoin('users', 'users.id', 'a.uploaded_by')
      .select(['a.id', 'a.filename', 'a.content_type', 'a.size', 'a.sha256', 'a.uploaded_at'])
      .select(['users.id as by_id', 'users.display_name as by_name'])
      .where('a.report_id', '=', row.id)
      .orderBy('a.uploaded_at')
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', '=', row.created_by)
      .executeTakeFirstOrThrow(),
    caseIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('cases')
          .select(['cases.id', 'cases.number'])
          .select((eb) =>
            eb
              .selectFrom('decisions')
              .select('decisions.conclusion')
              .whereRef('decisions.case_id', '=', 'cases.id')
              .orderBy('decisions.decided_at', 'desc')
              .limit(1)
              .as('conclusion'),
          )
          .where('cases.id', 'in', caseIds)
          .execute(),
  ]);
  return { attachments, createdBy, cases };
}

export type ReportRecords = Awaited<ReturnType<typeof reportRecords>>;
