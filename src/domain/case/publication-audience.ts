// Who reads a publication (第十四条 一定范围内公开). The scope a secretary chooses is one of
// the policy's words; what it means is one of three circles, fixed on the day of
// publication to the organ and the system of the case's unit (unit-scope.ts):
//
//   本单位   'organ'   the accounts whose own organ is the case's organ: the bureau's
//                     sections, not the county bureaus below it (each an organ of its own);
//   本系统   'system'  the accounts whose system is the case's: the bureau that adopted the
//                     regime, its sections and the county bureaus under it;
//   社会公开 'public'  anyone, signed in or not.
//
// What a reader may read is one value, `PublicationReadScope`: `mayReadPublication`
// applies it to one publication, and the store turns the same value into the SQL of the
// list (src/store/publication.queries.ts); test/api/publication.test.ts holds the two to
// each other for every demo user.
//
// The three administrators (系统、安全、审计管理员) read no case, and an internal 公示 is a
// result of the case procedure addressed to the unit's staff in their work on cases; as
// the 三员 are kept apart from the business data they administer, they read what the
// public reads, 社会公开, and nothing more.

import { organOf, systemOf, type LineageUnit } from '../account/unit-scope.ts';
import { isAdminRole } from '../account/roles.ts';
import type { Role } from '../vocabulary.ts';

export const PUBLICATION_CIRCLES = ['organ', 'system', 'public'] as const;
export type PublicationCircle = (typeof PUBLICATION_CIRCLES)[number];

/** The scopes the policies name, and the circle each means. */
const CIRCLE_OF_SCOPE: Readonly<Record<string, PublicationCircle>> = {
  本单位: 'organ',
  本系统: 'system',
  社会公开: 'public',
};

/**
 * The circle a scope names. A scope some later policy words otherwise is read as the
 * narrowest circle, 本单位: a publication reaches too few rather than too many.
 */
export function circleOfScope(scope: string): PublicationCircle {
  return CIRCLE_OF_SCOPE[scope] ?? 'organ';
}

/** Who a publication is for: its circle and the organ and system it was published in. */
export interface PublicationAudience {
  readonly circle: PublicationCircle;
  readonly organUnitId: string;
  readonly systemUnitId: string;
}

/** The audience of a publication in `scope` of a case whose unit has that lineage. */
export function audienceOf(scope: string, lineage: readonly LineageUnit[]): PublicationAudience {
  return {
    circle: circleOfScope(scope),
    organUnitId: organOf(lineage),
    systemUnitId: systemOf(lineage),
  };
}

/** What a reader may read, as data: always the public ones, and their own circles. */
export interface PublicationReadScope {
  /** The reader's organ, whose 本单位 publications they read; null for none. */
  readonly organUnitId: string | null;
  /** The reader's system, whose 本系统 publications they read; null for none. */
  readonly systemUnitId: string | null;
}

/** Anyone, signed in or not: the 社会公开 publications only. */
export const PUBLIC_READER: PublicationReadScope = Object.freeze({
  organUnitId: null,
  systemUnitId: null,
});

/** The read scope of an account with these roles in a unit of that lineage. */
export function publicationReadScopeOf(
  roles: readonly Role[],
  lineage: readonly LineageUnit[],
): PublicationReadScope {
  if (roles.some(isAdminRole) || lineage.length === 0) return PUBLIC_READER;
  return { organUnitId: organOf(lineage), systemUnitId: systemOf(lineage) };
}

/** Whether the scope admits a publication for that audience. */
export function mayReadPublication(
  scope: PublicationReadScope,
  audience: PublicationAudience,
): boolean {
  switch (audience.circle) {
    case 'public':
      return true;
    case 'system':
      return scope.systemUnitId !== null && scope.systemUnitId === audience.systemUnitId;
    case 'organ':
      return scope.organUnitId !== null && scope.organUnitId === audience.organUnitId;
  }
}

export function isPublicationCircle(value: string): value is PublicationCircle {
  return (PUBLICATION_CIRCLES as readonly string[]).includes(value);
}
