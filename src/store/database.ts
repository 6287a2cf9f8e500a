// Opens the application's database: a PostgreSQL server when a URL is given (or
// DATABASE_URL is set), otherwise the embedded PostgreSQL on ./data/pg. Both go through
// the same driver (`pg`) and the same Kysely dialect, so the SQL that runs in
// development is the SQL that runs in production.

import { Kysely, PostgresDialect, sql } from 'kysely';
import path from 'node:path';
import pg from 'pg';
import { EMBEDDED_USER, startEmbeddedServer } from './embedded-server.ts';
import { typeParsers } from './pg-types.ts';
import type { Database } from './schema.ts';

export interface Store {
  readonly db: Kysely<Database>;
  /** Ends the pool and, for the embedded database, stops its server. */
  close(): Promise<void>;
  readonly kind: 'embedded' | 'server';
  /** Where the data is, for logs and psql; a password in it is masked. */
  readonly url: string;
}

export interface OpenOptions {
  /** A PostgreSQL server; wins over `dataDir` and DATABASE_URL. */
  readonly url?: string;
  /** The embedded database's directory; default RONGCUO_DATA_DIR, else `data/pg` under the working directory. */
  readonly dataDir?: string;
}

export const DEFAULT_DATA_DIR = path.join('data', 'pg');
/** The database the embedded server holds the application's tables in. */
export const EMBEDDED_DATABASE = 'rongcuo';

/** An explicit option wins over the environment: a test's data directory stays embedded. */
export async function openDatabase(options: OpenOptions = {}): Promise<Store> {
  const url = options.url ?? (options.dataDir === undefined ? process.env.DATABASE_URL : undefined);
  if (url) return openServer(url);
  return openEmbedded(
    path.resolve(options.dataDir ?? process.env.RONGCUO_DATA_DIR ?? DEFAULT_DATA_DIR),
  );
}

function openServer(url: string): Store {
  const db = kyselyOn(new pg.Pool({ connectionString: url, types: typeParsers }));
  return { db, kind: 'server', url: maskPassword(url), close: () => db.destroy() };
}

async function openEmbedded(dataDir: string): Promise<Store> {
  const server = await startEmbeddedServer(dataDir);
  const connection = { host: server.socketDir, port: server.port, user: EMBEDDED_USER };
  try {
    await ensureDatabase(connection, EMBEDDED_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const db = kyselyOn(
    new pg.Pool({ ...connection, database: EMBEDDED_DATABASE, types: typeParsers }),
  );
  const url = `postgresql://${EMBEDDED_USER}@${encodeURIComponent(server.socketDir)}:${server.port}/${EMBEDDED_DATABASE}`;
  return {
    db,
    kind: 'embedded',
    url,
    async close() {
      try {
        await db.destroy();
      } finally {
        await server.stop();
      }
    },
  };
}

function kyselyOn(pool: pg.Pool): Kysely<Database> {
  // An idle client whose connection drops (a server restart, the embedded server stopping
  // first on Ctrl-C) emits 'error' on the pool; unhandled, that would kill the process.
  // The pool discards that client and the next query connects afresh.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** A fresh cluster holds only `postgres`; the application's database is made on first use. */
async function ensureDatabase(connection: pg.ClientConfig, name: string) {
  const client = new pg.Client({ ...connection, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0)
      await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

function maskPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/** Whether the database answers a query now. */
export async function pingDatabase(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** Drops every table and type (DROP, not DELETE: the audit log refuses deletes) so migrations start afresh. */
export async function wipeDatabase(db: Kysely<Database>): Promise<void> {
  await sql`drop schema public cascade`.execute(db);
  await sql`create schema public`.execute(db);
}
