// Accounts (issue 8): a password set by an administrator must be changed at first sign-in;
// failures count toward the lockout for an hour; a typed name that is no account has a
// login state of its own, so that it answers as an account does; failed sign-ins are
// counted per window and audited in aggregate; and the key of the typed names' hashes.
//
// A migration that has run is never edited: change the schema in a new migration.

import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

const up = (): readonly RawBuilder<unknown>[] => [
  sql`alter table users add column must_change_password boolean not null default false`,
  sql`alter table users add column last_failed_login_at timestamptz`,

  // Keyed by HMAC-SM3 of the typed name (src/app/account/sign-in-failures.ts), never the
  // name: people type passwords into the name field.
  sql`create table login_name_states (
    name_hash text primary key check (name_hash ~ '^[0-9a-f]{64}$'),
    failed_logins integer not null default 0 check (failed_logins >= 0),
    last_failed_at timestamptz,
    locked_until timestamptz
  )`,

  // One row per subject and window; the rows of a closed window become one audit event
  // and are deleted, so the table holds the open window only.
  sql`create table sign_in_failures (
    window_start timestamptz not null,
    subject text not null check (subject ~ '^(account|name):'),
    failures integer not null default 0 check (failures >= 0),
    refused_locked integer not null default 0 check (refused_locked >= 0),
    lockouts integer not null default 0 check (lockouts >= 0),
    primary key (window_start, subject)
  )`,

  sql`create table account_secrets (
    name text primary key,
    value text not null check (value ~ '^[0-9a-f]{64}$')
  )`,
  // Made here, once per database, so that every instance hashes a name alike.
  sql`insert into account_secrets (name, value)
    values ('login_name_key', ${randomBytes(32).toString('hex')})`,
];

const down: readonly RawBuilder<unknown>[] = [
  sql`drop table if exists account_secrets, sign_in_failures, login_name_states`,
  sql`alter table users drop column if exists last_failed_login_at`,
  sql`alter table users drop column if exists must_change_password`,
];

export const accounts: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up()) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
