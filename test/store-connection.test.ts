// A lost database connection is an error value, never a crash (src/store/database-pool.ts):
// backends terminated under load fail their requests with DATABASE_UNAVAILABLE and the
// pool serves again at once; a server that restarts is reconnected to.

import { sql } from 'kysely';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/database.ts';
import {
  EMBEDDED_APP,
  EMBEDDED_OWNER,
  prepareEmbeddedCluster,
} from '../src/store/database-roles.ts';
import { EMBEDDED_SUPERUSER, startEmbeddedServer } from '../src/store/embedded-server.ts';
import { StoreError } from '../src/store/store-error.ts';
import { inTransaction } from '../src/store/transaction.ts';
import {
  pristineDataDir,
  storeTargets,
  terminateBackends,
  type TestStore,
} from './support/test-databases.ts';

const ROUNDS = 25;
const WORKERS = 6;

const isUnavailable = (error: unknown) =>
  error instanceof StoreError && error.code === 'DATABASE_UNAVAILABLE';

describe.each(storeTargets())('a lost connection on $name', (target) => {
  let store: TestStore;
  let role: string;

  beforeAll(async () => {
    store = await target.open();
    await store.migrate();
    role = (await sql<{ role: string }>`select current_user as role`.execute(store.db)).rows[0]!
      .role;
  });
  afterAll(() => store?.close());

  it('fails only the requests it cuts, as DATABASE_UNAVAILABLE, while backends are terminated under load', async () => {
    const { db } = store;
    let done = 0;
    let unavailable = 0;
    const other: unknown[] = [];
    let stop = false;
    const worker = async (n: number) => {
      for (let i = 0; !stop; i++) {
        try {
          if (i % 2 === 0) {
            // A transaction that holds its connection between statements: the case that
            // used to raise an unhandled 'error' event and kill the process.
            await inTransaction(db, async (tx) => {
              await tx
                .insertInto('jobs')
                .values({ kind: `load-${n}`, run_at: new Date(Date.UTC(2030, 0, 1, 0, 0, i)) })
                .execute();
              await sql`select pg_sleep(0.005)`.execute(tx);
              await tx.selectFrom('jobs').select('id').where('kind', '=', `load-${n}`).execute();
            });
          } else {
            await db.selectFrom('jobs').select('id').limit(5).execute();
          }
        } catch (error) {
          if (isUnavailable(error)) unavailable++;
          else other.push(error);
        }
        done++;
      }
    };
    const workers = Array.from({ length: WORKERS }, (_, n) => worker(n));
    let terminated = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const before = done;
      terminated += await terminateBackends(store.admin, role);
      // Let the workers meet the loss before the next round.
      while (done < before + WORKERS) await delay(5);
    }
    stop = true;
    await Promise.all(workers);

    expect(other).toEqual([]);
    expect(terminated).toBeGreaterThan(0);
    expect(unavailable).toBeGreaterThan(0);
    // Nothing lingers: the very next request is served.
    expect(await db.selectFrom('jobs').select('id').limit(1).execute()).toHaveLength(1);
  });

  it('sends again, on a fresh connection, a read whose idle connection was terminated', async () => {
    const { db } = store;
    await db.selectFrom('jobs').select('id').limit(1).execute(); // a connection in the pool
    await terminateBackends(store.admin, role);
    // Whether the pool hears of the loss first or the query finds it, the read succeeds.
    for (let i = 0; i < 5; i++) {
      expect(await db.selectFrom('units').select('id').execute()).toEqual([]);
    }
  });
});

describe('a PostgreSQL server that restarts', () => {
  it('is reconnected to: unavailable while it is down, served again once it is up', async () => {
    // A real server of our own to restart (the shared test server is not ours to stop),
    // reached by URL as DATABASE_URL would reach a server.
    const { dataDir, remove } = await pristineDataDir();
    let server = await startEmbeddedServer(dataDir);
    const socket = { host: server.socketDir, port: server.port };
    await prepareEmbeddedCluster({ ...socket, user: EMBEDDED_SUPERUSER }, 'rongcuo');
    const url = (user: string) =>
      `postgresql://${user}@${encodeURIComponent(server.socketDir)}:${server.port}/rongcuo`;
    const store = await openDatabase({ url: url(EMBEDDED_APP), ownerUrl: url(EMBEDDED_OWNER) });
    try {
      expect(store.kind).toBe('server');
      await store.migrate();
      await store.db.selectFrom('units').select('id').execute();

      await server.stop();
      await expect(store.db.selectFrom('units').select('id').execute()).rejects.toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
      });
      await expect(
        inTransaction(store.db, (tx) => tx.selectFrom('units').select('id').execute()),
      ).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });

      server = await startEmbeddedServer(dataDir);
      expect(await store.db.selectFrom('units').select('id').execute()).toEqual([]);
    } finally {
      await store.close();
      await server.stop();
      await remove();
    }
  });
});
