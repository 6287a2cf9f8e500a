// The composition root: opens the store (migrated), loads the policies and the work
// calendar, and builds the HTTP server on the use cases. `rongcuo serve`, the tests and
// the benchmarks put the application together here and nowhere else.

import type { FastifyInstance } from 'fastify';
import { fileURLToPath } from 'node:url';
import type { AppContext } from './app/app-context.ts';
import { loadWorkCalendar } from './calendar/load-work-calendar.ts';
import { buildServer } from './http/server.ts';
import { loadRegistry } from './policy-files/load-policies.ts';
import { openDatabase, type OpenOptions, type Store } from './store/database.ts';
import { migrateToLatest } from './store/migrate.ts';

export interface Application {
  readonly ctx: AppContext;
  readonly store: Store;
  readonly server: FastifyInstance;
  close(): Promise<void>;
}

export interface AssembleOptions extends OpenOptions {
  /** An already open store (tests share one per file); otherwise opened here. */
  readonly store?: Store;
  readonly now?: () => Date;
  readonly logger?: boolean;
  readonly secureCookies?: boolean;
  /** The built web application to serve; default dist/web when it exists. */
  readonly webRoot?: string;
}

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../dist/web', import.meta.url));

export async function assemble(options: AssembleOptions = {}): Promise<Application> {
  const store = options.store ?? (await openDatabase(options));
  await migrateToLatest(store.db);
  const ctx: AppContext = {
    db: store.db,
    registry: await loadRegistry(),
    calendar: await loadWorkCalendar(),
    now: options.now ?? (() => new Date()),
  };
  const server = await buildServer(ctx, {
    logger: options.logger ?? false,
    secureCookies: options.secureCookies ?? false,
    webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
  });
  return {
    ctx,
    store,
    server,
    async close() {
      await server.close();
      if (!options.store) await store.close();
    },
  };
}
