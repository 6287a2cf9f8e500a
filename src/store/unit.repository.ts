// The unit tree (盟 → 局 → 科室 / 旗县局). A unit's place in it is read with one
// recursive query: its lineage up to the root (whose reader it is in scope of, which
// policy it follows), or its subtree (which cases a reader of it may list).

import { sql, type RawBuilder } from 'kysely';
import type { LineageUnit } from '../domain/account/unit-scope.ts';
import type { Conn, Tx } from './transaction.ts';

export interface UnitRow {
  readonly id: string;
  readonly parent_id: string | null;
  readonly name: string;
  readonly kind: string;
  readonly policy_id: string | null;
  /** Its case-number prefix; null: the nearest ancestor's (migration 0007). */
  readonly case_number_prefix?: string | null;
}

/** Guards the walk up against a cycle a bad import could have written. */
const MAX_DEPTH = 64;

/**
 * The ids of `root` and every unit below it, as a subquery for `in (...)`. UNION, not
 * UNION ALL: a cycle adds no new row, so the recursion ends.
 */
export function unitSubtree(root: string): RawBuilder<string> {
  return sql<string>`(with recursive subtree(id) as (
    select id from units where id = ${root}
    union
    select u.id from units u join subtree s on u.parent_id = s.id
  ) select id from subtree)`;
}

/** The ids of `root` and every unit below it, read once for the queries of one request. */
export async function subtreeIds(db: Conn, root: string): Promise<string[]> {
  const { rows } = await sql<{
    id: string;
  }>`select id from ${unitSubtree(root)} as subtree(id)`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * Whether `unit` (a column or value of the outer query) is `root` or below it, walking up
 * from the unit: for one row's check, cheaper than the whole subtree of `root`.
 */
export function unitIsWithin(unit: RawBuilder<unknown>, root: string): RawBuilder<boolean> {
  return sql<boolean>`exists (
    with recursive lineage(id, parent_id, depth) as (
      select id, parent_id, 0 from units where id = ${unit}
      union all
      select u.id, u.parent_id, l.depth + 1
      from units u join lineage l on u.id = l.parent_id
      where l.depth < ${MAX_DEPTH}
    )
    select 1 from lineage where id = ${root})`;
}

export interface UnitLineage {
  /** The unit, then its parent, up to the root. */
  readonly ids: readonly string[];
  /** The same units with what `organOf` and `systemOf` read. */
  readonly units: readonly LineageUnit[];
  /** The policy the unit follows: its own, or its nearest ancestor's. */
  readonly policyId: string | null;
}

/** The unit and its ancestors, or null when the unit does not exist. */
export async function unitLineage(db: Conn, unitId: string): Promise<UnitLineage | null> {
  const { rows } = await sql<{ id: string; kind: string; policy_id: string | null }>`
    with recursive lineage(id, parent_id, kind, policy_id, depth) as (
      select id, parent_id, kind, policy_id, 0 from units where id = ${unitId}
      union all
      select u.id, u.parent_id, u.kind, u.policy_id, l.depth + 1
      from units u join lineage l on u.id = l.parent_id
      where l.depth < ${MAX_DEPTH}
    )
    select id, kind, policy_id from lineage order by depth`.execute(db);
  if (rows.length === 0) return null;
  return {
    ids: rows.map((r) => r.id),
    units: rows.map((r) => ({ id: r.id, kind: r.kind, policyId: r.policy_id })),
    policyId: rows.find((r) => r.policy_id)?.policy_id ?? null,
  };
}

/** Whether `unitId` is `root` or below it. */
export async function isWithinUnit(db: Conn, unitId: string, root: string): Promise<boolean> {
  return (await unitLineage(db, unitId))?.ids.includes(root) ?? false;
}

/** Of the given ids, those of units that exist. */
export async function existingUnitIds(db: Conn, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('units')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function unitExists(db: Conn, id: string): Promise<boolean> {
  return (await existingUnitIds(db, [id])).has(id);
}

export function listUnits(db: Conn): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().orderBy('name').execute();
}

/**
 * The new unit, or undefined when its parent already has a unit of that name (a unique
 * constraint): the transaction stays usable, and the caller says so.
 */
export function insertUnit(tx: Tx, unit: Omit<UnitRow, 'id'>): Promise<UnitRow | undefined> {
  return tx
    .insertInto('units')
    .values(unit)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}
