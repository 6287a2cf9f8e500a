// 警示提醒 (migration 0010): rules, warnings, their cases and recipients.
// The tables' row types; `Database` in schema.ts names them.

import type { Generated } from 'kysely';
import type { DateOnly, TenantKey } from './column-types.ts';

/** 警示规则 (migration 0010): a threshold the system administrator sets (src/domain/warning/). */
export interface WarningRuleTable {
  id: Generated<string>;
  kind: string;
  /** null: the cases of every regime, each counted apart. */
  policy_id: string | null;
  threshold: number;
  months: number;
  enabled: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  updated_by: string | null;
  /** Taken out of the set; kept so that the warnings it raised still name it. */
  removed_at: Date | null;
}

/** The one row holding the rule set's version (0010). */
export interface WarningRuleSetTable {
  id: Generated<boolean>;
  version: Generated<number>;
}

/** 警示提醒 (0010): one per rule, key and window, with the rule's numbers when it fired. */
export interface WarningTable {
  id: Generated<string>;
  rule_id: string;
  kind: string;
  policy_id: string;
  /** same_error_type_in_unit: the unit and the error type; the other kind: the field. */
  unit_id: string | null;
  field: string | null;
  error_type: string | null;
  key: string;
  threshold: number;
  months: number;
  window_from: DateOnly;
  window_to: DateOnly;
  raised_at: Generated<Date>;
}

/** The cases behind a warning, each at most once per rule (0010). */
export interface WarningCaseTable {
  warning_id: string;
  rule_id: string;
  case_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
}

/** The units a warning is addressed to, and each one's acknowledgement (0010). */
export interface WarningRecipientTable {
  warning_id: string;
  unit_id: string;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  /** What the unit will do (防范措施). */
  measures: string | null;
}
