// Issue 10, the part every later migration of it leans on.
//
// - Each case is classified by a field of enforcement (执法领域) and an error type (错误类型)
//   from its policy version's taxonomy; warnings and statistics count by them. Both stay
//   null until someone classifies the case: cases recorded before this migration, and new
//   ones until the applicant or the investigator picks them.
// - A correction (纠错, 第十六至十八条) becomes a procedure of its own: the states of
//   src/domain/correction/, the day its notice was issued, its deadline (整改期限, moved by
//   an approved extension) and the day it was closed. The correction object (纠错对象) is the
//   case's officer, copied so that a correction is read without its case.
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

const up: readonly RawBuilder<unknown>[] = [
  sql`alter table cases add column field text`,
  sql`alter table cases add column error_type text`,

  sql`alter table corrections drop constraint if exists corrections_state_check`,
  sql`update corrections set state = 'opened' where state = 'open'`,
  sql`alter table corrections alter column state set default 'opened'`,
  sql`alter table corrections add constraint corrections_state check (state in
    ('opened', 'in_progress', 'completion_claimed', 'completed', 'cancelled'))`,
  sql`alter table corrections add column officer_id uuid references users (id)`,
  sql`alter table corrections add column unit_id uuid references units (id)`,
  sql`update corrections c set officer_id = k.officer_id, unit_id = k.unit_id
    from cases k where k.id = c.case_id`,
  sql`alter table corrections alter column officer_id set not null`,
  sql`alter table corrections alter column unit_id set not null`,
  /** The day the 纠错通知 was issued; null while the correction awaits it. */
  sql`alter table corrections add column notified_on date`,
  /** 整改期限: the last day to complete, as computed at the notice or moved by an extension. */
  sql`alter table corrections add column due date`,
  /** The day the unit checked the work and closed the correction. */
  sql`alter table corrections add column closed_on date`,
  /** Optimistic concurrency, as cases have it. */
  sql`alter table corrections add column version integer not null default 0`,
  sql`alter table corrections add constraint corrections_dates check (
    (state = 'opened' or state = 'cancelled' or (notified_on is not null and due is not null))
    and ((state = 'completed') = (closed_on is not null)))`,
  sql`create index corrections_unit_state on corrections (unit_id, state)`,
  sql`create index corrections_officer on corrections (officer_id)`,
  sql`create index corrections_open_due on corrections (due) where state in ('in_progress', 'completion_claimed')`,
];

const down: readonly RawBuilder<unknown>[] = [
  sql`drop index if exists corrections_open_due`,
  sql`drop index if exists corrections_officer`,
  sql`drop index if exists corrections_unit_state`,
  sql`alter table corrections drop constraint if exists corrections_dates`,
  sql`alter table corrections drop column if exists version`,
  sql`alter table corrections drop column if exists closed_on`,
  sql`alter table corrections drop column if exists due`,
  sql`alter table corrections drop column if exists notified_on`,
  sql`alter table corrections drop column if exists unit_id`,
  sql`alter table corrections drop column if exists officer_id`,
  sql`alter table corrections drop constraint if exists corrections_state`,
  sql`update corrections set state = 'open' where state not in ('completed', 'cancelled')`,
  sql`alter table corrections alter column state set default 'open'`,
  sql`alter table corrections add constraint corrections_state_check
    check (state in ('open', 'cancelled', 'completed'))`,
  sql`alter table cases drop column if exists error_type`,
  sql`alter table cases drop column if exists field`,
];

export const classificationCorrectionCore: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
