// POST /api/v1/evaluate: the determination contract over HTTP (docs/spec/determination.md).

import type { AppContext } from '../../app/app-context.ts';
import { evaluateFacts } from '../../app/determination/evaluate-facts.ts';
import { DeterminationOutput, EvaluateQuery } from '../../contract/determination.schemas.ts';
import { ErrorBody, Type } from '../../contract/schema-kit.ts';
import { isDeterminationError } from '../../domain/determination/determine.ts';
import { errorBody } from '../http-errors.ts';
import { asSent, type Routes } from '../route-kit.ts';

/** What the route's own parser hands on for a body that is not JSON. */
const NOT_JSON = Symbol('not JSON');

/**
 * Registered in its own plugin scope: the body is parsed with plain JSON.parse, whatever
 * the content type, so that HTTP and the CLI answer every input alike (a fact key
 * "__proto__" is UNKNOWN_FACT in both, where Fastify's default parser would refuse it;
 * determine() only reads the parsed value, it never merges it into another object).
 */
export function evaluateRoutes(ctx: AppContext): Routes {
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(null, NOT_JSON);
      }
    });
    app.post(
      '/api/v1/evaluate',
      {
        schema: {
          tags: ['认定 determination'],
          summary: '按制度认定一组事实 / evaluate facts against a policy',
          querystring: EvaluateQuery,
          // The body is checked by the contract's own rules, with the contract's error codes.
          body: Type.Unknown(),
          response: { 200: DeterminationOutput, 400: ErrorBody },
        },
      },
      async (request, reply) => {
        if (request.body === NOT_JSON) {
          return reply.code(400).send(errorBody('INVALID_INPUT', '请求体无法解析：数据格式不正确'));
        }
        const out = evaluateFacts(ctx, request.body, { explain: request.query.explain === true });
        if (isDeterminationError(out)) return reply.code(400).send(out);
        return reply.send(asSent<DeterminationOutput>(out));
      },
    );
  };
}
