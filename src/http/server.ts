// Builds the Fastify application: OpenAPI generated from the contract's schemas, error
// mapping, security headers, the checks every request passes before its route sees it
// (session before body, text that is text, bodies small and typed), the routes of every
// area, and the web application. Routes stay thin: parse -> call a use case -> present.

import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../app/app-context.ts';
import { adminRoutes } from './account/admin.routes.ts';
import { sessionRoutes } from './account/session.routes.ts';
import { unitNumberingRoutes } from './account/unit-numbering.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { caseActionRoutes } from './case/case-actions.routes.ts';
import { classificationRoutes } from './case/classification.routes.ts';
import { fairnessRoutes } from './case/fairness.routes.ts';
import type { CaseAnswerCache } from './case/case-answer-cache.ts';
import { caseRoutes } from './case/cases.routes.ts';
import { evidenceRoutes } from './case/evidence.routes.ts';
import { deadlineRoutes } from './deadline/deadlines.routes.ts';
import { correctionRoutes } from './correction/corrections.routes.ts';
import { reportRoutes } from './report/reports.routes.ts';
import { clearanceRoutes } from './clearance/clearances.routes.ts';
import { evaluateRoutes } from './determination/evaluate.routes.ts';
import {
  frameworkErrorOptions,
  installErrorHandling,
  refuseClosedConnection,
  refuseExpectation,
  refuseWithoutHost,
} from './http-errors.ts';
import { policyRoutes } from './policy/policies.routes.ts';
import { publicationRoutes } from './publication/publications.routes.ts';
import { typicalCaseRoutes } from './typical-case/typical-cases.routes.ts';
import { installRequestTextCheck } from './request-text.ts';
import { schemaController } from './request-validation.ts';
import { securityHeaders } from './security-headers.ts';
import { authenticateBeforeBody } from './session-cookie.ts';
import { installClientAddress } from './client-address.ts';
import type { BackupSchedule } from '../app/backup/backup-schedule.ts';
import { healthRoutes } from './system/health.routes.ts';
import { backupRoutes } from './system/backup.routes.ts';
import { warningRoutes } from './warning/warnings.routes.ts';
import { statisticsRoutes } from './statistics/statistics.routes.ts';
import { documentRoutes } from './document/documents.routes.ts';
import type { CaseListLimits } from '../app/case/case-lists.ts';

/**
 * The largest body of any request but an evidence upload (which has its own limit). The
 * largest the API takes is a step with two 5,000-character reasons and 50 members, about
 * 40 KB of UTF-8; twice that if a client escapes every character as \uXXXX.
 */
export const BODY_LIMIT = 128 * 1024;

export interface ServerOptions {
  readonly logger?: boolean;
  readonly secureCookies?: boolean;
  /** The built web application (dist/web); served at / with index.html for its routes. */
  readonly webRoot?: string;
  /** Where the case page's answers are kept (case-answer-cache.ts); default a new one. */
  readonly caseAnswers?: CaseAnswerCache;
  /** How far the case list counts and how its search is planned; default for millions. */
  readonly caseListLimits?: CaseListLimits;
  /** The daily backup's folder and count, for the 数据备份 page; null: none on this instance. */
  readonly backupSchedule?: BackupSchedule | null;
}

/**
 * A request as the log names it: method, path and client, never the query string. A query
 * may carry what a user typed or a file's name (a reporter's letter is often named after
 * its writer, ?filename=…), and a log is kept and copied where no reader is checked.
 */
function requestLogLine(request: FastifyRequest) {
  return {
    method: request.method,
    url: request.url.split('?')[0],
    remoteAddress: request.ip,
  };
}

export async function buildServer(
  ctx: AppContext,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const logged = options.logger ?? false;
  const app = Fastify({
    logger: logged && { serializers: { req: requestLogLine } },
    bodyLimit: BODY_LIMIT,
    // The time to receive a whole request (Fastify's default is none): a 20 MiB file
    // arrives in it at 300 kbit/s, and no client holds an upload slot longer.
    requestTimeout: 10 * 60_000,
    // Query strings, paths and headers coerced (they are text); JSON bodies not.
    schemaController,
    ...frameworkErrorOptions(logged),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.server.on('checkExpectation', refuseExpectation);
  const webRoot =
    options.webRoot && existsSync(join(options.webRoot, 'index.html')) ? options.webRoot : null;
  installErrorHandling(app, { spa: webRoot !== null, logged });
  await app.register(fastifyHelmet, securityHeaders({ https: options.secureCookies ?? false }));
  app.addHook('onSend', async (request, reply) => {
    // An API answer is about one reader at one moment: no cache, shared or private, keeps it.
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });
  await app.register(fastifyCookie);
  // In this order, before any body is read: a request names its host (after the security
  // headers, so its refusal has them), who writes (session and CSRF token), whether its
  // client is still there, then whether every text they sent is text (after parsing,
  // before the schemas).
  installClientAddress(app);
  app.addHook('onRequest', refuseWithoutHost);
  app.addHook('onRequest', authenticateBeforeBody(ctx));
  app.addHook('onRequest', refuseClosedConnection);
  installRequestTextCheck(app);

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
    backupRoutes(ctx, options.backupSchedule ?? null),
    evaluateRoutes(ctx),
    sessionRoutes(ctx, { secureCookies: options.secureCookies ?? false }),
    adminRoutes(ctx),
    unitNumberingRoutes(ctx),
    auditRoutes(ctx),
    policyRoutes(ctx),
    caseRoutes(ctx, options.caseAnswers, options.caseListLimits),
    caseActionRoutes(ctx),
    fairnessRoutes(ctx),
    classificationRoutes(ctx),
    evidenceRoutes(ctx),
    deadlineRoutes(ctx),
    correctionRoutes(ctx),
    reportRoutes(ctx),
    clearanceRoutes(ctx),
    publicationRoutes(ctx),
    typicalCaseRoutes(ctx),
    warningRoutes(ctx),
    statisticsRoutes(ctx),
    documentRoutes(ctx),
  ])
    await app.register(routes);

  // The web application's files; its own routes (/cases/..., /login) load index.html.
  if (webRoot)
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: 'index.html' });
  return app;
}
