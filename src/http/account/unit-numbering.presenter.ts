// A unit's lineage read from the unit tree already in hand (GET /units), for the case
// numbers its cases get: the unit first, up to the root.

import type { NumberingUnit } from '../../domain/case/case-number.ts';

interface TreeUnit {
  readonly id: string;
  readonly parent_id: string | null;
  readonly name: string;
  readonly kind: string;
  readonly policy_id: string | null;
  readonly case_number_prefix?: string | null;
}

export function numberingLineageIn(all: readonly TreeUnit[], unit: TreeUnit): NumberingUnit[] {
  const byId = new Map(all.map((u) => [u.id, u]));
  const lineage: NumberingUnit[] = [];
  const seen = new Set<string>();
  for (let u: TreeUnit | undefined = unit; u && !seen.has(u.id);) {
    seen.add(u.id);
    lineage.push({
      id: u.id,
      name: u.name,
      kind: u.kind,
      policyId: u.policy_id,
      caseNumberPrefix: u.case_number_prefix ?? null,
    });
    u = u.parent_id === null ? undefined : byId.get(u.parent_id);
  }
  return lineage;
}
