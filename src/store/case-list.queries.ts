// Lists of cases, each filtered by the reader's scope in SQL (case-read-scope.sql.ts)
// and named: the unit's and the officer's names come with every row.

import { sql, type SelectQueryBuilder } from 'kysely';
import {
  readableBy,
  resolveReader,
  type Reader,
  type ResolvedReader,
} from './case-read-scope.sql.ts';
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

function filtered(db: Conn, reader: ResolvedReader, filter: CaseListFilter): CasesQuery {
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
  if (filter.q) {
    // The n-gram index (migration 0019) narrows to the cases holding every bigram of q;
    // the ilike, as it always was, decides.
    const q = filter.q;
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query
      .where(
        sql<boolean>`cases.id in (select case_id from case_search where grams @@ case_search_query(${q}))`,
      )
      .where((eb) =>
        eb.or([
          eb('cases.title', 'ilike', like),
          eb('cases.conduct', 'ilike', like),
          eb('cases.number', 'ilike', like),
        ]),
      );
  }
  return query;
}

function summaries(query: CasesQuery) {
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
    .orderBy('cases.created_at', 'desc')
    .orderBy('cases.id');
}

export type CaseSummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];

/** A page of the cases the reader may read, newest first, and how many there are in all. */
export async function listCaseSummaries(
  db: Conn,
  reader: Reader,
  filter: CaseListFilter,
  page: { readonly limit: number; readonly offset: number },
) {
  const query = filtered(db, await resolveReader(db, reader), filter);
  const [{ total }, items] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    summaries(query).limit(page.limit).offset(page.offset).execute(),
  ]);
  return { total: Number(total), items };
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
