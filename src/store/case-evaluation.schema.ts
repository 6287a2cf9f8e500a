// The engine's live determination on a case, stored when its facts change (migration 0017).
// The table's row type; `Database` in schema.ts names it.

import type { ColumnType, Generated } from 'kysely';
import type { DateOnly } from './column-types.ts';
import type { TenantKey } from './column-types.ts';

export interface CaseEvaluationTable {
  case_id: string;
  policy_id: string;
  policy_version: number;
  /** The digest of the policy version's text and of the engine's revision it was computed with. */
  policy_digest: string;
  /** The determination day (the conduct's last day) it was computed for. */
  as_of: DateOnly;
  /** The fact vector it was computed on, one character per fact of the policy version. */
  facts_key: string;
  /** The CaseDetermination, with its explanation. */
  determination: ColumnType<unknown, string, string>;
  computed_at: Generated<Date>;
  /** The case's 盟市, the distribution key (migration 0020). */
  tenant_unit_id: TenantKey;
}
