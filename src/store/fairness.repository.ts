// Recusals (回避) and review opinions (法制审核, 纪检监察) kept on a case, and what their
// forms choose from: the people of the units above a case, the units of its system.

import type { Conn, Tx } from './transaction.ts';
import { subtreeIds } from './unit.repository.ts';

export interface RecusalRecord {
  readonly caseId: string;
  readonly userId: string;
  readonly kind: string;
  readonly reason: string;
  readonly recordedBy: string;
  readonly at: Date;
}

export async function insertRecusal(tx: Tx, r: RecusalRecord): Promise<void> {
  await tx
    .insertInto('case_recusals')
    .values({
      case_id: r.caseId,
      user_id: r.userId,
      kind: r.kind,
      reason: r.reason,
      recorded_by: r.recordedBy,
      recorded_at: r.at,
    })
    .execute();
}

export interface ReviewRecord {
  readonly caseId: string;
  readonly kind: string;
  readonly opinion: string;
  readonly agrees: boolean;
  readonly reviewedOn: string;
  readonly reviewedBy: string;
  readonly at: Date;
}

/** A review opinion; a later one of the same kind replaces it. */
export async function upsertReview(tx: Tx, r: ReviewRecord): Promise<void> {
  const values = {
    opinion: r.opinion,
    agrees: r.agrees,
    reviewed_on: r.reviewedOn,
    reviewed_by: r.reviewedBy,
    reviewed_at: r.at,
  };
  await tx
    .insertInto('case_reviews')
    .values({ case_id: r.caseId, kind: r.kind, ...values })
    .onConflict((oc) => oc.columns(['case_id', 'kind', 'tenant_unit_id']).doUpdateSet(values))
    .execute();
}

export interface PersonRow {
  readonly id: string;
  readonly username: string;
  readonly display_name: string;
  readonly unit_id: string;
  readonly roles: string[];
}

/** The enabled accounts of the given units. */
export function peopleOfUnits(db: Conn, unitIds: readonly string[]): Promise<PersonRow[]> {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'unit_id', 'roles'])
    .where('unit_id', 'in', [...unitIds])
    .where('disabled', '=', false)
    .orderBy('display_name')
    .execute();
}

export function personById(db: Conn, id: string): Promise<PersonRow | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'unit_id', 'roles'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The display names of the given accounts, in no particular order. */
export async function displayNames(db: Conn, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('display_name')
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.display_name);
}

export interface TreeUnitRow {
  readonly id: string;
  readonly parent_id: string | null;
  readonly name: string;
}

/** The units of the subtree under `root`, root included, with their parents, by name. */
export async function unitsUnder(db: Conn, root: string): Promise<TreeUnitRow[]> {
  const ids = await subtreeIds(db, root);
  return db
    .selectFrom('units')
    .select(['id', 'parent_id', 'name'])
    .where('id', 'in', ids)
    .orderBy('name')
    .execute();
}
