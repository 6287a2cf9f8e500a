// Issue 10, the correction procedure (纠错, 第十六至十八条; src/domain/correction/): what each
// step records, beside the `corrections` row whose state, deadline and dates migration 0008
// keeps.
//
// - correction_notices: the 纠错通知 (one per correction): 纠错事由, 纠错要求或者建议, the
//   section or person responsible, the days and counting the deadline was computed under.
// - correction_items: the 纠错事项 of the notice, each done or not, with the officer's note.
// - correction_progress_reports and correction_evidence: dated reports by the correction
//   object, with the files attached to each (kept in the database as a case's evidence is).
// - correction_completions, correction_send_backs, correction_closings: the claim that the
//   work is done, the unit sending it back, and the check that closed it with the lessons
//   (第十七条 原因分析, 完善制度、健全机制).
// - correction_extensions: 延长整改期限, asked and decided; at most one pending at a time.
// - correction_follow_ups: 跟踪了解 (第十八条), how and when the unit checked.
// - correction_reminders: what the daily job raised, once per correction, kind and day.
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

const correction = sql.raw(`correction_id uuid not null references corrections (id)`);
const person = (column: string) => sql.raw(`${column} uuid not null references users (id)`);

const up: readonly RawBuilder<unknown>[] = [
  sql`create table correction_notices (
    correction_id uuid primary key references corrections (id),
    reason text not null,
    requirements text not null,
    responsible text not null,
    days integer not null check (days between 1 and 3650),
    counting text not null check (counting in ('calendar', 'working')),
    notified_on date not null,
    due date not null,
    extended_from date,
    ${person('issued_by')},
    issued_at timestamptz not null
  )`,
  sql`create table correction_items (
    id uuid primary key default gen_random_uuid(),
    ${correction},
    position integer not null,
    text text not null,
    done boolean not null default false,
    note text,
    done_on date,
    unique (correction_id, position)
  )`,
  sql`create table correction_progress_reports (
    id uuid primary key default gen_random_uuid(),
    ${correction},
    reported_on date not null,
    text text not null,
    item_ids uuid[] not null default '{}',
    ${person('reported_by')},
    created_at timestamptz not null
  )`,
  sql`create index correction_progress_reports_correction on correction_progress_reports (correction_id)`,
  sql`create table correction_evidence (
    id uuid primary key default gen_random_uuid(),
    report_id uuid not null references correction_progress_reports (id),
    ${correction},
    filename text not null,
    content_type text not null,
    size integer not null,
    sha256 text not null,
    content bytea not null,
    ${person('uploaded_by')},
    uploaded_at timestamptz not null
  )`,
  sql`create index correction_evidence_report on correction_evidence (report_id)`,
  sql`create table correction_completions (
    id uuid primary key default gen_random_uuid(),
    ${correction},
    summary text not null,
    claimed_on date not null,
    ${person('claimed_by')},
    created_at timestamptz not null
  )`,
  sql`create index correction_completions_correction on correction_completions (correction_id)`,
  sql`create table correction_send_backs (
    id uuid primary key default gen_random_uuid(),
    ${correction},
    reason text not null,
    sent_back_on date not null,
    ${person('sent_back_by')},
    created_at timestamptz not null
  )`,
  sql`create index correction_send_backs_correction on correction_send_backs (correction_id)`,
  sql`create table correction_closings (
    correction_id uuid primary key references corrections (id),
    closed_on date not null,
    result text not null,
    cause_analysis text not null,
    improvements text not null,
    ${person('closed_by')},
    created_at timestamptz not null
  )`,
  sql`create table correction_extensions (
    id uuid primary key default gen_random_uuid(),
    ${correction},
    reason text not null,
    requested_due date not null,
    requested_on date not null,
    ${person('requested_by')},
    state text not null default 'pending' check (state in ('pending', 'approved', 'refused')),
    decided_on date,
    new_due date,
    decision_reason text,
    decided_by uuid references users (id),
    created_at timestamptz not null,
    check ((state = 'pending') = (decided_on is null)),
    check ((state = 'approved') = (new_due is not null))
  )`,
  sql`create unique index correction_extensions_one_pending
    on correction_extensions (correction_id) where state = 'pending'`,
  sql`create table correction_follow_ups (
    id uuid primary key default gen_random_uuid(),
    ${correction},
    method text not null check (method in ('on_site', 'written_report', 'interview', 'phone', 'other')),
    checked_on date not null,
    findings text not null,
    ${person('recorded_by')},
    created_at timestamptz not null
  )`,
  sql`create index correction_follow_ups_correction on correction_follow_ups (correction_id)`,
  sql`create table correction_reminders (
    id uuid primary key default gen_random_uuid(),
    ${correction},
    kind text not null check (kind in ('due_soon', 'overdue')),
    on_day date not null,
    due date not null,
    created_at timestamptz not null,
    unique (correction_id, on_day)
  )`,
];

const down: readonly RawBuilder<unknown>[] = [
  'correction_reminders',
  'correction_follow_ups',
  'correction_extensions',
  'correction_closings',
  'correction_send_backs',
  'correction_completions',
  'correction_evidence',
  'correction_progress_reports',
  'correction_items',
  'correction_notices',
].map((table) => sql`drop table if exists ${sql.table(table)}`);

export const correctionProcedure: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
