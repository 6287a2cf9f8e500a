// The policy version a record was pinned to when it began (a case, a correction, a report,
// a clearance's report): the rules it is held to for good, even after a new version; and
// the versions of the regime a unit follows, from which a new record's version is chosen.

import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import { versionOf } from '../../domain/policy/policy-registry.ts';
import type { Conn } from '../../store/transaction.ts';
import { unitLineage } from '../../store/unit.repository.ts';
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

/**
 * The unit's lineage and the versions of the regime it follows (its own, or its nearest
 * ancestor's), oldest first; NOT_FOUND for an unknown unit, POLICY_NOT_IN_FORCE for one
 * under no regime.
 */
export async function unitRegime(conn: Conn, ctx: AppContext, unitId: string) {
  const lineage = await unitLineage(conn, unitId);
  if (!lineage) throw new UseCaseError('NOT_FOUND', '单位不存在');
  const versions = lineage.policyId === null ? undefined : ctx.registry.byId.get(lineage.policyId);
  if (!versions || versions.length === 0)
    throw new UseCaseError('POLICY_NOT_IN_FORCE', '该单位没有施行中的容错纠错制度');
  return { lineage, versions };
}
