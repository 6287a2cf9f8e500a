// Issue 11, 信访举报 (第十九条; src/domain/report/): a report about one or more officers,
// its finding, and how the reporter was answered.
//
// - reports: one row per report. A named report (实名) keeps its reporter's name, contact
//   and address only sealed (SM4 under a key outside the database, src/secret-files/
//   identity-key-ring.ts), with the id of the key that sealed it so that `rongcuo keys
//   rotate` finds what to re-seal; an anonymous one keeps nothing. The feedback limit
//   (feedback_due) exists for named reports only. The finding, the closing (feedback to a
//   named reporter, explanation for an anonymous one, or a plain close) and the referral
//   (移送纪检监察) are columns: each happens at most once.
// - report_officers: the officers a report accuses (one to twenty).
// - report_attachments: the files received or gathered, kept as a case's evidence is.
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

const up: readonly RawBuilder<unknown>[] = [
  sql`create table reports (
    id uuid primary key default gen_random_uuid(),
    number text not null unique,
    unit_id uuid not null references units (id),
    policy_id text not null,
    policy_version integer not null,
    received_on date not null,
    channel text not null check (channel in ('letter', 'visit', 'online', 'phone', 'referred')),
    named boolean not null,
    reporter_sealed text,
    reporter_key_id text,
    summary text not null check (btrim(summary) <> ''),
    case_id uuid references cases (id),
    state text not null default 'received' check (state in ('received', 'found', 'closed')),
    feedback_due date,
    finding text check (finding in ('true', 'partly_true', 'untrue', 'unfounded', 'tolerated')),
    finding_reasons text,
    found_on date,
    malice text check (malice in ('slander', 'false_accusation', 'hype_defamation')),
    decided_case_id uuid references cases (id),
    closed_on date,
    feedback_channel text check (feedback_channel in ('written', 'in_person', 'phone', 'online')),
    feedback_content text,
    late_reason text,
    explanation_scope text check (explanation_scope in ('unit', 'system', 'public')),
    explanation_content text,
    close_reason text,
    referred_on date,
    referred_to text,
    referral_note text,
    created_by uuid not null references users (id),
    created_at timestamptz not null default now(),
    version integer not null default 0,
    constraint reports_reporter check (
      named = (reporter_sealed is not null) and named = (reporter_key_id is not null)
      and named = (feedback_due is not null)),
    constraint reports_finding check (
      (state = 'received') = (finding is null)
      and (finding is null) = (found_on is null)
      and (finding is null) = (finding_reasons is null)
      and (malice is null or (finding in ('untrue', 'unfounded')) is true)
      and ((finding = 'tolerated') is true) = (decided_case_id is not null)),
    constraint reports_closing check (
      (state = 'closed') = (closed_on is not null)
      and (feedback_channel is null or named)
      and (explanation_scope is null or not named)
      and (feedback_channel is null) = (feedback_content is null)
      and (explanation_scope is null) = (explanation_content is null)),
    constraint reports_referral check (
      (referred_on is null) = (referred_to is null) and (referred_on is null or malice is not null))
  )`,
  sql`create index reports_unit_state on reports (unit_id, state)`,
  sql`create index reports_open_feedback on reports (feedback_due) where state <> 'closed'`,
  sql`create index reports_case on reports (case_id)`,
  sql`create table report_officers (
    report_id uuid not null references reports (id),
    officer_id uuid not null references users (id),
    primary key (report_id, officer_id)
  )`,
  sql`create index report_officers_officer on report_officers (officer_id)`,
  sql`create table report_attachments (
    id uuid primary key default gen_random_uuid(),
    report_id uuid not null references reports (id),
    filename text not null,
    content_type text not null,
    size integer not null,
    sha256 text not null,
    content bytea not null,
    uploaded_by uuid not null references users (id),
    uploaded_at timestamptz not null default now()
  )`,
  sql`create index report_attachments_report on report_attachments (report_id)`,
];

const down: readonly RawBuilder<unknown>[] = [
  'report_attachments',
  'report_officers',
  'reports',
].map((table) => sql`drop table if exists ${sql.table(table)}`);

export const reports: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
