// Issue 12, official documents (src/domain/document/): the 文号 each numbered document was
// given when first generated, kept so that generating it again prints the same number.
// The series themselves (one per unit prefix, kind and year) are rows of
// case_number_counters under the key documentSeriesKey gives (〔文书〕锡盟应急容决).
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

const up: readonly RawBuilder<unknown>[] = [
  sql`create table document_numbers (
    kind text not null,
    subject_id uuid not null,
    unit_id uuid not null references units (id),
    number text not null unique,
    year integer not null check (year between 1900 and 9999),
    assigned_at timestamptz not null default now(),
    primary key (kind, subject_id)
  )`,
];

const down: readonly RawBuilder<unknown>[] = [sql`drop table if exists document_numbers`];

export const documentNumbers: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
