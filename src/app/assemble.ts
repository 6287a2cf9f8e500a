// Puts the application together: the database (migrated), the policies, the work
// calendar, and the HTTP server with every route. Used by `rongcuo serve` and the tests.

import type { FastifyInstance } from 'fastify';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { loadWorkCalendar } from '../calendar/load-work-calendar.ts';
import { adminRoutes } from '../http/routes/admin.routes.ts';
import { caseRoutes } from '../http/routes/cases.routes.ts';
import { policyRoutes } from '../http/routes/policies.routes.ts';
import { sessionRoutes } from '../http/routes/session.routes.ts';
import { buildServer } from '../http/server.ts';
import { loadRegistry } from '../policy-files/load-policies.ts';
import { openDatabase, type OpenOptions, type Store } from '../store/database.ts';
import { migrateToLatest } from '../store/migrate.ts';
import type { AppContext } from './app-context.ts';

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

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

export async function assemble(options: AssembleOptions = {}): Promise<Application> {
  const store = options.store ?? (await openDatabase(options));
  await migrateToLatest(store.db);
  const ctx: AppContext = {
    db: store.db,
    registry: await loadRegistry(),
    calendar: await loadWorkCalendar(),
    now: options.now ?? (() => new Date()),
  };
  const server = await buildServer({
    registry: ctx.registry,
    logger: options.logger ?? false,
    webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
    health: async () => {
      try {
        await sql`select 1`.execute(store.db);
        return { database: 'ok' };
      } catch {
        return { database: 'unavailable' };
      }
    },
    plugins: [
      sessionRoutes(ctx, { secureCookies: options.secureCookies ?? false }),
      adminRoutes(ctx),
      caseRoutes(ctx),
      policyRoutes(ctx),
    ],
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
