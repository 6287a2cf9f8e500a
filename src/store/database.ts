// Opens the application's database: a PostgreSQL server when a URL is given (or
// DATABASE_URL is set), otherwise the embedded PostgreSQL on ./data/pg. Both go through
// the same driver (`pg`) and the same Kysely dialect, so the SQL that runs in
// development is the SQL that runs in production.
//
// Two roles (database-roles.ts): the store's pool logs in as the application role, which
// cannot alter the schema or the audit trail; the migrations run on a connection of the
// schema's owner, opened only for them. On the embedded cluster Rongcuo holds both; on a
// server DATABASE_URL is the application role and DATABASE_OWNER_URL the owner.

import { Kysely, PostgresDialect, sql } from 'kysely';
import path from 'node:path';
import type pg from 'pg';
import { resilientPool } from './database-pool.ts';
import {
  checkApplicationRole,
  EMBEDDED_APP,
  EMBEDDED_OWNER,
  grantApplicationPrivileges,
  prepareEmbeddedCluster,
  sessionRole,
} from './database-roles.ts';
import { runningEmbeddedServer, type RunningServer } from './embedded-attach.ts';
import { EMBEDDED_SUPERUSER, startEmbeddedServer } from './embedded-server.ts';
import { migrateToLatest, migrationState } from './migrate.ts';
import { typeParsers } from './pg-types.ts';
import type { Database } from './schema.ts';
import { StoreError } from './store-error.ts';

