// Lists of cases, each filtered by the reader's scope in SQL (case-read-scope.sql.ts)
// and named: the unit's and the officer's names come with every row.

import { sql, type SelectQueryBuilder } from 'kysely';
import {
  readableBy,
  resolveReader,
  type Reader,
  type ResolvedReader,
} from './case-read-scope.sql.ts';
import { planSearch, type GramStatistics } from './case-search-plan.ts';
import type { Database } from './schema.ts';
import type { Conn } from './transaction.ts';
import { unitSubtree } from './unit.repository.ts';

export interface CaseListFilter {
  readonly state?: string;
  readonly states?: readonly string[];
  readonly unitId?: string;
  readonly policyId?: string;
  readonly officerId?: string;
  /** The committee's current conclusion (the latest decision row). */
  readonly outcome?: string;
  readonly q?: string;
  /** Created on or after this day in China. */
  readonly from?: string;
  /** Created on or before this day in China. */
  readonly to?: string;
}

type CasesQuery = SelectQueryBuilder<Database, 'cases', object>;

/** How far a list counts and how a search is planned; the defaults suit millions of cases. */
export interface CaseListLimits {
  /**
   * The most a list counts. Past it the total is given as "more than" (`capped`): an exact
   * count of a province's million cases reads every one of them on every page.
   */
  readonly countCap: number;
  /** The same for a search, which tests each case it counts against the query. */
  readonly searchCountCap: number;
  /**
   * The most cases a search's n-grams may name for the search to read those cases alone;
   * past it the list is walked in its own order (case-search-plan.ts).
   */
  readonly gramCandidates: number;
  /** The most index entries the grams read may name in all (case-search-plan.ts). */
  readonly gramPostings: number;
  /**
   * A search that walks (its grams are common) reads the reader's own cases and sorts
   * them when the reader may read at most this many; more, and it walks the province's
   * list newest first. A county reads its few thousand cases in tens of milliseconds,
   * where the walk passes every newer case of the province before its first match.
   */
  readonly ownCasesSorted: number;
}

/**
 * Measured at 1,000,000 generated cases (BENCHMARKS.md, lists and search at scale): a case
 * number's three rarest grams name 100,000–330,000 index entries and read in 10–40 ms, to a
 * few hundred cases; walking the list instead, for a number outside the reader's 盟市, read
 * the whole list (340 ms).
 */
export const DEFAULT_CASE_LIST_LIMITS: CaseListLimits = {
  countCap: 10_000,
  searchCountCap: 1_000,
  gramCandidates: 5_000,
  gramPostings: 400_000,
  ownCasesSorted: 20_000,
};

/** What the n-gram column's statistics say of q's grams (case-search-plan.ts). */
async function gramStatistics(db: Conn, q: string): Promise<GramStatistics> {
  const { rows } = await sql<{
    grams: { gram: string; share: number | null }[] | null;
    prefix_share: number | null;
    listed_min: number | null;
    rows: number;
  }>`
    with stats as (
      select most_common_elems::text::text[] as elems, most_common_elem_freqs as shares
        from pg_stats
       where schemaname = current_schema() and tablename = 'case_search' and attname = 'grams'
    ), grams as (
      select distinct substr(lower(${q}::text), i, 2) as gram
        from generate_series(1, length(${q}::text) - 1) as i
    )
    select
      (select json_agg(json_build_object(
                'gram', g.gram, 'share', s.shares[array_position(s.elems, g.gram)]))
         from grams g left join stats s on true) as grams,
      (select sum(s.shares[i]) from stats s, generate_subscripts(s.elems, 1) as i
        where left(s.elems[i], 1) = lower(${q}::text)) as prefix_share,
      (select s.shares[array_length(s.elems, 1) + 1] from stats s) as listed_min,
      (select greatest(reltuples, 0) from pg_class
        where oid = 'case_search'::regclass) as rows`.execute(db);
  const row = rows[0]!;
  return {
    grams: row.grams ?? [],
    prefixShare: row.prefix_share === null ? null : Number(row.prefix_share),
    listedMin: row.listed_min === null ? null : Number(row.listed_min),
    rows: Number(row.rows),
  };
}

/**
 * The cases whose n-grams hold every gram the plan reads: a superset of those that match
 * q, or undefined when the list is to be walked instead (the plan says so, or there are
 * more than `limits.gramCandidates` of them after all: the statistics are a sample).
 */
async function gramCandidates(
  db: Conn,
  q: string,
  limits: CaseListLimits,
): Promise<readonly string[] | undefined> {
  const plan = planSearch(
    [...q].length,
    await gramStatistics(db, q),
    limits.gramCandidates,
    limits.gramPostings,
  );
  if (plan.by === 'walk') return undefined;
  const query =
    plan.grams === 'prefix'
      ? sql`case_search_query(${q})`
      : sql`(select string_agg(case_search_lexeme(g), ' & ')
               from unnest(${plan.grams}::text[]) as g)::tsquery`;
  const { rows } = await sql<{ case_id: string }>`
    select case_id from case_search where grams @@ ${query}
     limit ${limits.gramCandidates + 1}`.execute(db);
  return rows.length > limits.gramCandidates ? undefined : rows.map((r) => r.case_id);
}

