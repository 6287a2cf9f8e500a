// What the papers of a case read beyond the case page's records (case-detail.queries.ts):
// the officer with the unit they belong to, as every paper names them.

import type { Conn } from './transaction.ts';

/** The officer's name, 执法证号 and unit; undefined when there is no such user. */
export function officerWithUnit(db: Conn, userId: string) {
  return db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select([
      'users.display_name as name',
      'users.badge_number as badge',
      'users.unit_id as unitId',
      'units.name as unitName',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}
