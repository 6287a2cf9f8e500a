// The policy version a record was pinned to when it began (a case, a correction, a report,
// a clearance's report): the rules it is held to for good, even after a new version.

import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import { versionOf } from '../../domain/policy/policy-registry.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';

/** The version of the row's policy; UNKNOWN_POLICY when this server has not loaded it. */
export function pinnedPolicy(
  ctx: AppContext,
  row: { readonly policy_id: string; readonly policy_version: number },
): CompiledPolicy {
  const policy = versionOf(ctx.registry, row.policy_id, row.policy_version);
  if (!policy)
    throw new UseCaseError(
      'UNKNOWN_POLICY',
      `制度 ${row.policy_id} 版本 ${row.policy_version} 未载入`,
    );
  return policy;
}
