// The set of compiled policy versions known to an installation, and the choice of
// the version in force on a date.

import type { CompiledPolicy } from './compile-policy.ts';

export interface PolicyRegistry {
  /** Versions of each policy id, oldest version first. */
  readonly byId: ReadonlyMap<string, readonly CompiledPolicy[]>;
}

export function createRegistry(policies: readonly CompiledPolicy[]): PolicyRegistry {
  const byId = new Map<string, CompiledPolicy[]>();
  for (const p of policies) {
    const list = byId.get(p.id) ?? [];
    if (list.some((q) => q.version === p.version)) {
      throw new Error(`policy ${p.id} version ${p.version} is defined twice`);
    }
    list.push(p);
    byId.set(p.id, list);
  }
  for (const list of byId.values()) list.sort((a, b) => a.version - b.version);
  return { byId };
}

/**
 * The version in force on `asOf` (YYYY-MM-DD): the newest version whose effective date
 * is on or before it, or is unknown (`null`, meaning in force on any date).
 */
export function versionInForce(
  versions: readonly CompiledPolicy[],
  asOf: string,
): CompiledPolicy | null {
  for (let i = versions.length - 1; i >= 0; i--) {
    const v = versions[i]!;
    if (v.effectiveFrom === null || v.effectiveFrom <= asOf) return v;
  }
  return null;
}

/** One version of a policy; the latest when `version` is not given; null when there is none. */
export function versionOf(
  registry: PolicyRegistry,
  id: string,
  version?: number,
): CompiledPolicy | null {
  const versions = registry.byId.get(id);
  const found =
    version === undefined
      ? versions?.[versions.length - 1]
      : versions?.find((v) => v.version === version);
  return found ?? null;
}
