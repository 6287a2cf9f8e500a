// Brings a database to the latest schema, as the schema's owner (src/store/database-roles.ts):
// the application runs it at every start when it has the owner's connection, and
// `rongcuo migrate` runs it otherwise. The migrations are listed here rather than found
// by scanning a folder, so that the list is the same under tsx, in a bundle and in tests.

import {
  Migrator,
  sql,
  type Kysely,
  type Migration,
  type MigrationResult,
  type MigrationResultSet,
} from 'kysely';
import { initial } from './migrations/0001_initial.ts';
import { auditCanonical } from './migrations/0002_audit_canonical.ts';
import { accounts } from './migrations/0003_accounts.ts';
import { conductDates } from './migrations/0004_conduct_dates.ts';
import { publicationTexts } from './migrations/0005_publication_texts.ts';
import { reviewRecusalDelivery } from './migrations/0006_review_recusal_delivery.ts';
import { caseNumbersAuditAddress } from './migrations/0007_case_numbers_audit_address.ts';
import { classificationCorrectionCore } from './migrations/0008_classification_correction_core.ts';
import { correctionProcedure } from './migrations/0009_correction_procedure.ts';
import { warnings } from './migrations/0010_warnings.ts';
import { statistics } from './migrations/0011_statistics.ts';
import { typicalCases } from './migrations/0012_typical_cases.ts';
import { petitionsRole } from './migrations/0013_petitions_role.ts';
import { reports } from './migrations/0014_reports.ts';
import { clearances } from './migrations/0015_clearances.ts';
import { documentNumbers } from './migrations/0016_document_numbers.ts';
import { caseEvaluations } from './migrations/0017_case_evaluations.ts';
import { auditPending } from './migrations/0018_audit_pending.ts';
import { caseSearchScale } from './migrations/0019_case_search_scale.ts';
import { tenantKey } from './migrations/0020_tenant_key.ts';
import { caseStateUnitIndex } from './migrations/0021_case_state_unit_index.ts';
import type { Database } from './schema.ts';

/** In order; the names are recorded in kysely_migration and must never change. */
const migrations: Readonly<Record<string, Migration>> = {
  '0001_initial': initial,
  '0002_audit_canonical': auditCanonical,
  '0003_accounts': accounts,
  '0004_conduct_dates': conductDates,
  '0005_publication_texts': publicationTexts,
  '0006_review_recusal_delivery': reviewRecusalDelivery,
  '0007_case_numbers_audit_address': caseNumbersAuditAddress,
  '0008_classification_correction_core': classificationCorrectionCore,
  '0009_correction_procedure': correctionProcedure,
  '0010_warnings': warnings,
  '0011_statistics': statistics,
  '0012_typical_cases': typicalCases,
  '0013_petitions_role': petitionsRole,
  '0014_reports': reports,
  '0015_clearances': clearances,
  '0016_document_numbers': documentNumbers,
  '0017_case_evaluations': caseEvaluations,
  '0018_audit_pending': auditPending,
  '0019_case_search_scale': caseSearchScale,
  '0020_tenant_key': tenantKey,
  '0021_case_state_unit_index': caseStateUnitIndex,
};

/**
 * Runs the migrations not yet applied, each in its own transaction. Kysely's lock table
 * makes concurrent starts (several instances on one server) wait for each other.
 * Returns the names applied now; throws if one failed, after rolling it back.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  return applied(await migrator(db).migrateToLatest());
}

/**
 * Runs the migrations up to `name`, the last one applied: a database as an older release
 * left it, for the tests of a migration on the data before it.
 */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<string[]> {
  if (!Object.hasOwn(migrations, name)) throw new Error(`no migration ${name}`);
  return applied(await migrator(db).migrateTo(name));
}

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve({ ...migrations }) },
  });
}

/** The names applied now; throws if one failed, after Kysely rolled it back. */
function applied({ error, results = [] }: MigrationResultSet): string[] {
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? '(before any ran)'} failed: ${describe(error)}`, {
      cause: error,
    });
  }
  return results.filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName);
}

/** Every migration's name, in order. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations);

/**
 * What the database records against this release's list, from one read of Kysely's table
 * (which the application role may read): the migrations not yet applied, and those applied
 * that this release does not know (a newer release ran on it). How the application knows,
 * without the owner's connection, whether it may start.
 */
export async function migrationState(
  db: Kysely<Database>,
): Promise<{ pending: string[]; unknown: string[] }> {
  const table = await sql<{ found: boolean }>`
    select to_regclass('public.kysely_migration') is not null as found`.execute(db);
  const applied = table.rows[0]?.found
    ? (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db))
        .rows
    : [];
  const done = new Set(applied.map((r) => r.name));
  return {
    pending: Object.keys(migrations).filter((name) => !done.has(name)),
    unknown: [...done].filter((name) => !Object.hasOwn(migrations, name)),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
