// The two databases the procedure benchmark runs on, each fresh and discarded after:
// the embedded PostgreSQL on a new data directory on disk (as `rongcuo serve` keeps
// data/pg on disk, not in memory), and a new database on a PostgreSQL server, made and
// dropped the way test/support/test-databases.ts does it.

import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Store } from '../src/store/database.ts';
import { freshServerDatabase } from '../test/support/test-databases.ts';

export interface BenchDatabase {
  readonly name: 'embedded' | 'server';
  /** Where the data lives, for the report. */
  readonly where: string;
  readonly store: Store;
  /** The application role's URL, password and all: how a worker process connects. */
  readonly appUrl: string;
  /** Closes the store and removes the data directory or drops the database. */
  discard(): Promise<void>;
}

export async function openEmbeddedOnDisk(): Promise<BenchDatabase> {
  const base = await mkdtemp(path.join(tmpdir(), 'rongcuo-bench-'));
  // As root the embedded server runs as `postgres`, which must reach the directory.
  await chmod(base, 0o755);
  const dataDir = path.join(base, 'pg');
  let store: Store;
  try {
    store = await openDatabase({ dataDir });
  } catch (error) {
    await rm(base, { recursive: true, force: true });
    throw error;
  }
  return {
    name: 'embedded',
    where: dataDir,
    store,
    // The socket and the application role, which logs in without a password there.
    appUrl: store.url,
    async discard() {
      try {
        await store.close();
      } finally {
        await rm(base, { recursive: true, force: true });
      }
    },
  };
}

export async function openFreshOnServer(adminUrl: string): Promise<BenchDatabase> {
  // Its own owner and application roles, as production runs (README, "A PostgreSQL server").
  const fresh = await freshServerDatabase(adminUrl, 'rongcuo_bench');
  const drop = fresh.drop;
  let store: Store;
  try {
    store = await openDatabase({ url: fresh.url, ownerUrl: fresh.ownerUrl });
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    name: 'server',
    where: store.url,
    store,
    appUrl: fresh.url,
    async discard() {
      try {
        await store.close();
      } finally {
        await drop();
      }
    },
  };
}
