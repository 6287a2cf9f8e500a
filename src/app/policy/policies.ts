// The policies loaded, for the policy browser, citations and the interview: the list,
// one version, and the diff of two.

import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import { diffPolicies } from '../../domain/policy/policy-diff.ts';
import { versionOf } from '../../domain/policy/policy-registry.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';

export function listPolicies(ctx: AppContext): readonly CompiledPolicy[] {
  return [...ctx.registry.byId.values()].flat();
}

/** One version of a policy, the latest when none is named. */
export function policyVersion(ctx: AppContext, id: string, version?: number): CompiledPolicy {
  const policy = versionOf(ctx.registry, id, version);
  if (!policy)
    throw new UseCaseError(
      'NOT_FOUND',
      `制度不存在：${id}${version === undefined ? '' : ` 版本 ${version}`}`,
    );
  return policy;
}

/** The latest versions of two policies, compared article by article and rule by rule. */
export function comparePolicies(ctx: AppContext, left: string, right: string) {
  return diffPolicies(policyVersion(ctx, left), policyVersion(ctx, right));
}
