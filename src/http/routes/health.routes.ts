// GET /api/v1/health: liveness and whether the database answers.

import type { FastifyInstance } from 'fastify';

export type HealthCheck = () => Promise<{ database: 'ok' | 'unavailable' | 'none' }>;

export function healthRoutes(app: FastifyInstance, check: HealthCheck): void {
  app.addSchema({
    $id: 'health',
    type: 'object',
    properties: { status: { type: 'string' }, database: { type: 'string' } },
  });
  app.get(
    '/api/v1/health',
    {
      schema: {
        tags: ['系统 system'],
        summary: '健康检查 / health',
        response: {
          200: { $ref: 'health#' },
          503: { $ref: 'health#' },
        },
      },
    },
    async (_request, reply) => {
      const { database } = await check();
      return reply.code(database === 'unavailable' ? 503 : 200).send({
        status: database === 'unavailable' ? 'degraded' : 'ok',
        database,
      });
    },
  );
}
