// The unit tree as the use cases need it: a unit's subtree (who sees which cases) and
// the policy a unit follows (its own, or its nearest ancestor's).

import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';

export interface UnitTree {
  readonly parentOf: ReadonlyMap<string, string | null>;
  readonly policyOf: ReadonlyMap<string, string | null>;
}

export async function loadUnitTree(db: Kysely<Database>): Promise<UnitTree> {
  const units = await db.selectFrom('units').select(['id', 'parent_id', 'policy_id']).execute();
  return {
    parentOf: new Map(units.map((u) => [u.id, u.parent_id])),
    policyOf: new Map(units.map((u) => [u.id, u.policy_id])),
  };
}

/** Whether `unitId` is `root` or below it. */
export function isWithin(tree: UnitTree, unitId: string, root: string): boolean {
  let current: string | null | undefined = unitId;
  // The depth bound guards against a cycle that a bad import could have written.
  for (let depth = 0; current && depth < 64; depth++) {
    if (current === root) return true;
    current = tree.parentOf.get(current);
  }
  return false;
}

export function subtreeOf(tree: UnitTree, root: string): string[] {
  return [...tree.parentOf.keys()].filter((id) => isWithin(tree, id, root));
}

/** The policy id a unit follows, or null when neither it nor an ancestor names one. */
export function policyOfUnit(tree: UnitTree, unitId: string): string | null {
  let current: string | null | undefined = unitId;
  for (let depth = 0; current && depth < 64; depth++) {
    const own = tree.policyOf.get(current);
    if (own) return own;
    current = tree.parentOf.get(current);
  }
  return null;
}
