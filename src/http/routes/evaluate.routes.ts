// POST /api/v1/evaluate: the determination contract over HTTP (docs/spec/determination.md).

import type { FastifyInstance } from 'fastify';
import { todayInChina } from '../../domain/calendar-date.ts';
import { determine, isDeterminationError } from '../../domain/determination/determine.ts';
import type { PolicyRegistry } from '../../domain/policy/policy-registry.ts';
import { errorResponse } from '../response-schemas.ts';

const groundSchema = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    basis: { type: 'array', items: { type: 'string' } },
    blocked: { type: 'boolean' },
  },
} as const;

const outputSchema = {
  type: 'object',
  description: '认定结论（判定接口约定）',
  // Extra fields (policyVersion, explanation, nextQuestion) pass through with ?explain=true.
  additionalProperties: true,
  properties: {
    policy: { type: 'string' },
    asOf: { type: 'string', format: 'date' },
    status: { type: 'string', enum: ['determined', 'undetermined'] },
    outcome: { type: ['string', 'null'] },
    basis: { type: 'array', items: { type: 'string' } },
    citation: { type: 'string' },
    grounds: { type: 'array', items: groundSchema },
    missing: { type: 'array', items: { type: 'string' } },
    warnings: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** What the route's own parser hands on for a body that is not JSON. */
const NOT_JSON = Symbol('not JSON');

/**
 * Registered in its own plugin scope: the body is parsed with plain JSON.parse, whatever
 * the content type, so that HTTP and the CLI answer every input alike (a fact key
 * "__proto__" is UNKNOWN_FACT in both, where Fastify's default parser would refuse it;
 * determine() only reads the parsed value, it never merges it into another object).
 */
export async function evaluateRoutes(
  app: FastifyInstance,
  registry: PolicyRegistry,
): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(null, NOT_JSON);
    }
  });
  app.post<{ Querystring: { explain?: boolean } }>(
    '/api/v1/evaluate',
    {
      schema: {
        tags: ['认定 determination'],
        summary: '按制度认定一组事实 / evaluate facts against a policy',
        querystring: {
          type: 'object',
          properties: { explain: { type: 'boolean', description: '附加说明和建议下一问题' } },
        },
        // The body is validated by the contract's own checks, with the contract's error codes.
        body: {},
        response: { 200: outputSchema, 400: errorResponse },
      },
    },
    async (request, reply) => {
      if (request.body === NOT_JSON) {
        return reply
          .code(400)
          .send({ error: { code: 'INVALID_INPUT', message: 'body is not valid JSON' } });
      }
      const out = determine(registry, request.body, {
        today: todayInChina(new Date()),
        explain: request.query.explain === true,
      });
      return reply.code(isDeterminationError(out) ? 400 : 200).send(out);
    },
  );
}
