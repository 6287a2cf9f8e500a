// The two circles of units the procedure names besides the unit itself: 本单位, the organ
// a unit belongs to (a 科室 is an internal part of its 局), and 本系统, the units under the
// one that adopted the regime (a league bureau with its county bureaus). Publication
// readers (第十四条 一定范围内公开) and the related units a decision may notify are
// drawn from them.

import type { UnitKind } from '../vocabulary.ts';

/** A unit of a lineage: the unit itself first, then its parent, up to the root. */
export interface LineageUnit {
  readonly id: string;
  readonly kind: UnitKind | string;
  /** The regime the unit adopted itself; null when it follows an ancestor's. */
  readonly policyId: string | null;
}

/** Kinds that are an internal part of the organ above them, not an organ of their own. */
const INTERNAL_KINDS: ReadonlySet<string> = new Set<UnitKind>(['section']);

/** 本单位: the nearest unit of the lineage that is an organ, not an internal section. */
export function organOf(lineage: readonly LineageUnit[]): string {
  const organ = lineage.find((u) => !INTERNAL_KINDS.has(u.kind)) ?? lineage.at(-1);
  if (organ === undefined) throw new Error('organOf: an empty lineage');
  return organ.id;
}

/**
 * 本系统: the nearest unit of the lineage that adopted a regime (the bureau whose 党委/党组
 * leads the work, 第十四条); the root when none did.
 */
export function systemOf(lineage: readonly LineageUnit[]): string {
  const system = lineage.find((u) => u.policyId !== null) ?? lineage.at(-1);
  if (system === undefined) throw new Error('systemOf: an empty lineage');
  return system.id;
}
