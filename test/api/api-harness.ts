// One running application per test file and database: demo units and accounts, a clock
// the test can move, and a logged-in HTTP client per demo user.
import { afterAll, beforeAll } from 'vitest';
import { assemble, type Application } from '../../src/main.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/app/demo-data.ts';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.ts';
import type { StoreTarget } from '../support/test-databases.ts';
import { HttpClient } from '../support/http-client.ts';

export interface Harness {
  readonly app: Application;
  readonly url: string;
  /** A superuser on the application's database: for doing what the application cannot. */
  readonly admin: Kysely<Database>;
  /** Moves the application's clock forward. */
  advance(ms: number): void;
  /** A new client logged in as a user: a demo user unless another password is given. */
  as(username: string, password?: string): Promise<HttpClient>;
  unitId(name: string): Promise<string>;
  userId(username: string): Promise<string>;
  /**
   * A client of a new account, made as an office makes one: the system administrator
   * creates it in a unit, the security administrator grants its roles, and the user signs
   * in and changes the password the administrator chose (forced at first sign-in).
   */
  newUser(username: string, unitName: string, roles: readonly string[]): Promise<HttpClient>;
  close(): Promise<void>;
}

async function startHarness(target: StoreTarget): Promise<Harness> {
  const store = await target.open();
  let offset = 0;
  const app = await assemble({ store, now: () => new Date(Date.now() + offset) });
  await seedDemo(app.ctx);
  const url = await app.server.listen({ port: 0, host: '127.0.0.1' });
  const idWhere = async (table: 'units' | 'users', column: 'name' | 'username', value: string) =>
    // Each table has the column it is asked by: units by name, users by username.
    (
      await sql<{
        id: string;
      }>`select id from ${sql.table(table)} where ${sql.ref(column)} = ${value}`.execute(app.ctx.db)
    ).rows[0]!.id;
  const harness: Harness = {
    app,
    url,
    admin: store.admin,
    advance: (ms) => {
      offset += ms;
    },
    async as(username, password = DEMO_PASSWORD) {
      const client = new HttpClient(url);
      const res = await client.post('/api/v1/session', { username, password });
      if (res.status !== 200)
        throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      client.csrfToken = res.body.csrfToken;
      return client;
    },
    unitId: (name) => idWhere('units', 'name', name),
    userId: (username) => idWhere('users', 'username', username),
    async newUser(username, unitName, roles) {
      const chosen = 'Xilin#Gol2026';
      const sys = await harness.as('sysadmin');
      const created = await sys.post('/api/v1/users', {
        username,
        displayName: username,
        unitId: await harness.unitId(unitName),
        password: chosen,
      });
      if (created.status !== 201) throw new Error(`create ${username}: ${created.status}`);
      const sec = await harness.as('secadmin');
      await sec.request('PUT', `/api/v1/users/${created.body.id}/roles`, { roles });
      const client = await harness.as(username, chosen);
      const changed = await client.request('PUT', '/api/v1/session/password', {
        current: chosen,
        next: 'Own#Choice2026',
      });
      if (changed.status >= 300) throw new Error(`password of ${username}: ${changed.status}`);
      return client;
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
  return harness;
}

/**
 * A harness for the test file's describe block: started before its tests, closed after
 * them. The value returned stands for it from the start, so the tests can name it.
 */
export function useHarness(target: StoreTarget): Harness {
  let started: Harness | undefined;
  // The demo takes some thirty cases through the procedure (about 6 s alone); with every
  // file seeding at once on two cores it can take several times that.
  beforeAll(async () => {
    started = await startHarness(target);
  }, 180_000);
  afterAll(async () => started?.close());
  const h = (): Harness => {
    if (!started) throw new Error('the harness starts in beforeAll');
    return started;
  };
  return {
    get app() {
      return h().app;
    },
    get url() {
      return h().url;
    },
    get admin() {
      return h().admin;
    },
    advance: (ms) => h().advance(ms),
    as: (username, password) => h().as(username, password),
    unitId: (name) => h().unitId(name),
    userId: (username) => h().userId(username),
    newUser: (username, unitName, roles) => h().newUser(username, unitName, roles),
    close: () => h().close(),
  };
}
