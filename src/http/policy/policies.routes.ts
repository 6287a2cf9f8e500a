// The policies over HTTP, for the policy browser, citations and the interview: list,
// one version's articles with facts and rules, and the diff of two.

import type { AppContext } from '../../app/app-context.ts';
import { comparePolicies, listPolicies, policyVersion } from '../../app/policy/policies.ts';
import {
  DiffParams,
  PolicyDetail,
  PolicyDiff,
  PolicyParams,
  PolicyQuery,
  PolicySummary,
} from '../../contract/policy.schemas.ts';
import { Type } from '../../contract/schema-kit.ts';
import { specFor, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { presentDiff, presentPolicy, presentPolicySummary } from './policy.presenter.ts';

const spec = specFor('制度 policies');

export function policyRoutes(ctx: AppContext): Routes {
  return async (app) => {
    // Every policy route is for a signed-in user; none needs more of them.
    app.addHook('preHandler', async (request) => {
      await actorOf(ctx, request);
    });

    const list = spec('制度列表 / policies', {}, { 200: Type.Array(PolicySummary) });
    app.get('/api/v1/policies', list, async () => {
      return listPolicies(ctx).map(presentPolicySummary);
    });

    const one = spec(
      '制度条文、事实和规则 / a policy version with its articles, facts and rules',
      { params: PolicyParams, querystring: PolicyQuery },
      { 200: PolicyDetail },
    );
    app.get('/api/v1/policies/:id', one, async (request) => {
      return presentPolicy(policyVersion(ctx, request.params.id, request.query.version));
    });

    const diff = spec(
      '两个制度逐条、逐项规则对比 / diff two policies',
      { params: DiffParams },
      { 200: PolicyDiff },
    );
    app.get('/api/v1/policies/:left/diff/:right', diff, async (request) => {
      return presentDiff(comparePolicies(ctx, request.params.left, request.params.right));
    });
  };
}
