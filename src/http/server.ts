// Builds the Fastify application: OpenAPI, error mapping, and the routes of each area.
// Routes stay thin: parse -> call a use case -> present.

import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { PolicyRegistry } from '../domain/policy/policy-registry.ts';
import { installErrorHandling } from './http-errors.ts';
import { evaluateRoutes } from './routes/evaluate.routes.ts';
import { healthRoutes, type HealthCheck } from './routes/health.routes.ts';

export interface ServerDeps {
  readonly registry: PolicyRegistry;
  readonly health: HealthCheck;
  /** Further route plugins (the case procedure), registered after the common ones. */
  readonly plugins?: readonly ((app: FastifyInstance) => Promise<void>)[];
  readonly logger?: boolean;
  /** The built web application (dist/web); served at / with index.html for its routes. */
  readonly webRoot?: string;
}

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  const webRoot =
    deps.webRoot && existsSync(join(deps.webRoot, 'index.html')) ? deps.webRoot : null;
  installErrorHandling(app, { spa: webRoot !== null });
  await app.register(fastifyCookie);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Rongcuo 容错 API',
        description:
          '行政执法尽职免责和容错纠错制度：认定、案件程序 / determination and case procedure',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'rongcuo_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/v1/docs' });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  healthRoutes(app, deps.health);
  await app.register(async (scope) => evaluateRoutes(scope, deps.registry));
  for (const plugin of deps.plugins ?? []) await app.register(plugin);

  // The web application's files; its own routes (/cases/..., /login) load index.html.
  if (webRoot)
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: 'index.html' });
  return app;
}
