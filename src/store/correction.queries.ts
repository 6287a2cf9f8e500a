// The reads of the correction pages: the list a reader may see (their own as the correction
// object, their units' as staff: the case's read scope), and every record of one correction.

import type { ExpressionBuilder } from 'kysely';
import type { ReadScope } from '../domain/case/case-access.ts';
import { resolveReader, type Reader, type ResolvedReader } from './case-read-scope.sql.ts';
import { CORRECTION_COLUMNS } from './correction.repository.ts';
import type { Database } from './schema.ts';
import type { Conn } from './transaction.ts';

/** The corrections the reader's scope admits: `canReadCorrection` in SQL. */
function correctionReadableBy(reader: ResolvedReader & { scope: ReadScope }) {
  return (eb: ExpressionBuilder<Database, 'corrections'>) => {
    const admitted = [];
    if (reader.scope.unitSubtree)
      admitted.push(eb('corrections.unit_id', 'in', [...reader.subtree]));
    if (reader.scope.ownCases) admitted.push(eb('corrections.officer_id', '=', reader.id));
    return eb.or(admitted);
  };
}

export interface CorrectionFilter {
  readonly states?: readonly string[];
  /** Only those at work past their deadline, against this day. */
  readonly overdueOn?: string;
  /** Only those about the reader. */
  readonly mine?: boolean;
  readonly caseId?: string;
  /** A page, or all of them (the to-do list filters after the machine). */
  readonly page?: { readonly limit: number; readonly offset: number };
}

/** The readable corrections matching the filter, newest first, with the total. */
export async function listCorrections(db: Conn, reader: Reader, filter: CorrectionFilter) {
  const resolved = await resolveReader(db, reader);
  let query = db
    .selectFrom('corrections')
    .innerJoin('cases', 'cases.id', 'corrections.case_id')
    .innerJoin('users as officer', 'officer.id', 'corrections.officer_id')
    .innerJoin('units', 'units.id', 'corrections.unit_id')
    .where(correctionReadableBy(resolved));
  if (filter.states !== undefined)
    query = query.where('corrections.state', 'in', [...filter.states]);
  if (filter.overdueOn !== undefined)
    query = query
      .where('corrections.state', '=', 'in_progress')
      .where('corrections.due', '<', filter.overdueOn);
  if (filter.mine) query = query.where('corrections.officer_id', '=', reader.id);
  if (filter.caseId !== undefined) query = query.where('corrections.case_id', '=', filter.caseId);
  const total = await query
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  let rows = query
    .select((eb) => [
      ...CORRECTION_COLUMNS,
      eb('corrections.unit_id', 'in', [...resolved.subtree]).as('in_unit_scope'),
    ])
    .orderBy('corrections.opened_at', 'desc')
    .orderBy('corrections.id');
  if (filter.page) rows = rows.limit(filter.page.limit).offset(filter.page.offset);
  return { total: Number(total.n), rows: await rows.execute() };
}

export type CorrectionListRow = Awaited<ReturnType<typeof listCorrections>>['rows'][number];

/** Every record of one correction, each with the name of who made it. */
export async function correctionRecords(db: Conn, correctionId: string) {
  const id = correctionId;
  const [notice, items, reports, evidence, extensions, followUps, completions, sendBacks, closing] =
    await Promise.all([
      db
        .selectFrom('correction_notices as n')
        .innerJoin('users', 'users.id', 'n.issued_by')
        .selectAll('n')
        .select('users.display_name as by_name')
        .where('n.correction_id', '=', id)
        .executeTakeFirst(),
      db
        .selectFrom('correction_items')
        .select(['id', 'text', 'done', 'note'])
        .where('correction_id', '=', id)
        .orderBy('position')
        .execute(),
      db
        .selectFrom('correction_progress_reports as r')
        .innerJoin('users', 'users.id', 'r.reported_by')
        .select(['r.id', 'r.reported_on', 'r.text', 'r.item_ids', 'r.reported_by'])
        .select('users.display_name as by_name')
        .where('r.correction_id', '=', id)
        .orderBy('r.created_at')
        .execute(),
      db
        .selectFrom('correction_evidence')
        .select(['id', 'report_id', 'filename', 'size'])
        .where('correction_id', '=', id)
        .orderBy('uploaded_at')
        .execute(),
      db
        .selectFrom('correction_extensions as e')
        .innerJoin('users as asker', 'asker.id', 'e.requested_by')
        .leftJoin('users as decider', 'decider.id', 'e.decided_by')
        .selectAll('e')
        .select([
          'asker.display_name as requested_by_name',
          'decider.display_name as decided_by_name',
        ])
        .where('e.correction_id', '=', id)
        .orderBy('e.created_at')
        .execute(),
      db
        .selectFrom('correction_follow_ups as f')
        .innerJoin('users', 'users.id', 'f.recorded_by')
        .selectAll('f')
        .select('users.display_name as by_name')
        .where('f.correction_id', '=', id)
        .orderBy('f.checked_on')
        .orderBy('f.created_at')
        .execute(),
      db
        .selectFrom('correction_completions as c')
        .innerJoin('users', 'users.id', 'c.claimed_by')
        .selectAll('c')
        .select('users.display_name as by_name')
        .where('c.correction_id', '=', id)
        .orderBy('c.created_at')
        .execute(),
      db
        .selectFrom('correction_send_backs as s')
        .innerJoin('users', 'users.id', 's.sent_back_by')
        .selectAll('s')
        .select('users.display_name as by_name')
        .where('s.correction_id', '=', id)
        .orderBy('s.created_at')
        .execute(),
      db
        .selectFrom('correction_closings as c')
        .innerJoin('users', 'users.id', 'c.closed_by')
        .selectAll('c')
        .select('users.display_name as by_name')
        .where('c.correction_id', '=', id)
        .executeTakeFirst(),
    ]);
  return {
    notice,
    items,
    reports,
    evidence,
    extensions,
    followUps,
    completions,
    sendBacks,
    closing,
  };
}

export type CorrectionRecords = Awaited<ReturnType<typeof correctionRecords>>;

/** Corrections at work whose deadline is near or past, for the daily job: all of them. */
export function correctionsAtWork(db: Conn) {
  return db
    .selectFrom('corrections')
    .innerJoin('cases', 'cases.id', 'corrections.case_id')
    .select([
      'corrections.id',
      'corrections.state',
      'corrections.due',
      'corrections.officer_id',
      'corrections.unit_id',
      'cases.number as case_number',
      'cases.policy_id',
      'cases.policy_version',
    ])
    .where('corrections.state', '=', 'in_progress')
    .where('corrections.due', 'is not', null)
    .execute();
}

/** The reminders the job recorded for a correction, newest first. */
export function remindersOf(db: Conn, correctionId: string) {
  return db
    .selectFrom('correction_reminders')
    .select(['kind', 'on_day', 'due'])
    .where('correction_id', '=', correctionId)
    .orderBy('on_day', 'desc')
    .execute();
}