export interface Store {
  /** The application role's pool: what the running system reads and writes through. */
  readonly db: Kysely<Database>;
  /**
   * Brings the schema up to date as the owner and grants the application role its
   * privileges; without an owner connection (a server and no DATABASE_OWNER_URL), checks
   * that no migration is pending instead. Then refuses an application role that can do
   * more than it should. Returns the migrations applied now.
   */
  migrate(): Promise<string[]>;
  /** Drops every table and migrates afresh, as the owner (`rongcuo demo --reset`). */
  reset(): Promise<void>;
  /**
   * Work on a connection of the schema's owner, opened for it alone (a restore brings the
   * schema to a backup's version); OWNER_CONNECTION_REQUIRED without one.
   */
  asOwner<T>(work: (ownerDb: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Called once if the database is gone for good (the embedded server could not restart). */
  onLost(listener: (error: StoreError) => void): void;
  /** Ends the pool and, for the embedded database, stops its server. */
  close(): Promise<void>;
  readonly kind: 'embedded' | 'server';
  /** Where the data is, for logs and psql; a password in it is masked. */
  readonly url: string;
  /**
   * How to open a plain connection of either role, for what Kysely does not speak (the
   * COPY streams of backup.queries.ts); owner null on a server without DATABASE_OWNER_URL.
   */
  readonly connections: {
    readonly application: pg.ClientConfig;
    readonly owner: pg.ClientConfig | null;
  };
}

export interface OpenOptions {
  /** A PostgreSQL server, as the application role; wins over `dataDir` and DATABASE_URL. */
  readonly url?: string;
  /** The schema owner's URL on that server, for migrations; with `url`, DATABASE_OWNER_URL is not read. */
  readonly ownerUrl?: string;
  /** The embedded database's directory; default RONGCUO_DATA_DIR, else `data/pg` under the working directory. */
  readonly dataDir?: string;
  /**
   * For a tool beside a running service (`rongcuo backup`): when a live embedded server
   * already holds the data directory, connect to it instead of failing DATA_DIR_IN_USE.
   * Closing such a store leaves that server running.
   */
  readonly attach?: boolean;
}

export const DEFAULT_DATA_DIR = path.join('data', 'pg');
/** The database the embedded server holds the application's tables in. */
export const EMBEDDED_DATABASE = 'rongcuo';
/** The owner's pool is open only while migrating: one connection is enough. */
const OWNER_POOL_SIZE = 1;

/** An explicit option wins over the environment: a test's data directory stays embedded. */
export async function openDatabase(options: OpenOptions = {}): Promise<Store> {
  if (options.url) return openServer(options.url, options.ownerUrl);
  if (options.dataDir === undefined && process.env.DATABASE_URL) {
    return openServer(process.env.DATABASE_URL, process.env.DATABASE_OWNER_URL || undefined);
  }
  const dataDir = path.resolve(options.dataDir ?? process.env.RONGCUO_DATA_DIR ?? DEFAULT_DATA_DIR);
  const running = options.attach ? await runningEmbeddedServer(dataDir) : null;
  return running ? attachEmbedded(running) : openEmbedded(dataDir);
}

function openServer(url: string, ownerUrl: string | undefined): Store {
  const db = kyselyOn({ connectionString: url });
  const owner = ownerUrl ? { connectionString: ownerUrl } : null;
  return storeOf(db, owner, {
    kind: 'server',
    url: maskPassword(url),
    onLost: () => {},
    close: () => db.destroy(),
    connections: { application: { connectionString: url }, owner },
  });
}

/** A store on the embedded server another process runs (OpenOptions.attach). */
function attachEmbedded(server: RunningServer): Store {
  const socket = { host: server.socketDir, port: server.port, database: EMBEDDED_DATABASE };
  const app = { ...socket, user: EMBEDDED_APP };
  const owner = { ...socket, user: EMBEDDED_OWNER };
  const db = kyselyOn(app);
  return storeOf(db, owner, {
    kind: 'embedded',
    url: `postgresql://${EMBEDDED_APP}@${encodeURIComponent(server.socketDir)}:${server.port}/${EMBEDDED_DATABASE}`,
    onLost: () => {},
    close: () => db.destroy(),
    connections: { application: app, owner },
  });
}

async function openEmbedded(dataDir: string): Promise<Store> {
  const server = await startEmbeddedServer(dataDir);
  const socket = { host: server.socketDir, port: server.port };
  try {
    await prepareEmbeddedCluster({ ...socket, user: EMBEDDED_SUPERUSER }, EMBEDDED_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const app = { ...socket, user: EMBEDDED_APP, database: EMBEDDED_DATABASE };
  const owner = { ...socket, user: EMBEDDED_OWNER, database: EMBEDDED_DATABASE };
  const db = kyselyOn(app);
  const url = `postgresql://${EMBEDDED_APP}@${encodeURIComponent(server.socketDir)}:${server.port}/${EMBEDDED_DATABASE}`;
  return storeOf(db, owner, {
    kind: 'embedded',
    url,
    connections: { application: app, owner },
    onLost: (listener) => server.onLost(listener),
    async close() {
      try {
        await db.destroy();
      } finally {
        await server.stop();
      }
    },
  });
}

type StoreBase = Pick<Store, 'kind' | 'url' | 'onLost' | 'close' | 'connections'>;

function storeOf(db: Kysely<Database>, owner: pg.PoolConfig | null, base: StoreBase): Store {
  const asOwner = async <T>(work: (ownerDb: Kysely<Database>) => Promise<T>): Promise<T> => {
    if (!owner) {
      throw new StoreError(
        'OWNER_CONNECTION_REQUIRED',
        '此操作须以数据库结构的所有者执行：请设置 DATABASE_OWNER_URL / This needs the schema owner: set DATABASE_OWNER_URL.',
      );
    }
    const ownerDb = kyselyOn({ ...owner, max: OWNER_POOL_SIZE });
    try {
      await sameDatabase(ownerDb, db);
      return await work(ownerDb);
    } finally {
      await ownerDb.destroy();
    }
  };
  const migrateAndGrant = async (ownerDb: Kysely<Database>) => {
    const applied = await migrateToLatest(ownerDb);
    await grantApplicationPrivileges(ownerDb, await sessionRole(db));
    return applied;
  };
  return {
    ...base,
    db,
    asOwner,
    async migrate() {
      let applied: string[] = [];
      if (owner) {
        applied = await asOwner(async (ownerDb) => {
          await refuseNewerSchema(ownerDb);
          return migrateAndGrant(ownerDb);
        });
      } else {
        const pending = await refuseNewerSchema(db);
        if (pending.length > 0) {
          throw new StoreError(
            'SCHEMA_OUT_OF_DATE',
            `数据库结构不是最新（待执行：${pending.join('、')}）：请以所有者运行 rongcuo migrate（设置 DATABASE_OWNER_URL），或在启动时设置 DATABASE_OWNER_URL` +
              ` / The schema is not up to date (pending: ${pending.join(', ')}): run \`rongcuo migrate\` with DATABASE_OWNER_URL set to the schema owner, or set it when starting.`,
          );
        }
      }
      await checkApplicationRole(db);
      return applied;
    },
    async reset() {
      await asOwner(async (ownerDb) => {
        // DROP, not DELETE: the audit log refuses deletes, even the owner's.
        await sql`drop schema public cascade`.execute(ownerDb);
        await sql`create schema public`.execute(ownerDb);
        await migrateAndGrant(ownerDb);
      });
    },
  };
}

/**
 * Refuses a database a newer release migrated: starting this one there would run code
 * against a schema it was not written for. Read as the owner where there is one: a schema
 * just made by a restore has not yet granted the application role its use. Returns the
 * migrations still pending.
 */
async function refuseNewerSchema(db: Kysely<Database>): Promise<string[]> {
  const { pending, unknown: newer } = await migrationState(db);
  if (newer.length === 0) return pending;
  throw new StoreError(
    'SCHEMA_NEWER_THAN_RELEASE',
    `数据库已由更新的版本升级（本版本不认识迁移 ${newer.join('、')}）：请使用该版本或更新的版本启动，不要以旧版本运行` +
      ` / The database was migrated by a newer release (unknown migrations: ${newer.join(', ')}): run that release or a later one.`,
  );
}

/** Both URLs must name one database, or the grants would land where the application is not. */
async function sameDatabase(ownerDb: Kysely<Database>, db: Kysely<Database>) {
  const where = (k: Kysely<Database>) =>
    // The postmaster's start time tells two servers apart, as far as anyone may read.
    sql<{
      id: string;
    }>`select current_database() || ' ' || pg_postmaster_start_time() as id`.execute(k);
  const [a, b] = await Promise.all([where(ownerDb), where(db)]);
  if (a.rows[0]?.id !== b.rows[0]?.id) {
    throw new StoreError(
      'OWNER_CONNECTION_REQUIRED',
      `DATABASE_OWNER_URL 与 DATABASE_URL 指向不同的数据库（${a.rows[0]?.id} / ${b.rows[0]?.id}） / DATABASE_OWNER_URL and DATABASE_URL name different databases.`,
    );
  }
}

function kyselyOn(config: pg.PoolConfig): Kysely<Database> {
  const pool = resilientPool({ ...config, types: typeParsers });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
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

/** Longest wait for the health check's answer: a hung server is as unavailable as a dead one. */
const PING_TIMEOUT_MS = 3_000;

/** Whether the database answers a query now. */
export async function pingDatabase(db: Kysely<Database>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  const ping = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
