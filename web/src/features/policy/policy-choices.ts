// The policies as a select offers them: one option per version, the version named only
// where a policy has several.

import type { PolicySummary } from '../../../../src/contract/policy.schemas.ts';
import { policyKey } from './policy-cache.ts';

export function policyOptions(list: PolicySummary[]) {
  const multi = new Set(
    list.filter((p) => list.filter((q) => q.id === p.id).length > 1).map((p) => p.id),
  );
  return list.map((p) => ({
    value: policyKey(p),
    label: multi.has(p.id) ? `${p.title}（第 ${p.version} 版）` : p.title,
  }));
}

/** The first policy whose id names the given agency, or the first of all. */
export function firstOf(list: PolicySummary[], agency: string): PolicySummary {
  return list.find((p) => p.id.includes(agency)) ?? list[0]!;
}
