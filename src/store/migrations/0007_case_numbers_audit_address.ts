// Case numbers as offices write them, and where each audited request came from (issue 9).
//
// Case numbers: a unit may have a prefix (锡盟应急容), set by the system administrator; a
// case is numbered 锡盟应急容〔2026〕5号 in the series of its nearest unit with a prefix
// (src/domain/case/case-number.ts). Each series and year has one counter row, moved on in
// the transaction that inserts the case, so a creation rolled back leaves no gap. The
// counter is keyed by the prefix itself, so two series can never give the same number;
// a prefix names one unit (unique). Cases opened before keep their RC-2026-000005 numbers.
//
// The client's address: each event appended while answering a request keeps the address
// the request came from. It is hashed with the event when present (audit-chain.ts leaves
// the key out when it is null), so rows written before, and events of the system (jobs),
// hash exactly as they did and still verify.
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

const up = (): readonly RawBuilder<unknown>[] => [
  // No whitespace or 六角括号 in a prefix: they frame the year in the number.
  sql`alter table units add column case_number_prefix text
    check (case_number_prefix ~ '^[^[:space:]〔〕]{1,16}$')`,
  sql`create unique index units_case_number_prefix on units (case_number_prefix)`,
  sql`comment on column units.case_number_prefix is
    'The prefix of the case numbers of this unit and the units below it without their own (锡盟应急容); null: the nearest ancestor''s.'`,

  sql`create table case_number_counters (
    prefix text not null,
    year integer not null check (year between 1900 and 9999),
    last_number integer not null check (last_number > 0),
    primary key (prefix, year)
  )`,

  sql`alter table audit_events add column client_address text`,
  sql`comment on column audit_events.client_address is
    'The address of the client whose request appended the event; null for the system and for rows written before migration 0007. Hashed when present.'`,
  // The audit administrator's filters: by actor, by action, by the object, by time.
  sql`create index audit_events_actor on audit_events (actor_id, seq)`,
  sql`create index audit_events_action on audit_events (action, seq)`,
  sql`create index audit_events_entity on audit_events (entity_type, entity_id, seq)`,
  sql`create index audit_events_at on audit_events (at)`,
];

const down: readonly RawBuilder<unknown>[] = [
  sql`drop index if exists audit_events_actor, audit_events_action, audit_events_entity, audit_events_at`,
  sql`alter table audit_events drop column if exists client_address`,
  sql`drop table if exists case_number_counters`,
  sql`drop index if exists units_case_number_prefix`,
  sql`alter table units drop column if exists case_number_prefix`,
];

export const caseNumbersAuditAddress: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up()) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
