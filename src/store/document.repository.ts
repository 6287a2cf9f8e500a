// 文号 of official documents (migration 0016): the number kept for a document's subject,
// given once from its series (a case_number_counters row, see case-number.repository.ts),
// and the owners a case's page reaches its other documents through.

import { sql } from 'kysely';
import type { Conn, Tx } from './transaction.ts';
import { nextInSeries } from './case-number.repository.ts';

export interface NumberRequest {
  readonly kind: string;
  readonly subjectId: string;
  readonly unitId: string;
  readonly seriesKey: string;
  readonly year: number;
  readonly format: (n: number) => string;
}

/** Arbitrary constant naming the document-numbering locks among the application's advisory locks. */
const NUMBER_LOCK = 73_201_012;

/**
 * The subject's number, given now if it has none. Two first generations of one document
 * wait for each other (an advisory lock on the subject), so the second finds the first's
 * number and the series takes no number it does not keep.
 */
export async function documentNumber(tx: Tx, request: NumberRequest): Promise<string> {
  await sql`select pg_advisory_xact_lock(${NUMBER_LOCK}, hashtext(${request.kind} || ':' || ${request.subjectId}))`.execute(
    tx,
  );
  const kept = await keptDocumentNumber(tx, request.kind, request.subjectId);
  if (kept !== undefined) return kept;
  const n = await nextInSeries(tx, request.seriesKey, request.year);
  const number = request.format(n);
  await tx
    .insertInto('document_numbers')
    .values({
      kind: request.kind,
      subject_id: request.subjectId,
      unit_id: request.unitId,
      number,
      year: request.year,
    })
    .execute();
  return number;
}

/** The number a document was given, if it was generated before. */
export async function keptDocumentNumber(
  db: Conn,
  kind: string,
  subjectId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('document_numbers')
    .select('number')
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
  return row?.number;
}

/** The latest correction opened on a case, if any. */
export async function latestCorrectionOfCase(db: Conn, caseId: string) {
  const row = await db
    .selectFrom('corrections')
    .select('id')
    .where('case_id', '=', caseId)
    .orderBy('opened_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** The latest warning that counts a case, if any. */
export async function latestWarningOfCase(db: Conn, caseId: string) {
  const row = await db
    .selectFrom('warning_cases')
    .innerJoin('warnings', 'warnings.id', 'warning_cases.warning_id')
    .select('warnings.id')
    .where('warning_cases.case_id', '=', caseId)
    .orderBy('warnings.raised_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** The latest report that opened a case or rests its finding on it, if any. */
export async function latestReportOfCase(db: Conn, caseId: string) {
  const row = await db
    .selectFrom('reports')
    .select('id')
    .where((eb) => eb.or([eb('case_id', '=', caseId), eb('decided_case_id', '=', caseId)]))
    .orderBy('received_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** The id of the report with this number, if there is one. */
export async function reportIdByNumber(db: Conn, number: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('reports')
    .select('id')
    .where('number', '=', number)
    .executeTakeFirst();
  return row?.id;
}
