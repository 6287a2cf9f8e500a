// 文号 of official documents (migration 0016, src/domain/document/).
// The table's row type; `Database` in schema.ts names it.

import type { Generated } from 'kysely';

export interface DocumentNumberTable {
  /** A DOCUMENT_KINDS id of a numbered kind. */
  kind: string;
  /** What the number is kept for: the case, correction, warning, report or clearance. */
  subject_id: string;
  /** The issuing unit. */
  unit_id: string;
  /** 锡盟应急容决〔2026〕3号. */
  number: string;
  year: number;
  assigned_at: Generated<Date>;
}
