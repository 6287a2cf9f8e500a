// Brings a database to the latest schema; the application runs it at every start.
// The migrations are listed here rather than found by scanning a folder, so that the
// list is the same under tsx, in a bundle and in tests.

import { Migrator, type Kysely, type Migration, type MigrationResult } from 'kysely';
import { initial } from './migrations/0001_initial.ts';
import type { Database } from './schema.ts';

/** In order; the names are recorded in kysely_migration and must never change. */
const migrations: Readonly<Record<string, Migration>> = {
  '0001_initial': initial,
};

/**
 * Runs the migrations not yet applied, each in its own transaction. Kysely's lock table
 * makes concurrent starts (several instances on one server) wait for each other.
 * Returns the names applied now; throws if one failed, after rolling it back.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve({ ...migrations }) },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? '(before any ran)'} failed: ${describe(error)}`, {
      cause: error,
    });
  }
  return results.filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
