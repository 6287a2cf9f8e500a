// The dashboard's queries (统计分析): sums over the counters migration 0011's triggers keep,
// never over the cases themselves. Each is filtered by a unit subtree, a policy and a range
// of quarters (the quarter the case was opened in), and reads a few thousand counter rows
// at most however many cases there are (BENCHMARKS.md, "Statistics").

import { sql, type RawBuilder } from 'kysely';
import type {
  CorrectionCounts,
  CountRow,
  QuarterRow,
  StageRow,
  UnitRow,
} from '../domain/statistics/statistics-figures.ts';
import type { Conn } from './transaction.ts';

export interface StatisticsFilter {
  /** The unit whose subtree is counted. */
  readonly unitId: string;
  /** Its subtree, the unit included (subtreeIds). */
  readonly subtree: readonly string[];
  readonly policyId: string | null;
  /** First days of the first and last quarter counted; null: unbounded. */
  readonly fromQuarter: string | null;
  readonly toQuarter: string | null;
}

/** The filter as a where clause over a counters table's unit, policy and quarter. */
function where(f: StatisticsFilter, alias = ''): RawBuilder<unknown> {
  const col = (name: string) => sql.raw(alias === '' ? name : `${alias}.${name}`);
  const parts: RawBuilder<unknown>[] = [sql`${col('unit_id')} = any(${[...f.subtree]}::uuid[])`];
  if (f.policyId !== null) parts.push(sql`${col('policy_id')} = ${f.policyId}`);
  if (f.fromQuarter !== null) parts.push(sql`${col('quarter')} >= ${f.fromQuarter}::date`);
  if (f.toQuarter !== null) parts.push(sql`${col('quarter')} <= ${f.toQuarter}::date`);
  return sql.join(parts, sql` and `);
}

/** Cases per dimension (conclusion, state, field, error type), policy and code. */
export async function caseCounts(db: Conn, f: StatisticsFilter): Promise<CountRow[]> {
  const { rows } = await sql<CountRow>`
    select dimension, policy_id as "policyId", code, sum(cases)::float8 as cases
      from statistics_case_counts
     where ${where(f)}
     group by dimension, policy_id, code
    having sum(cases) <> 0`.execute(db);
  return rows;
}

/**
 * Cases of the filter's unit itself, and of each unit directly below it with everything
 * below that, decided and not.
 */
export async function unitCounts(db: Conn, f: StatisticsFilter): Promise<UnitRow[]> {
  const { rows } = await sql<UnitRow>`
    with recursive branch(id, top) as (
      select id, id from units where parent_id = ${f.unitId}
      union
      select u.id, b.top from units u join branch b on u.parent_id = b.id
    ),
    placed(id, top) as (select id, top from branch union all select ${f.unitId}::uuid, ${f.unitId}::uuid),
    summed as (
      select p.top,
             coalesce(sum(s.cases) filter (where s.dimension = 'conclusion'), 0)::float8 as decided,
             coalesce(sum(s.cases) filter (where s.dimension = 'state'), 0)::float8 as pending
        from statistics_case_counts s join placed p on p.id = s.unit_id
       where ${where(f, 's')} and s.dimension in ('conclusion', 'state')
       group by p.top
    )
    select u.id as "unitId", u.name, u.id = ${f.unitId}::uuid as own, s.decided, s.pending
      from summed s join units u on u.id = s.top`.execute(db);
  return rows;
}

/** Cases per quarter opened, decided and not. */
export async function quarterCounts(db: Conn, f: StatisticsFilter): Promise<QuarterRow[]> {
  const { rows } = await sql<QuarterRow>`
    select to_char(quarter, 'YYYY-MM-DD') as quarter,
           coalesce(sum(cases) filter (where dimension = 'conclusion'), 0)::float8 as decided,
           coalesce(sum(cases) filter (where dimension = 'state'), 0)::float8 as pending
      from statistics_case_counts
     where ${where(f)} and dimension in ('conclusion', 'state')
     group by quarter
    having sum(cases) <> 0
     order by quarter`.execute(db);
  return rows;
}

/** The ended stints in each stage, and their days. */
export async function stageDays(db: Conn, f: StatisticsFilter): Promise<StageRow[]> {
  const { rows } = await sql<StageRow>`
    select stage, sum(stints)::float8 as stints, sum(days)::float8 as days
      from statistics_stage_days
     where ${where(f)}
     group by stage`.execute(db);
  return rows;
}

/** Corrections by status, and the open ones whose deadline is before `today`. */
export async function correctionCounts(
  db: Conn,
  f: StatisticsFilter,
  today: string,
): Promise<CorrectionCounts> {
  const [byStatus, overdue] = await Promise.all([
    sql<{ status: string; corrections: number }>`
      select status, sum(corrections)::float8 as corrections
        from statistics_correction_counts
       where ${where(f)}
       group by status`.execute(db),
    sql<{ overdue: number }>`
      select coalesce(sum(corrections), 0)::float8 as overdue
        from statistics_open_correction_dues
       where ${where(f)} and due < ${today}::date`.execute(db),
  ]);
  return {
    byStatus: Object.fromEntries(byStatus.rows.map((r) => [r.status, r.corrections])),
    overdue: overdue.rows[0]?.overdue ?? 0,
  };
}

export interface SubtreeUnit {
  readonly id: string;
  readonly name: string;
  /** null for the subtree's root. */
  readonly parentId: string | null;
  /** The regime the unit adopted itself; null when it follows an ancestor's. */
  readonly policyId: string | null;
}

/** The units of a subtree with their parents, for the filter's tree. */
export async function subtreeUnits(db: Conn, root: string): Promise<SubtreeUnit[]> {
  const { rows } = await sql<SubtreeUnit>`
    with recursive subtree(id) as (
      select id from units where id = ${root}
      union
      select u.id from units u join subtree s on u.parent_id = s.id
    )
    select u.id, u.name, case when u.id = ${root}::uuid then null else u.parent_id end as "parentId",
           u.policy_id as "policyId"
      from units u join subtree s on s.id = u.id
     order by u.name`.execute(db);
  return rows;
}
