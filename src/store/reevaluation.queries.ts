// The open cases, a page at a time in id order (keyset: no offset, each page one index
// range), with their recorded facts: what `rongcuo policy reevaluate` walks.

import { sql } from 'kysely';
import type { CaseViewRows } from './case.repository.ts';
import type { Conn } from './transaction.ts';

export interface OpenCaseFacts {
  readonly id: string;
  readonly state: string;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly conductDate: string;
  readonly conductEndDate: string | null;
  /** The outcome recorded at 提请研究决定; null before it. */
  readonly recordedOutcome: string | null;
  readonly recorded: boolean;
  readonly facts: CaseViewRows['facts'];
}

/**
 * The next `limit` open cases (in none of the `terminal` states, isTerminalState) after
 * `after` (by id), of one regime or all.
 */
export async function openCasesAfter(
  db: Conn,
  terminal: readonly string[],
  after: string | null,
  limit: number,
  policyId: string | null,
): Promise<OpenCaseFacts[]> {
  const { rows } = await sql<OpenCaseFacts>`
    select c.id, c.state, c.policy_id as "policyId", c.policy_version as "policyVersion",
           to_char(c.conduct_date, 'YYYY-MM-DD') as "conductDate",
           to_char(c.conduct_end_date, 'YYYY-MM-DD') as "conductEndDate",
           c.determination ->> 'outcome' as "recordedOutcome",
           c.determination is not null as recorded,
           coalesce((select json_agg(json_build_object('fact_id', f.fact_id, 'value', f.value))
                       from case_facts f where f.case_id = c.id), '[]'::json) as facts
      from cases c
     where c.state <> all(${terminal}::text[])
       and (${after}::uuid is null or c.id > ${after}::uuid)
       and (${policyId}::text is null or c.policy_id = ${policyId}::text)
     order by c.id
     limit ${limit}`.execute(db);
  return rows;
}

/** How many open cases there are, for the progress bar. */
export async function countOpenCases(
  db: Conn,
  terminal: readonly string[],
  policyId: string | null,
): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::float8 as n from cases
     where state <> all(${terminal}::text[])
       and (${policyId}::text is null or policy_id = ${policyId}::text)`.execute(db);
  return rows[0]!.n;
}
