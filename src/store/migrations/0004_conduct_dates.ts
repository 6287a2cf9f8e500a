// The date of the conduct a case is about (issue 9): the day it happened, or the first
// and last day of a conduct over a period. The policy version pinned to a case is the one
// in force on the conduct's last day (src/app/case/open-case.ts).
//
// Cases recorded before this migration knew no conduct date: they were judged under the
// version in force on the day they were recorded, so that day (in China) stands for it.
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

const up: readonly RawBuilder<unknown>[] = [
  sql`alter table cases add column conduct_date date`,
  sql`alter table cases add column conduct_end_date date`,
  sql`update cases set conduct_date = (created_at at time zone 'Asia/Shanghai')::date`,
  sql`alter table cases alter column conduct_date set not null`,
  sql`alter table cases add constraint cases_conduct_period
    check (conduct_end_date is null or conduct_end_date >= conduct_date)`,
];

const down: readonly RawBuilder<unknown>[] = [
  sql`alter table cases drop constraint if exists cases_conduct_period`,
  sql`alter table cases drop column if exists conduct_end_date`,
  sql`alter table cases drop column if exists conduct_date`,
];

export const conductDates: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
