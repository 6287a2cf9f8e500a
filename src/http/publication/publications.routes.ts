// 公示 over HTTP: a signed-in reader's list and page (GET /api/v1/publications[/:id]),
// and the public ones for anyone, without a session (GET /api/v1/public/publications[/:id]),
// limited per client address in this instance's memory as the sign-in routes are.

import fastifyRateLimit from '@fastify/rate-limit';
import { perWorkerShare } from '../rate-limit-share.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AppContext, UseCaseError } from '../../app/app-context.ts';
import { readPublication, readPublications } from '../../app/publication/publications.ts';
import {
  Publication,
  PublicationList,
  PublicationListQuery,
} from '../../contract/publication.schemas.ts';
import { IdParams } from '../../contract/schema-kit.ts';
import { specFor, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { presentPublication } from './publication.presenter.ts';

const spec = specFor('公示 publications');

/** Reads of the public pages a minute from one address: a person browses far fewer. */
export const PUBLIC_READS_PER_MINUTE = 120;

export function publicationRoutes(ctx: AppContext): Routes {
  return async (app) => {
    // Only the limiter made below: the signed-in routes are not limited.
    await app.register(fastifyRateLimit, { global: false });
    const limiter = app.createRateLimit({
      max: perWorkerShare(PUBLIC_READS_PER_MINUTE),
      timeWindow: 60_000,
    });
    const limited = async (request: FastifyRequest, reply: FastifyReply) => {
      const limit = await limiter(request);
      if (limit.isAllowed || !limit.isExceeded) return;
      void reply.header('retry-after', String(limit.ttlInSeconds));
      throw new UseCaseError(
        'TOO_MANY_REQUESTS',
        `访问过于频繁，请于 ${limit.ttlInSeconds} 秒后再试`,
      );
    };

    const list = spec(
      '公示列表 / the publications the reader may read, newest first',
      { querystring: PublicationListQuery },
      { 200: PublicationList },
    );
    app.get('/api/v1/publications', list, async (request) => {
      const { limit = 20, offset = 0 } = request.query;
      const page = await readPublications(ctx, await actorOf(ctx, request), { limit, offset });
      return { total: page.total, items: page.items.map((p) => presentPublication(p, page.today)) };
    });

    const one = spec('公示 / a publication', { params: IdParams }, { 200: Publication });
    app.get('/api/v1/publications/:id', one, async (request) => {
      const { row, today } = await readPublication(
        ctx,
        await actorOf(ctx, request),
        request.params.id,
      );
      return presentPublication(row, today);
    });

    const publicList = spec(
      '社会公开的公示（无需登录）/ the public publications, without signing in',
      { querystring: PublicationListQuery },
      { 200: PublicationList },
    );
    app.get(
      '/api/v1/public/publications',
      { ...publicList, onRequest: limited },
      async (request) => {
        const { limit = 20, offset = 0 } = request.query;
        const page = await readPublications(ctx, null, { limit, offset });
        return {
          total: page.total,
          items: page.items.map((p) => presentPublication(p, page.today)),
        };
      },
    );

    const publicOne = spec(
      '社会公开的公示（无需登录）/ a public publication',
      { params: IdParams },
      { 200: Publication },
    );
    app.get(
      '/api/v1/public/publications/:id',
      { ...publicOne, onRequest: limited },
      async (request) => {
        const { row, today } = await readPublication(ctx, null, request.params.id);
        return presentPublication(row, today);
      },
    );
  };
}
