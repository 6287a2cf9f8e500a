// 典型案例 (migration 0012).
// The tables' row types; `Database` in schema.ts names them.

import type { Generated } from 'kysely';
import type { Json, DateOnly, TenantKey } from './column-types.ts';

/** 典型案例 (migration 0012): a published case kept as an example; a withdrawn mark stays. */
export interface TypicalCaseTable {
  id: Generated<string>;
  case_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  /** The publication whose redacted text the typical case shows, and whose readers read it. */
  publication_id: string;
  policy_id: string;
  policy_version: number;
  /** 执法领域 and 错误类型 of the case when it was marked; null if it was not classified. */
  field: string | null;
  error_type: string | null;
  /** The committee's conclusion, and the engine's outcome recorded at submission. */
  conclusion: string;
  engine_outcome: string | null;
  /** 第X条第（Y）项 of the ground the conclusion rests on; null when none of it held. */
  ground_citation: string | null;
  /** The facts found to hold, [{ factId, citation, text }] in the policy's words. */
  findings: Json<{ factId: string; citation: string; text: string }[]>;
  /** The ids of the facts found to hold, for the likeness of cases. */
  true_facts: string[];
  /** The articles of the findings and of the conclusion's ground. */
  articles: number[];
  /** The day of the meeting that decided (its latest decision). */
  decided_on: DateOnly;
  marked_by: string;
  marked_on: DateOnly;
  marked_at: Generated<Date>;
  withdrawn_by: string | null;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
}
