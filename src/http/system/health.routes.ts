// GET /api/v1/health: liveness and whether the database answers.

import type { AppContext } from '../../app/app-context.ts';
import { checkHealth } from '../../app/system/health.ts';
import { StringEnum, Type } from '../../contract/schema-kit.ts';
import type { Routes } from '../route-kit.ts';

const Health = Type.Object({
  status: StringEnum(['ok', 'degraded'] as const),
  database: StringEnum(['ok', 'unavailable'] as const),
  /** The answering process's id: with `serve --workers N`, which of them answered. */
  pid: Type.Integer(),
});

export function healthRoutes(ctx: AppContext): Routes {
  return async (app) => {
    app.get(
      '/api/v1/health',
      {
        schema: {
          tags: ['系统 system'],
          summary: '健康检查 / health',
          response: { 200: Health, 503: Health },
        },
      },
      async (_request, reply) => {
        const { database } = await checkHealth(ctx);
        const ok = database === 'ok';
        return reply
          .code(ok ? 200 : 503)
          .send({ status: ok ? 'ok' : 'degraded', database, pid: process.pid });
      },
    );
  };
}
