// The plan for a distributed PostgreSQL (Citus) in docs/ARCHITECTURE.md, "From one machine
// to a cluster", as data: where each table goes, what still blocks and why; and the reads of
// the catalog that find what Citus would refuse. test/store-distribution.test.ts holds the
// schema to it.

import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.ts';

export type Placement = 'distributed' | 'reference' | 'local';

/** Where each table goes in the plan (the document's table-by-table list). */
export const PLACEMENT: Readonly<Record<string, Placement>> = {
  // A case and everything of it; a correction, a report and everything of theirs.
  cases: 'distributed',
  case_facts: 'distributed',
  case_evaluations: 'distributed',
  case_search: 'distributed',
  evidence: 'distributed',
  assessments: 'distributed',
  decisions: 'distributed',
  notifications: 'distributed',
  case_recusals: 'distributed',
  case_reviews: 'distributed',
  publications: 'distributed',
  objections: 'distributed',
  enforcement_error_records: 'distributed',
  typical_cases: 'distributed',
  warning_cases: 'distributed',
  corrections: 'distributed',
  correction_notices: 'distributed',
  correction_items: 'distributed',
  correction_progress_reports: 'distributed',
  correction_evidence: 'distributed',
  correction_completions: 'distributed',
  correction_send_backs: 'distributed',
  correction_closings: 'distributed',
  correction_extensions: 'distributed',
  correction_follow_ups: 'distributed',
  correction_reminders: 'distributed',
  reports: 'distributed',
  report_officers: 'distributed',
  report_attachments: 'distributed',
  clearances: 'distributed',
  // Written with the cases they count, in the same transaction.
  statistics_case_keys: 'distributed',
  statistics_case_counts: 'distributed',
  statistics_stage_days: 'distributed',
  statistics_correction_counts: 'distributed',
  statistics_open_correction_dues: 'distributed',
  // Small, read in every join, rarely written.
  units: 'reference',
  users: 'reference',
  warning_rules: 'reference',
  warning_rule_sets: 'reference',
  warnings: 'reference',
  warning_recipients: 'reference',
  // Not of any tenant: the coordinator's own. The number series too: a default prefix (the
  // organ's name and 容) may be shared by same-named organs of two 盟市, and one counter per
  // series keeps every number unique across the cluster; a case opening is rare enough to
  // pay the two-phase commit with its worker.
  case_number_counters: 'local',
  document_numbers: 'local',
  sessions: 'local',
  login_name_states: 'local',
  sign_in_failures: 'local',
  account_secrets: 'local',
  idempotency_keys: 'local',
  jobs: 'local',
  audit_events: 'local',
  audit_pending: 'local',
  kysely_migration: 'local',
  kysely_migration_lock: 'local',
};

export const KEY = 'tenant_unit_id';

/** Distributed in the plan, without the tenant column yet: every constraint of theirs waits. */
export const TENANT_COLUMN_PENDING: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    [
      'statistics_case_keys',
      'statistics_case_counts',
      'statistics_stage_days',
      'statistics_correction_counts',
      'statistics_open_correction_dues',
    ].map((table) => [
      table,
      'derived counters kept by the triggers of 0011, keyed by unit (which fixes the tenant); ' +
        'the distribution step adds the column and the triggers’ conflict targets together',
    ]),
  ),
};

const SURROGATE =
  'a random uuid (gen_random_uuid), unique by construction; at the distribution step the ' +
  'primary key becomes (id, tenant_unit_id), as <table>_id_tenant already is where referenced';

/** Constraints on distributed tables that Citus would refuse today, each with its reason. */
export const KNOWN_BLOCKERS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    [
      'cases',
      'evidence',
      'decisions',
      'notifications',
      'case_recusals',
      'publications',
      'objections',
      'enforcement_error_records',
      'typical_cases',
      'corrections',
      'correction_items',
      'correction_progress_reports',
      'correction_evidence',
      'correction_completions',
      'correction_send_backs',
      'correction_extensions',
      'correction_follow_ups',
      'correction_reminders',
      'reports',
      'report_attachments',
      'clearances',
    ].map((table) => [`${table}.${table}_pkey`, SURROGATE]),
  ),
  'cases.cases_number_key':
    'unique by construction: each number is handed out once by its series’ counter on the ' +
    'coordinator (the old RC- numbers by one sequence); becomes unique (number, tenant_unit_id)',
  'reports.reports_number_key': 'as cases_number_key',
  'reports.reports_case_id_fkey':
    'a report may name a case of another 盟市 in principle; the link is checked by the ' +
    'application in the same transaction; dropped at the distribution step',
  'reports.reports_decided_case_id_fkey': 'as reports_case_id_fkey',
};

