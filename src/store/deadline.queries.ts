// The cases with a time limit to watch, for the workbench's list and the daily scan.

import { readableBy, resolveReader, type Reader } from './case-read-scope.sql.ts';
import type { Conn } from './transaction.ts';

/**
 * The readable cases in the given states with their unsent notifications, each with
 * whether it belongs to the reader's unit subtree (for the unit's list of deadlines).
 */
export async function casesWithDeadlines(db: Conn, reader: Reader, states: readonly string[]) {
  const resolved = await resolveReader(db, reader);
  const cases = await db
    .selectFrom('cases')
    .where(readableBy(resolved))
    .where('cases.state', 'in', [...states])
    .select((eb) => [
      'cases.id',
      'cases.number',
      'cases.title',
      'cases.state',
      'cases.unit_id',
      'cases.officer_id',
      'cases.objection_due',
      eb('cases.unit_id', 'in', [...resolved.subtree]).as('in_unit_scope'),
    ])
    .execute();
  const unsent =
    cases.length === 0
      ? []
      : await db
          .selectFrom('notifications')
          .select(['id', 'case_id', 'due'])
          .where(
            'case_id',
            'in',
            cases.map((c) => c.id),
          )
          .where('sent_at', 'is', null)
          .execute();
  return { cases, unsent };
}

/** Notifications not served by their due date, for the daily scan. */
export function overdueNotifications(db: Conn, today: string) {
  return db
    .selectFrom('notifications')
    .innerJoin('cases', 'cases.id', 'notifications.case_id')
    .select(['notifications.id', 'notifications.case_id', 'notifications.due', 'cases.number'])
    .where('notifications.sent_at', 'is', null)
    .where('notifications.due', '<', today)
    .execute();
}
