// An officer's record (履职档案): their cases and the enforcement errors that stand.

import type { Conn } from './transaction.ts';

/** An officer's own cases, oldest first. */
export function casesAbout(db: Conn, officerId: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'number', 'title', 'state'])
    .where('officer_id', '=', officerId)
    .orderBy('created_at')
    .execute();
}

/** The enforcement error records (第十五条) of an officer that stand. */
export function standingErrorRecords(db: Conn, officerId: string) {
  return db
    .selectFrom('enforcement_error_records')
    .select(['case_id', 'article', 'created_at'])
    .where('officer_id', '=', officerId)
    .where('revoked_at', 'is', null)
    .execute();
}
