// An officer's record (履职档案): their cases and the enforcement errors that stand, as far
// as the reader may read those cases (the read scope of case-read-scope.sql.ts): a case
// opened elsewhere about the officer must not show its title to a reader who cannot open it.

import { sql } from 'kysely';
import { readableBy, type ResolvedReader } from './case-read-scope.sql.ts';
import type { Conn } from './transaction.ts';

/**
 * An officer's cases that the reader may read, oldest first, each with its policy version,
 * the conclusion in force (the last decision, a review's included) and whether an
 * enforcement error record stands on it.
 */
export function casesAbout(db: Conn, officerId: string, reader: ResolvedReader) {
  return db
    .selectFrom('cases')
    .select([
      'cases.id',
      'cases.number',
      'cases.title',
      'cases.state',
      'cases.policy_id',
      'cases.policy_version',
      'cases.created_at',
    ])
    .select((eb) => [
      eb
        .selectFrom('decisions')
        .select('decisions.conclusion')
        .whereRef('decisions.case_id', '=', 'cases.id')
        .orderBy('decisions.decided_at', 'desc')
        .limit(1)
        .as('conclusion'),
      eb
        .selectFrom('decisions')
        .select('decisions.meeting_date')
        .whereRef('decisions.case_id', '=', 'cases.id')
        .orderBy('decisions.decided_at', 'desc')
        .limit(1)
        .as('decided_on'),
      eb
        .exists(
          eb
            .selectFrom('enforcement_error_records as e')
            .select(sql`1`.as('one'))
            .whereRef('e.case_id', '=', 'cases.id')
            .where('e.officer_id', '=', officerId)
            .where('e.revoked_at', 'is', null),
        )
        .as('error_stands'),
    ])
    .where('cases.officer_id', '=', officerId)
    .where(readableBy(reader))
    .orderBy('cases.created_at')
    .execute();
}

/** The enforcement error records (第十五条) of an officer that stand, on cases the reader may read. */
export function standingErrorRecords(db: Conn, officerId: string, reader: ResolvedReader) {
  return db
    .selectFrom('enforcement_error_records')
    .innerJoin('cases', 'cases.id', 'enforcement_error_records.case_id')
    .select([
      'enforcement_error_records.case_id',
      'cases.number as case_number',
      'enforcement_error_records.article',
      'enforcement_error_records.created_at',
    ])
    .where('enforcement_error_records.officer_id', '=', officerId)
    .where('enforcement_error_records.revoked_at', 'is', null)
    .where(readableBy(reader))
    .orderBy('enforcement_error_records.created_at')
    .execute();
}

/** The name of the officer's unit, for the record's heading. */
export async function unitName(db: Conn, unitId: string): Promise<string | null> {
  const row = await db
    .selectFrom('units')
    .select('name')
    .where('id', '=', unitId)
    .executeTakeFirst();
  return row?.name ?? null;
}
