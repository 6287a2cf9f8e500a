// One running application per test file and database: demo units and accounts, a clock
// the test can move, and a logged-in HTTP client per demo user.
import { assemble, type Application } from '../../src/main.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/app/demo-data.ts';
import type { StoreTarget } from '../support/test-databases.ts';
import { HttpClient } from '../support/http-client.ts';

export interface Harness {
  readonly app: Application;
  readonly url: string;
  /** Moves the application's clock forward. */
  advance(ms: number): void;
  /** A new client logged in as a demo user. */
  as(username: string): Promise<HttpClient>;
  unitId(name: string): Promise<string>;
  userId(username: string): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(target: StoreTarget): Promise<Harness> {
  const store = await target.open();
  let offset = 0;
  const app = await assemble({ store, now: () => new Date(Date.now() + offset) });
  await seedDemo(app.ctx);
  const url = await app.server.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    url,
    advance: (ms) => {
      offset += ms;
    },
    async as(username) {
      const client = new HttpClient(url);
      const res = await client.post('/api/v1/session', { username, password: DEMO_PASSWORD });
      if (res.status !== 200)
        throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      client.csrfToken = res.body.csrfToken;
      return client;
    },
    async unitId(name) {
      return (
        await app.ctx.db
          .selectFrom('units')
          .select('id')
          .where('name', '=', name)
          .executeTakeFirstOrThrow()
      ).id;
    },
    async userId(username) {
      return (
        await app.ctx.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).id;
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}
