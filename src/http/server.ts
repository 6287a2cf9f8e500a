// Builds the Fastify application: OpenAPI generated from the contract's schemas, error
// mapping, the routes of every area, and the web application. Routes stay thin: parse ->
// call a use case -> present.

import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../app/app-context.ts';
import { adminRoutes } from './account/admin.routes.ts';
import { sessionRoutes } from './account/session.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { caseActionRoutes } from './case/case-actions.routes.ts';
import { caseRoutes } from './case/cases.routes.ts';
import { evidenceRoutes } from './case/evidence.routes.ts';
import { deadlineRoutes } from './deadline/deadlines.routes.ts';
import { evaluateRoutes } from './determination/evaluate.routes.ts';
import { installErrorHandling } from './http-errors.ts';
import { policyRoutes } from './policy/policies.routes.ts';
import { healthRoutes } from './system/health.routes.ts';

export interface ServerOptions {
  readonly logger?: boolean;
  readonly secureCookies?: boolean;
  /** The built web application (dist/web); served at / with index.html for its routes. */
  readonly webRoot?: string;
}

export async function buildServer(
  ctx: AppContext,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // coerceTypes for query strings and parameters, which arrive as text.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const webRoot =
    options.webRoot && existsSync(join(options.webRoot, 'index.html')) ? options.webRoot : null;
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

  for (const routes of [
    healthRoutes(ctx),
    evaluateRoutes(ctx),
    sessionRoutes(ctx, { secureCookies: options.secureCookies ?? false }),
    adminRoutes(ctx),
    auditRoutes(ctx),
    policyRoutes(ctx),
    caseRoutes(ctx),
    caseActionRoutes(ctx),
    evidenceRoutes(ctx),
    deadlineRoutes(ctx),
  ])
    await app.register(routes);

  // The web application's files; its own routes (/cases/..., /login) load index.html.
  if (webRoot)
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: 'index.html' });
  return app;
}
