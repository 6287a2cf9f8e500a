// Issue 13, lists at scale: the case list filtered by state, for a reader who reads a 盟市's
// or a county's units. Measured at 1,000,000 cases (BENCHMARKS.md, lists and search at
// scale), the planner answered it with a BitmapAnd of the state's index (every case of the
// province in that state) and the reader's units' index (every case of the 盟市), then the
// heap and a sort: p99 143–174 ms. This index holds the state's cases by unit, newest
// first within each, so the list and its count read the reader's cases in that state alone.
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration } from 'kysely';

export const caseStateUnitIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create index cases_state_unit_created_at
                on cases (state, unit_id, created_at desc, id)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index if exists cases_state_unit_created_at`.execute(db);
  },
};
