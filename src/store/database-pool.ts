// The connection pool under Kysely, made to survive a lost database. `pg` emits 'error' on
// a client whose connection drops while no query is running on it; the pool listens only
// while the client is idle, so a client checked out between two statements of a
// transaction would raise an unhandled 'error' event and kill the process. Here every
// client gets a listener for its whole life, every failure that means "the database is
// out of reach" (a connection that cannot be made, or is lost) becomes one StoreError
// (DATABASE_UNAVAILABLE, a 503), and outside a transaction a read, or a statement that
// was never sent, is sent again on a fresh connection. The statements of
// prepared-statement.ts go as named statements, parsed and planned once per connection.

import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import pg from 'pg';
import { preparedNameOf } from './prepared-statement.ts';
import {
  databaseDiskFull,
  databaseUnavailable,
  isConnectionLoss,
  isDiskFull,
  StoreError,
  wasNeverSent,
} from './store-error.ts';

/** How long a request waits for a connection (a free one, or a new one) before a 503. */
const CONNECT_TIMEOUT_MS = 10_000;
/** pg's default pool size, when the configuration does not say. */
const DEFAULT_POOL_SIZE = 10;

/** A plain SELECT changes nothing, so sending it twice is as good as once. */
const isRead = (statement: string) => /^\s*select\b/i.test(statement);

/**
 * A failure is handled where it happens: the request that met it fails with
 * DATABASE_UNAVAILABLE, the health check says so, the next request connects afresh.
 * The listeners below only keep an 'error' event from going unheard.
 */
const onLoss = (_error: unknown) => {};

export function resilientPool(config: pg.PoolConfig): PostgresPool {
  const pool = new pg.Pool({
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // A server that vanished without closing the socket (a host gone, a cable pulled)
    // is found by TCP keepalive instead of a request hanging on it.
    keepAlive: true,
    ...config,
  });
  // An idle client that loses its connection: the pool drops it by itself.
  pool.on('error', onLoss);
  // Every client, idle or checked out, for its whole life.
  pool.on('connect', (client) => client.on('error', onLoss));

  // Whatever keeps a connection from being made (refused, no socket, the server starting
  // or shutting down, too many connections, a login refused) leaves the database out of
  // the request's reach: 503, with the cause kept for the log.
  const connect = async (): Promise<pg.PoolClient> => {
    try {
      return await pool.connect();
    } catch (error) {
      throw databaseUnavailable(error);
    }
  };

  return {
    // When the server drops every connection at once, each idle one may be handed out
    // before the pool hears it died: a statement may find all of them dead, then a new one.
    connect: async () =>
      new ResilientClient(await connect(), connect, (config.max ?? DEFAULT_POOL_SIZE) + 1),
    end: () => pool.end(),
  };
}

/** One checked-out connection as Kysely sees it; it may swap a dead client for a new one. */
class ResilientClient implements PostgresPoolClient {
  private inTransaction = false;
  private broken = false;

  constructor(
    private client: pg.PoolClient | null,
    private readonly reconnect: () => Promise<pg.PoolClient>,
    private readonly attempts: number,
  ) {}

  // Kysely's streaming form (a cursor) is not configured in this application.
  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query(cursor: never): never;
  async query<R>(sql: unknown, parameters?: ReadonlyArray<unknown>) {
    if (typeof sql !== 'string') throw new Error('cursors are not configured');
    const statement = sql.trimStart().slice(0, 20).toLowerCase();
    try {
      const result = await this.send(sql, parameters ?? []);
      this.track(statement);
      return result as unknown as PostgresQueryResult<R>;
    } catch (error) {
      // A failed COMMIT or ROLLBACK ends the transaction too, on the server or with it.
      if (/^(commit|rollback)\b/.test(statement)) this.inTransaction = false;
      if (isDiskFull(error)) throw databaseDiskFull(error);
      if (error instanceof StoreError || !isConnectionLoss(error)) throw error;
      this.broken = true;
      throw databaseUnavailable(error);
    }
  }

  /**
   * Outside a transaction, a statement that `pg` refused to send on a dead connection, or
   * a read whose connection was lost, is the same request on a fresh connection: sent
   * again, as often as the pool may hand out another connection that died in the same
   * moment (a dead one fails at once; no connection to be had fails in `reconnect`). So is
   * a prepared read whose plan went stale (isStalePlan).
   * Inside a transaction the earlier statements died with the connection, so the whole
   * request fails instead.
   */
  private async send(sql: string, parameters: ReadonlyArray<unknown>) {
    const name = preparedNameOf(sql);
    const values = [...parameters];
    for (let attempt = 1; ; attempt++) {
      this.client ??= await this.reconnect();
      try {
        return await (name === undefined
          ? this.client.query(sql, values)
          : this.client.query({ name, text: sql, values }));
      } catch (error) {
        const again =
          !this.inTransaction &&
          attempt < this.attempts &&
          (wasNeverSent(error) ||
            (isRead(sql) &&
              (isConnectionLoss(error) || (name !== undefined && isStalePlan(error)))));
        if (!again) throw error;
        this.client.release(true);
        this.client = null;
      }
    }
  }

  /** Kysely sends exactly these to open and close its transactions. */
  private track(statement: string) {
    if (/^(begin|start transaction)\b/.test(statement)) this.inTransaction = true;
    else if (/^(commit|rollback)\b/.test(statement)) this.inTransaction = false;
  }

  release(): void {
    // A client whose connection failed is destroyed, not put back for the next request;
    // so is one released inside a transaction it never closed.
    this.client?.release(this.broken || this.inTransaction);
    this.client = null;
  }
}

/**
 * A prepared statement whose rows changed shape under it: another instance's migration
 * added a column to a table it reads whole (`cases.*`). The connection keeps the statement
 * by name, so the read goes again on a fresh connection, which prepares it anew.
 */
function isStalePlan(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: unknown }).code === '0A000' &&
    error.message.includes('cached plan must not change result type')
  );
}
