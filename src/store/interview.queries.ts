// A unit's most recent decided cases under one regime, counted fact by fact: what the
// interview's estimate of each fact's chance reads (domain/policy/interview-estimate.ts).
// A case is decided once its deciding body has recorded a decision; a case decided again
// on review counts once. The newest RECENT_DECIDED_CASES only: a unit's practice now, and
// a read that stays small (all 2,500 decided cases of a unit at 1,000,000 cases took
// 400–520 ms; BENCHMARKS.md). One statement, walking the unit's cases newest first
// (cases_unit_created_at); the case's tenant key joins its facts (co-located).

import { sql } from 'kysely';
import type { DecidedFactCounts } from '../domain/policy/interview-estimate.ts';
import type { Conn } from './transaction.ts';

/** How many of a unit's newest decided cases the estimate reads. */
export const RECENT_DECIDED_CASES = 200;

export async function decidedFactCounts(
  db: Conn,
  unitId: string,
  policyId: string,
  recent: number = RECENT_DECIDED_CASES,
): Promise<DecidedFactCounts> {
  const { rows } = await sql<{
    decidedCases: number;
    facts: { fact_id: string; known: number; held: number }[];
  }>`
    with decided as (
      select c.id, c.tenant_unit_id from cases c
       where c.unit_id = ${unitId}::uuid and c.policy_id = ${policyId}
         and exists (select 1 from decisions d where d.case_id = c.id)
       order by c.created_at desc, c.id
       limit ${recent}
    ), counted as (
      select f.fact_id, count(f.value)::int as known, (count(*) filter (where f.value))::int as held
        from decided
        join case_facts f on f.case_id = decided.id and f.tenant_unit_id = decided.tenant_unit_id
       group by f.fact_id
    )
    select (select count(*)::int from decided) as "decidedCases",
           coalesce(json_agg(counted), '[]'::json) as facts
      from counted`.execute(db);
  const row = rows[0]!;
  return {
    decidedCases: row.decidedCases,
    facts: new Map(row.facts.map((f) => [f.fact_id, { known: f.known, held: f.held }])),
  };
}
