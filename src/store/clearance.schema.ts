// 澄清正名 (migration 0015, src/domain/clearance/): the clearance of an officer a report accused.
// The table's row type; `Database` in schema.ts names it.

import type { Generated } from 'kysely';
import type { DateOnly, Optional, TenantKey } from './column-types.ts';

export interface ClearanceTable {
  id: Generated<string>;
  report_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  /** The officer cleared: one of the report's officers. */
  officer_id: string;
  /** The deciding unit: the report's handling unit. */
  unit_id: string;
  /** CLEARANCE_BASES: 'malicious' or 'tolerated'. */
  basis: string;
  /** 澄清的事实和结论. */
  findings: string;
  /** DISCLOSURE_SCOPES: how far the accusation reached, and how far the clearance goes. */
  accusation_reach: string;
  scope: string;
  /** CLEARANCE_METHODS, at least one. */
  methods: string[];
  decided_on: DateOnly;
  /** The day the officer asked to be cleared (required on the tolerated basis). */
  requested_on: Optional<DateOnly>;
  /** The 澄清正名通报 as decided. */
  notice_text: string;
  /** CLEARANCE_STATES. */
  state: Generated<string>;
  carried_out_on: Optional<DateOnly>;
  carried_out_note: Optional<string>;
  carried_out_by: Optional<string>;
  decided_by: string;
  decided_at: Generated<Date>;
  version: Generated<number>;
}
