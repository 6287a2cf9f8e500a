// An officer's record (履职档案): their cases and the enforcement errors that stand, as far
// as the reader may read those cases (the read scope of case-read-scope.sql.ts): a case
// opened elsewhere about the officer must not show its title to a reader who cannot open it.

import { readableBy, type ResolvedReader } from './case-read-scope.sql.ts';
import type { Conn } from './transaction.ts';

/** An officer's cases that the reader may read, oldest first. */
export function casesAbout(db: Conn, officerId: string, reader: ResolvedReader) {
  return db
    .selectFrom('cases')
    .select(['id', 'number', 'title', 'state'])
    .where('officer_id', '=', officerId)
    .where(readableBy(reader))
    .orderBy('created_at')
    .execute();
}

/** The enforcement error records (第十五条) of an officer that stand, on cases the reader may read. */
export function standingErrorRecords(db: Conn, officerId: string, reader: ResolvedReader) {
  return db
    .selectFrom('enforcement_error_records')
    .innerJoin('cases', 'cases.id', 'enforcement_error_records.case_id')
    .select([
      'enforcement_error_records.case_id',
      'enforcement_error_records.article',
      'enforcement_error_records.created_at',
    ])
    .where('enforcement_error_records.officer_id', '=', officerId)
    .where('enforcement_error_records.revoked_at', 'is', null)
    .where(readableBy(reader))
    .execute();
}
