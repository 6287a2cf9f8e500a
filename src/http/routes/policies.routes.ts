// The policies over HTTP, for the policy browser, citations and the interview:
// list, one version's articles with facts and rules, and the diff of two.

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { UseCaseError } from '../../app/app-context.ts';
import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import { describeRule, diffPolicies } from '../../domain/policy/policy-diff.ts';
import { GROUND_LABELS } from '../../domain/policy/policy-model.ts';
import * as R from '../response-schemas.ts';
import { actorOf } from '../session-cookie.ts';

function pick(ctx: AppContext, id: string, version?: number): CompiledPolicy {
  const versions = ctx.registry.byId.get(id);
  const policy =
    version === undefined
      ? versions?.[versions.length - 1]
      : versions?.find((v) => v.version === version);
  if (!policy)
    throw new UseCaseError(
      'NOT_FOUND',
      `制度不存在：${id}${version === undefined ? '' : ` 版本 ${version}`}`,
    );
  return policy;
}

function present(policy: CompiledPolicy) {
  const d = policy.def;
  return {
    id: policy.id,
    version: policy.version,
    title: d.title,
    source: d.source,
    effectiveFrom: d.effectiveFrom,
    effectiveNote: d.effectiveNote,
    procedure: d.procedure,
    chapters: d.chapters.map((c) => ({
      title: c.title,
      articles: c.articles.map((a) => ({
        number: a.number,
        topic: a.topic,
        paragraphs: a.paragraphs,
        rules: policy.grounds
          .filter((g) => g.article === a.number)
          .map((g) => ({
            ground: g.code,
            label: GROUND_LABELS[g.code],
            summary: g.summary,
            rule: describeRule(policy, g.rule),
          })),
      })),
    })),
    facts: policy.facts.map((f) => ({
      id: f.id,
      kind: f.kind,
      article: f.article,
      number: f.number,
      citation: f.citation,
      text: f.text,
    })),
  };
}

export function policyRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const tags = ['制度 policies'];
    app.get(
      '/api/v1/policies',
      { schema: { tags, summary: '制度列表 / policies', response: { ...R.errors } } },
      async (request) => {
        await actorOf(ctx, request);
        return [...ctx.registry.byId.values()].flat().map((p) => ({
          id: p.id,
          version: p.version,
          title: p.def.title,
          effectiveFrom: p.effectiveFrom,
          grounds: p.grounds.map((g) => g.code),
        }));
      },
    );

    app.get<{ Params: { id: string }; Querystring: { version?: number } }>(
      '/api/v1/policies/:id',
      {
        schema: {
          tags,
          summary: '制度条文、事实和规则 / a policy version with its articles, facts and rules',
          params: { type: 'object', properties: { id: { type: 'string', maxLength: 100 } } },
          querystring: { type: 'object', properties: { version: { type: 'integer', minimum: 1 } } },
          response: { ...R.errors },
        },
      },
      async (request) => {
        await actorOf(ctx, request);
        return present(pick(ctx, request.params.id, request.query.version));
      },
    );

    app.get<{ Params: { left: string; right: string } }>(
      '/api/v1/policies/:left/diff/:right',
      {
        schema: {
          tags,
          summary: '两个制度逐条、逐项规则对比 / diff two policies',
          params: {
            type: 'object',
            properties: {
              left: { type: 'string', maxLength: 100 },
              right: { type: 'string', maxLength: 100 },
            },
          },
          response: { ...R.errors },
        },
      },
      async (request) => {
        await actorOf(ctx, request);
        return diffPolicies(pick(ctx, request.params.left), pick(ctx, request.params.right));
      },
    );
  };
}