function filtered(
  db: Conn,
  reader: ResolvedReader,
  filter: CaseListFilter,
  candidates?: readonly string[],
): CasesQuery {
  let query: CasesQuery = db.selectFrom('cases').where(readableBy(reader));
  if (filter.state) query = query.where('cases.state', '=', filter.state);
  if (filter.states) query = query.where('cases.state', 'in', [...filter.states]);
  if (filter.unitId) query = query.where('cases.unit_id', 'in', unitSubtree(filter.unitId));
  if (filter.policyId) query = query.where('cases.policy_id', '=', filter.policyId);
  if (filter.officerId) query = query.where('cases.officer_id', '=', filter.officerId);
  if (filter.outcome) {
    const outcome = filter.outcome;
    query = query.where((eb) =>
      eb(
        eb
          .selectFrom('decisions')
          .select('conclusion')
          .whereRef('decisions.case_id', '=', 'cases.id')
          .orderBy('decided_at', 'desc')
          .limit(1),
        '=',
        outcome,
      ),
    );
  }
  if (filter.from)
    query = query.where('cases.created_at', '>=', new Date(`${filter.from}T00:00:00+08:00`));
  if (filter.to)
    query = query.where(
      'cases.created_at',
      '<',
      sql<Date>`${`${filter.to}T00:00:00+08:00`}::timestamptz + interval '1 day'`,
    );
  if (candidates) query = query.where(sql<boolean>`cases.id = any(${candidates}::uuid[])`);
  if (filter.q) {
    // The n-grams (gramCandidates) narrow to the cases holding every bigram of q when those
    // are few; the ilike, as it always was, decides.
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('cases.title', 'ilike', like),
        eb('cases.conduct', 'ilike', like),
        eb('cases.number', 'ilike', like),
      ]),
    );
  }
  return query;
}

/**
 * Whether the reader may read at most `most` cases in all, by the planner's estimate from
 * the statistics of cases.unit_id (EXPLAIN, about a millisecond). Counting them instead
 * read up to `most` entries and their rows on every walking search: 20–40 ms for a 盟市.
 */
async function readsAtMost(db: Conn, reader: ResolvedReader, most: number): Promise<boolean> {
  const [row] = await filtered(db, reader, {})
    .select(sql<number>`1`.as('one'))
    .explain<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>('json');
  return row!['QUERY PLAN'][0].Plan['Plan Rows'] <= most;
}

/**
 * The list's columns, newest first. `sorted`: the order is computed on the rows the filters
 * leave (the same order; `+ interval '0'` only hides it from the list's indexes), so the
 * planner reads the reader's units' cases instead of walking the province's newest first.
 */
function summaries(query: CasesQuery, sorted = false) {
  const newest = sorted ? sql`cases.created_at + interval '0'` : sql.ref('cases.created_at');
  return query
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .innerJoin('users', 'users.id', 'cases.officer_id')
    .select([
      'cases.id',
      'cases.number',
      'cases.state',
      'cases.title',
      'cases.conduct_date',
      'cases.conduct_end_date',
      'cases.origin',
      'cases.unit_id',
      'units.name as unit_name',
      'cases.officer_id',
      'users.display_name as officer_name',
      'cases.policy_id',
      'cases.policy_version',
      'cases.created_at',
      'cases.updated_at',
      'cases.version',
    ])
    .orderBy(newest, 'desc')
    .orderBy('cases.id');
}

export type CaseSummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];

/**
 * A page of the cases the reader may read, newest first, and how many there are in all:
 * exactly up to the count cap (a search's or a list's), beyond it the cap with `capped`.
 */
export async function listCaseSummaries(
  db: Conn,
  reader: Reader,
  filter: CaseListFilter,
  page: { readonly limit: number; readonly offset: number },
  limits: CaseListLimits = DEFAULT_CASE_LIST_LIMITS,
) {
  const [resolved, candidates] = await Promise.all([
    resolveReader(db, reader),
    filter.q ? gramCandidates(db, filter.q, limits) : undefined,
  ]);
  if (candidates?.length === 0) return { total: 0, capped: false, items: [] };
  // A search that walks: the reader's own cases, sorted, when they are few.
  const sorted =
    !!filter.q &&
    candidates === undefined &&
    (await readsAtMost(db, resolved, limits.ownCasesSorted));
  const query = filtered(db, resolved, filter, candidates);
  const cap = filter.q ? limits.searchCountCap : limits.countCap;
  const [{ total }, items] = await Promise.all([
    db
      .selectFrom(
        query
          .select(sql<number>`1`.as('one'))
          .limit(cap + 1)
          .as('counted'),
      )
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
    summaries(query, sorted).limit(page.limit).offset(page.offset).execute(),
  ]);
  const counted = Number(total);
  return {
    total: Math.min(counted, cap),
    capped: counted > cap,
    items,
  };
}

/**
 * The newest `limit` cases in `states` the reader may read, whole rows with their names,
 * and the reader's unit subtree they were filtered by: the to-do list's candidates.
 */
export async function caseCandidates(
  db: Conn,
  reader: Reader,
  states: readonly string[],
  limit: number,
) {
  const resolved = await resolveReader(db, reader);
  const rows = await summaries(filtered(db, resolved, { states }))
    .selectAll('cases')
    .limit(limit)
    .execute();
  return { subtree: resolved.subtree, rows };
}
