// The reads of clearances (澄清正名): those of one report (its page), the list a reader may
// read, and an officer's own on their record (履职档案). The read rule of
// src/domain/clearance/clearance-machine.ts (`canReadClearance`) as SQL: the cleared officer
// reads their own; whoever reads the cases of the clearance's unit reads it too, unless the
// report accuses them. test/api/clearances.test.ts holds the list to the pages.

import { sql, type ExpressionBuilder } from 'kysely';
import type { ResolvedReader } from './case-read-scope.sql.ts';
import type { Database } from './schema.ts';
import type { Conn } from './transaction.ts';

const SUMMARY_COLUMNS = [
  'clearances.id',
  'clearances.report_id',
  'reports.number as report_number',
  'clearances.officer_id',
  'officer.display_name as officer_name',
  'clearances.unit_id',
  'units.name as unit_name',
  'clearances.basis',
  'clearances.scope',
  'clearances.methods',
  'clearances.decided_on',
  'clearances.state',
  'clearances.carried_out_on',
  'clearances.version',
] as const;

/**
 * Clearances with the columns of a list, their report's number and their officer's and
 * unit's names (joined as `reports`, `officer` and `units`): what one clearance's read
 * selects more on.
 */
export function clearanceSummaries(db: Conn) {
  return db
    .selectFrom('clearances')
    .innerJoin('reports', 'reports.id', 'clearances.report_id')
    .innerJoin('users as officer', 'officer.id', 'clearances.officer_id')
    .innerJoin('units', 'units.id', 'clearances.unit_id')
    .select([...SUMMARY_COLUMNS]);
}

/** The clearances of one report, by officer: for the report's page (whose reader the report's rule admits). */
export function clearancesOfReport(db: Conn, reportId: string) {
  return clearanceSummaries(db)
    .where('clearances.report_id', '=', reportId)
    .orderBy('officer.display_name')
    .orderBy('clearances.id')
    .execute();
}

export type ClearanceSummaryRow = Awaited<ReturnType<typeof clearancesOfReport>>[number];

/** `canReadClearance` in SQL. */
function clearanceReadableBy(reader: ResolvedReader) {
  return (eb: ExpressionBuilder<Database, 'clearances'>) => {
    const admitted = [eb('clearances.officer_id', '=', reader.id)];
    if (reader.scope.unitSubtree)
      admitted.push(
        eb.and([
          eb('clearances.unit_id', 'in', [...reader.subtree]),
          eb.not(
            eb.exists(
              eb
                .selectFrom('report_officers as accused')
                .select(sql`1`.as('one'))
                .whereRef('accused.report_id', '=', 'clearances.report_id')
                .where('accused.officer_id', '=', reader.id),
            ),
          ),
        ]),
      );
    return eb.or(admitted);
  };
}

export interface ClearanceFilter {
  readonly officerId?: string;
  readonly state?: string;
  readonly page: { readonly limit: number; readonly offset: number };
}

/** The clearances the reader may read, newest decision first, with their total. */
export async function listClearances(db: Conn, reader: ResolvedReader, filter: ClearanceFilter) {
  let query = clearanceSummaries(db).where(clearanceReadableBy(reader));
  if (filter.officerId !== undefined)
    query = query.where('clearances.officer_id', '=', filter.officerId);
  if (filter.state !== undefined) query = query.where('clearances.state', '=', filter.state);
  const [rows, count] = await Promise.all([
    query
      .orderBy('clearances.decided_on', 'desc')
      .orderBy('clearances.decided_at', 'desc')
      .limit(filter.page.limit)
      .offset(filter.page.offset)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.total), rows };
}

/** An officer's clearances the reader may read, oldest first: for the officer's record. */
export function clearancesAbout(db: Conn, officerId: string, reader: ResolvedReader) {
  return clearanceSummaries(db)
    .select(['clearances.notice_text', 'clearances.findings'])
    .where('clearances.officer_id', '=', officerId)
    .where(clearanceReadableBy(reader))
    .orderBy('clearances.decided_on')
    .orderBy('clearances.decided_at')
    .execute();
}
