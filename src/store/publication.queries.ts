// Publications (公示): what a publication is composed from, and the published texts a
// reader may read. `publicationReadableBy` is the read scope of
// src/domain/case/publication-audience.ts (`mayReadPublication`) in SQL;
// test/api/publication.test.ts holds the two to each other for every demo user.

import type { ExpressionBuilder } from 'kysely';
import type { PublicationReadScope } from '../domain/case/publication-audience.ts';
import type { Database } from './schema.ts';
import type { Conn } from './transaction.ts';

/**
 * The people a case names, whose names and 执法证号 a publication hides: the officer, the
 * applicant, and everyone who acted on the case (its audit events).
 */
export async function peopleOfCase(
  db: Conn,
  caseId: string,
  userIds: readonly string[],
): Promise<{ names: string[]; badgeNumbers: string[] }> {
  const rows = await db
    .selectFrom('users')
    .select(['display_name', 'badge_number'])
    .where((eb) =>
      eb.or([
        ...(userIds.length > 0 ? [eb('id', 'in', [...userIds])] : []),
        eb(
          'id',
          'in',
          eb
            .selectFrom('audit_events')
            .select('actor_id')
            .where('entity_type', '=', 'case')
            .where('entity_id', '=', caseId)
            .where('actor_id', 'is not', null)
            .$narrowType<{ actor_id: string }>(),
        ),
      ]),
    )
    .execute();
  return {
    names: rows.map((r) => r.display_name),
    badgeNumbers: rows.flatMap((r) => (r.badge_number === null ? [] : [r.badge_number])),
  };
}

/** The unit of whoever recorded the case's current decision; null before the decision. */
export async function deciderUnitId(db: Conn, caseId: string): Promise<string | null> {
  const row = await db
    .selectFrom('decisions')
    .innerJoin('users', 'users.id', 'decisions.decided_by')
    .select('users.unit_id')
    .where('decisions.case_id', '=', caseId)
    .orderBy('decisions.decided_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.unit_id ?? null;
}

/** The names of units, by id. */
export async function unitNames(db: Conn, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The publications the scope admits: `mayReadPublication` in SQL. */
export function publicationReadableBy(scope: PublicationReadScope) {
  return (eb: ExpressionBuilder<Database, 'publications'>) =>
    eb.or([
      eb('publications.circle', '=', 'public'),
      ...(scope.organUnitId === null
        ? []
        : [
            eb.and([
              eb('publications.circle', '=', 'organ'),
              eb('publications.organ_unit_id', '=', scope.organUnitId),
            ]),
          ]),
      ...(scope.systemUnitId === null
        ? []
        : [
            eb.and([
              eb('publications.circle', '=', 'system'),
              eb('publications.system_unit_id', '=', scope.systemUnitId),
            ]),
          ]),
    ]);
}

function publicationRows(db: Conn, scope: PublicationReadScope) {
  return db
    .selectFrom('publications')
    .innerJoin('cases', 'cases.id', 'publications.case_id')
    .innerJoin('units', 'units.id', 'publications.organ_unit_id')
    .where(publicationReadableBy(scope))
    .select([
      'publications.id',
      'publications.scope',
      'publications.circle',
      'publications.text',
      'publications.published_on',
      'publications.published_at',
      'publications.period_end',
      'publications.period_days',
      'publications.period_counting',
      'publications.period_provisional',
      'publications.organ_unit_id',
      'units.name as organ_name',
      'cases.number as case_number',
    ]);
}

export type PublicationRow = NonNullable<Awaited<ReturnType<typeof findPublication>>>;

/** The publications the scope admits, newest first, one page, with their count. */
export async function listPublications(
  db: Conn,
  scope: PublicationReadScope,
  page: { readonly limit: number; readonly offset: number },
) {
  const [items, count] = await Promise.all([
    publicationRows(db, scope)
      .orderBy('publications.published_at', 'desc')
      .orderBy('publications.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('publications')
      .where(publicationReadableBy(scope))
      .select((eb) => eb.fn.countAll<string>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.total), items };
}

/** One publication, if the scope admits it. */
export function findPublication(db: Conn, scope: PublicationReadScope, id: string) {
  return publicationRows(db, scope).where('publications.id', '=', id).executeTakeFirst();
}
