// Case numbers (src/domain/case/case-number.ts): the unit's lineage with the names and
// prefixes numbering reads, each series' counter, and the prefix a unit sets.
//
// The counter row of a prefix and year is moved on by one upsert in the transaction that
// inserts the case: the row stays locked until that transaction ends, so concurrent
// creations in one series wait for each other, and a creation rolled back gives its
// number back. Each series thus runs 1, 2, 3, … without gaps or repeats.

import { sql } from 'kysely';
import type { NumberingUnit } from '../domain/case/case-number.ts';
import type { Conn, Tx } from './transaction.ts';

/** Guards the walk up against a cycle a bad import could have written. */
const MAX_DEPTH = 64;

/** The unit, then its parent, up to the root; empty when the unit does not exist. */
export async function numberingLineage(db: Conn, unitId: string): Promise<NumberingUnit[]> {
  const { rows } = await sql<{
    id: string;
    name: string;
    kind: string;
    policy_id: string | null;
    case_number_prefix: string | null;
  }>`
    with recursive lineage(id, parent_id, name, kind, policy_id, case_number_prefix, depth) as (
      select id, parent_id, name, kind, policy_id, case_number_prefix, 0 from units where id = ${unitId}
      union all
      select u.id, u.parent_id, u.name, u.kind, u.policy_id, u.case_number_prefix, l.depth + 1
      from units u join lineage l on u.id = l.parent_id
      where l.depth < ${MAX_DEPTH}
    )
    select id, name, kind, policy_id, case_number_prefix from lineage order by depth`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    policyId: r.policy_id,
    caseNumberPrefix: r.case_number_prefix,
  }));
}

/** The next number of a series in a year, held (locked) until the transaction ends. */
export async function nextInSeries(tx: Tx, prefix: string, year: number): Promise<number> {
  const row = await tx
    .insertInto('case_number_counters')
    .values({ prefix, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['prefix', 'year'])
        .doUpdateSet({ last_number: sql<number>`case_number_counters.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

/** Arbitrary constant naming the prefix-setting lock among the application's advisory locks. */
const PREFIX_LOCK = 73_201_007;

/**
 * Sets (or, with null, clears) a unit's prefix. 'taken' when another unit holds it (two
 * setting one prefix at once wait for each other); undefined when the unit does not exist.
 */
export async function setCaseNumberPrefix(
  tx: Tx,
  unitId: string,
  prefix: string | null,
): Promise<{ id: string; case_number_prefix: string | null } | 'taken' | undefined> {
  if (prefix !== null) {
    await sql`select pg_advisory_xact_lock(${PREFIX_LOCK})`.execute(tx);
    const holder = await tx
      .selectFrom('units')
      .select('id')
      .where('case_number_prefix', '=', prefix)
      .where('id', '!=', unitId)
      .executeTakeFirst();
    if (holder) return 'taken';
  }
  return tx
    .updateTable('units')
    .set({ case_number_prefix: prefix })
    .where('id', '=', unitId)
    .returning(['id', 'case_number_prefix'])
    .executeTakeFirst();
}

/** The id of the case with this number, if there is one. */
export async function caseIdByNumber(db: Conn, number: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('cases')
    .select('id')
    .where('number', '=', number)
    .executeTakeFirst();
  return row?.id;
}
