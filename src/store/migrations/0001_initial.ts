// The initial schema: the tables of docs/design/case-procedure.md (typed in ../schema.ts).
// Plain SQL, because constraints, triggers and functions read better in the language
// the database checks them in. It must run on PostgreSQL 15 (the oldest server we
// support) as well as on the embedded PostgreSQL 18: no uuidv7(), no virtual columns.
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Migration } from 'kysely';

const up: readonly RawBuilder<unknown>[] = [
  sql`create table units (
    id uuid primary key default gen_random_uuid(),
    parent_id uuid references units (id),
    name text not null check (btrim(name) <> ''),
    kind text not null check (btrim(kind) <> ''),
    policy_id text,
    check (parent_id <> id),
    unique nulls not distinct (parent_id, name)
  )`,

  // 三员分立: no account holds two administrator roles, and administrators hold no case
  // role (docs/design/case-procedure.md); the domain checks it, the database insists.
  sql`create table users (
    id uuid primary key default gen_random_uuid(),
    username text not null unique check (btrim(username) <> ''),
    display_name text not null,
    password_hash text not null,
    unit_id uuid not null references units (id),
    roles text[] not null default '{}' check (
      roles <@ array['officer', 'investigator', 'secretary', 'reviewer',
                     'sysadmin', 'secadmin', 'auditadmin']
      and not (roles && array['sysadmin', 'secadmin', 'auditadmin']
               and roles && array['officer', 'investigator', 'secretary', 'reviewer'])
      and not (roles @> array['sysadmin', 'secadmin'] or roles @> array['sysadmin', 'auditadmin']
               or roles @> array['secadmin', 'auditadmin'])
    ),
    badge_number text unique,
    failed_logins integer not null default 0 check (failed_logins >= 0),
    locked_until timestamptz,
    password_changed_at timestamptz,
    disabled boolean not null default false,
    created_at timestamptz not null default now()
  )`,
  sql`create index users_unit_id on users (unit_id)`,

  sql`create table sessions (
    id text primary key,
    user_id uuid not null references users (id) on delete cascade,
    csrf_token text not null,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now()
  )`,
  sql`create index sessions_user_id on sessions (user_id)`,

  // Case numbers: one sequence for all years, so numbers never repeat; the year is the
  // year in China when the case is opened. lpad would cut a seventh digit, hence greatest().
  sql`create sequence case_number_seq`,
  sql`create function next_case_number() returns text language sql volatile as $$
    select 'RC-' || to_char(now() at time zone 'Asia/Shanghai', 'YYYY') || '-'
      || lpad(n::text, greatest(6, length(n::text)), '0')
    from (select nextval('case_number_seq') as n) as next
  $$`,

  sql`create table cases (
    id uuid primary key default gen_random_uuid(),
    number text not null unique default next_case_number(),
    unit_id uuid not null references units (id),
    officer_id uuid not null references users (id),
    applicant_id uuid references users (id),
    origin text not null check (origin in ('application', 'initiation')),
    policy_id text not null,
    policy_version integer not null check (policy_version > 0),
    state text not null check (state in (
      'submitted', 'investigating', 'assessing', 'awaiting_decision', 'decided', 'notified',
      'published', 'objection_review', 'closed', 'refused', 'withdrawn')),
    title text not null check (btrim(title) <> ''),
    conduct text not null,
    enforcement_action text not null
      check (enforcement_action in ('inspection', 'coercion', 'penalty', 'license')),
    determination jsonb,
    objection_due date,
    version integer not null default 1 check (version > 0),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((origin = 'application') = (applicant_id is not null))
  )`,
  sql`create index cases_unit_id on cases (unit_id)`,
  sql`create index cases_officer_id on cases (officer_id)`,
  sql`create index cases_state on cases (state)`,

  sql`create table case_facts (
    case_id uuid not null references cases (id),
    fact_id text not null,
    value boolean,
    note text,
    recorded_by uuid not null references users (id),
    recorded_at timestamptz not null default now(),
    primary key (case_id, fact_id)
  )`,

  sql`create table evidence (
    id uuid primary key default gen_random_uuid(),
    case_id uuid not null references cases (id),
    fact_id text,
    filename text not null check (btrim(filename) <> ''),
    content_type text not null,
    size integer not null check (size = octet_length(content)),
    sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content bytea not null,
    uploaded_by uuid not null references users (id),
    uploaded_at timestamptz not null default now()
  )`,
  sql`create index evidence_case_id on evidence (case_id)`,

  sql`create table assessments (
    case_id uuid not null references cases (id),
    factor text not null check (factor in (
      'intent', 'conditions', 'procedure', 'severity', 'consequences', 'remedy')),
    finding text not null check (btrim(finding) <> ''),
    recorded_by uuid not null references users (id),
    recorded_at timestamptz not null default now(),
    primary key (case_id, factor)
  )`,

  // DEPARTURE_REASON_REQUIRED: a conclusion other than the engine's carries a reason.
  sql`create table decisions (
    id uuid primary key default gen_random_uuid(),
    case_id uuid not null references cases (id),
    meeting_date date not null,
    members text[] not null check (cardinality(members) > 0),
    conclusion text not null,
    engine_outcome text,
    departure_reason text,
    on_review boolean not null default false,
    decided_by uuid not null references users (id),
    decided_at timestamptz not null default now(),
    check (engine_outcome is null or conclusion = engine_outcome
           or btrim(coalesce(departure_reason, '')) <> '')
  )`,
  sql`create index decisions_case_id on decisions (case_id, decided_at)`,

  sql`create table notifications (
    id uuid primary key default gen_random_uuid(),
    case_id uuid not null references cases (id),
    recipient_kind text not null check (recipient_kind in ('party', 'unit')),
    recipient text not null,
    from_date date not null,
    days integer not null check (days >= 0),
    counting text not null check (counting in ('calendar', 'working')),
    due date not null,
    provisional boolean not null default false,
    sent_on date,
    sent_at timestamptz,
    sent_by uuid references users (id),
    check ((sent_at is null) = (sent_on is null) and (sent_at is null) = (sent_by is null))
  )`,
  sql`create index notifications_case_id on notifications (case_id)`,

  // The scopes are each policy's own (procedure.publication.scopes), so no list here.
  sql`create table publications (
    id uuid primary key default gen_random_uuid(),
    case_id uuid not null references cases (id),
    scope text not null check (btrim(scope) <> ''),
    published_on date not null,
    published_at timestamptz not null default now(),
    published_by uuid not null references users (id)
  )`,
  sql`create index publications_case_id on publications (case_id)`,

  sql`create table objections (
    id uuid primary key default gen_random_uuid(),
    case_id uuid not null references cases (id),
    raised_by uuid not null references users (id),
    raised_on date not null,
    raised_at timestamptz not null default now(),
    reason text not null check (btrim(reason) <> ''),
    due date not null,
    return_to text not null check (return_to in ('notified', 'published')),
    result text check (result in ('confirmed', 'changed')),
    reviewed_by uuid references users (id),
    reviewed_on date,
    reviewed_at timestamptz,
    check ((result is null) = (reviewed_at is null)
           and (result is null) = (reviewed_by is null)
           and (result is null) = (reviewed_on is null))
  )`,
  // One objection under review per case at a time.
  sql`create unique index objections_one_open on objections (case_id) where result is null`,

  sql`create table corrections (
    id uuid primary key default gen_random_uuid(),
    case_id uuid not null references cases (id),
    article integer not null,
    opened_at timestamptz not null default now(),
    state text not null default 'open' check (state in ('open', 'cancelled', 'completed'))
  )`,
  sql`create index corrections_case_id on corrections (case_id)`,

  sql`create table enforcement_error_records (
    id uuid primary key default gen_random_uuid(),
    case_id uuid not null references cases (id),
    officer_id uuid not null references users (id),
    article integer not null,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
  )`,
  sql`create unique index enforcement_error_records_one_live
    on enforcement_error_records (case_id, officer_id) where revoked_at is null`,
  sql`create index enforcement_error_records_officer_id on enforcement_error_records (officer_id)`,

  sql`create table idempotency_keys (
    user_id uuid not null references users (id) on delete cascade,
    key text not null,
    request_hash text not null,
    response jsonb,
    created_at timestamptz not null default now(),
    primary key (user_id, key)
  )`,
  sql`create index idempotency_keys_created_at on idempotency_keys (created_at)`,

  // Scheduled work (deadline reminders and the like); see ../jobs.ts. One row per
  // (kind, run_at), so scheduling the same job twice is harmless.
  sql`create table jobs (
    id uuid primary key default gen_random_uuid(),
    kind text not null,
    run_at timestamptz not null,
    claimed_by text,
    claimed_at timestamptz,
    done_at timestamptz,
    payload jsonb not null default '{}',
    unique (kind, run_at)
  )`,
  sql`create index jobs_due on jobs (run_at) where done_at is null`,

  // The audit log is append-only. The hash chain (SM3, src/app/audit/audit-log.ts) proves
  // tampering after the fact; this trigger stops the plain mistakes before it. No foreign
  // key on actor_id: the log stands on its own, whatever happens to the rows it names.
  sql`create table audit_events (
    seq bigserial primary key,
    at timestamptz not null default now(),
    actor_id uuid,
    action text not null,
    entity_type text not null,
    entity_id text not null,
    data jsonb not null default '{}',
    prev_hash text not null,
    hash text not null unique
  )`,
  sql`create function audit_events_append_only() returns trigger language plpgsql as $$
  begin
    raise exception '审计日志只能追加，不能修改或删除 / audit_events is append-only: % refused', tg_op
      using errcode = 'insufficient_privilege',
            hint = 'Audit events are never changed; record a new event instead.';
  end
  $$`,
  sql`create trigger audit_events_no_update_delete
    before update or delete on audit_events
    for each row execute function audit_events_append_only()`,
  sql`create trigger audit_events_no_truncate
    before truncate on audit_events
    for each statement execute function audit_events_append_only()`,
];

const down: readonly RawBuilder<unknown>[] = [
  sql`drop table if exists audit_events, jobs, idempotency_keys, enforcement_error_records,
    corrections, objections, publications, notifications, decisions, assessments, evidence,
    case_facts, cases, sessions, users, units`,
  sql`drop function if exists audit_events_append_only(), next_case_number()`,
  sql`drop sequence if exists case_number_seq`,
];

export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