interface KeyRow {
  table: string;
  name: string;
  columns: string[];
}

interface ForeignKeyRow {
  table: string;
  name: string;
  referenced: string;
  columns: string[];
  referencedColumns: string[];
}

export async function tables(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Primary keys, unique constraints and unique indexes, by the index that enforces them. */
async function uniqueKeys(db: Kysely<Database>): Promise<KeyRow[]> {
  const rows = await sql<KeyRow>`
    select t.relname as "table", coalesce(con.conname, i.relname) as name,
           array(select a.attname::text from unnest(ix.indkey) with ordinality k(attnum, n)
                   join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
                  order by k.n) as columns
      from pg_index ix
      join pg_class i on i.oid = ix.indexrelid
      join pg_class t on t.oid = ix.indrelid
      join pg_namespace ns on ns.oid = t.relnamespace
      left join pg_constraint con on con.conindid = ix.indexrelid and con.contype in ('p', 'u', 'x')
     where ns.nspname = 'public' and (ix.indisunique or con.contype = 'x')
     order by 1, 2`.execute(db);
  return rows.rows;
}

async function foreignKeys(db: Kysely<Database>): Promise<ForeignKeyRow[]> {
  const columnsOf = (key: string, rel: string) =>
    sql.raw(`array(select a.attname::text from unnest(con.${key}) with ordinality k(attnum, n)
        join pg_attribute a on a.attrelid = con.${rel} and a.attnum = k.attnum order by k.n)`);
  const rows = await sql<ForeignKeyRow>`
    select t.relname as "table", con.conname as name, r.relname as referenced,
           ${columnsOf('conkey', 'conrelid')} as columns,
           ${columnsOf('confkey', 'confrelid')} as "referencedColumns"
      from pg_constraint con
      join pg_class t on t.oid = con.conrelid
      join pg_class r on r.oid = con.confrelid
      join pg_namespace ns on ns.oid = t.relnamespace
     where ns.nspname = 'public' and con.contype = 'f'
     order by 1, 2`.execute(db);
  return rows.rows;
}

export const isDistributed = (table: string) => PLACEMENT[table] === 'distributed';

/** Why Citus would refuse the foreign key; undefined when it would take it. */
function foreignKeyProblem(fk: ForeignKeyRow): string | undefined {
  const from = PLACEMENT[fk.table];
  const to = PLACEMENT[fk.referenced];
  if (from === 'distributed' && to === 'distributed') {
    const at = fk.columns.indexOf(KEY);
    return at >= 0 && fk.referencedColumns[at] === KEY
      ? undefined
      : 'between distributed tables without the tenant on both sides';
  }
  if (from === 'distributed' && to === 'local') return 'from a distributed table to a local one';
  if (from !== 'distributed' && to === 'distributed')
    return `from a ${from} table to a distributed one`;
  if (from === 'reference' && to === 'local') return 'from a reference table to a local one';
  return undefined;
}

/** Every blocking constraint on the database, as `table.name` → the rule it breaks. */
export async function blockers(db: Kysely<Database>): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const key of await uniqueKeys(db)) {
    if (!isDistributed(key.table) || key.table in TENANT_COLUMN_PENDING) continue;
    if (!key.columns.includes(KEY))
      found.set(`${key.table}.${key.name}`, 'unique without the tenant');
  }
  for (const fk of await foreignKeys(db)) {
    if (fk.table in TENANT_COLUMN_PENDING || fk.referenced in TENANT_COLUMN_PENDING) continue;
    const problem = foreignKeyProblem(fk);
    if (problem !== undefined) found.set(`${fk.table}.${fk.name}`, problem);
  }
  return found;
}
