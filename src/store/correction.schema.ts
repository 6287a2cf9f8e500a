// 纠错 (migrations 0008, 0009): the correction and its records.
// The tables' row types; `Database` in schema.ts names them.

import type { ColumnType, Generated } from 'kysely';
import type { DateOnly, StoredFileColumns, TenantKey } from './column-types.ts';

export interface CorrectionTable {
  id: Generated<string>;
  case_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  /** The article that opened it (第十六条 in the emergency regime). */
  article: number;
  opened_at: Generated<Date>;
  /** A state of src/domain/correction/ (migration 0008). */
  state: Generated<string>;
  /** 纠错对象: the case's officer. */
  officer_id: string;
  /** The case's unit, which issues the notice and closes the correction. */
  unit_id: string;
  /** The day the 纠错通知 was issued; null while the correction awaits it. */
  notified_on: ColumnType<DateOnly | null, DateOnly | null | undefined, DateOnly | null>;
  /** 整改期限: the last day to complete; moved by an approved extension. */
  due: ColumnType<DateOnly | null, DateOnly | null | undefined, DateOnly | null>;
  /** The day the unit checked the work and closed the correction. */
  closed_on: ColumnType<DateOnly | null, DateOnly | null | undefined, DateOnly | null>;
  version: Generated<number>;
}

/** The correction procedure's records (migration 0009, src/domain/correction/). */
export interface CorrectionNoticeTable {
  correction_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  /** 纠错事由. */
  reason: string;
  /** 纠错要求或者建议. */
  requirements: string;
  /** 责任科室或个人. */
  responsible: string;
  days: number;
  counting: string;
  notified_on: DateOnly;
  /** The deadline the notice set (corrections.due moves with an approved extension). */
  due: DateOnly;
  /** The N-th day, when it fell on a rest day and the deadline moved past it. */
  extended_from: DateOnly | null;
  issued_by: string;
  issued_at: Date;
}

/** 纠错事项. */
export interface CorrectionItemTable {
  id: Generated<string>;
  correction_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  position: number;
  text: string;
  done: Generated<boolean>;
  note: string | null;
  done_on: DateOnly | null;
}

export interface CorrectionProgressReportTable {
  id: Generated<string>;
  correction_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  reported_on: DateOnly;
  text: string;
  item_ids: string[];
  reported_by: string;
  created_at: Date;
}

/** A file attached to a progress report. */
export interface CorrectionEvidenceTable extends StoredFileColumns {
  id: Generated<string>;
  report_id: string;
  correction_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  uploaded_at: Date;
}

export interface CorrectionCompletionTable {
  id: Generated<string>;
  correction_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  summary: string;
  claimed_on: DateOnly;
  claimed_by: string;
  created_at: Date;
}

export interface CorrectionSendBackTable {
  id: Generated<string>;
  correction_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  reason: string;
  sent_back_on: DateOnly;
  sent_back_by: string;
  created_at: Date;
}

/** The check that closed a correction, with the lessons (第十七条). */
export interface CorrectionClosingTable {
  correction_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  closed_on: DateOnly;
  result: string;
  cause_analysis: string;
  improvements: string;
  closed_by: string;
  created_at: Date;
}

/** 延长整改期限: asked, then approved or refused. */
export interface CorrectionExtensionTable {
  id: Generated<string>;
  correction_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  reason: string;
  requested_due: DateOnly;
  requested_on: DateOnly;
  requested_by: string;
  state: Generated<string>;
  decided_on: DateOnly | null;
  new_due: DateOnly | null;
  decision_reason: string | null;
  decided_by: string | null;
  created_at: Date;
}

/** 跟踪了解 (第十八条). */
export interface CorrectionFollowUpTable {
  id: Generated<string>;
  correction_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  method: string;
  checked_on: DateOnly;
  findings: string;
  recorded_by: string;
  created_at: Date;
}

/** What the daily job raised: a reminder before the deadline, or an overdue warning. */
export interface CorrectionReminderTable {
  id: Generated<string>;
  correction_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  kind: string;
  on_day: DateOnly;
  due: DateOnly;
  created_at: Date;
}
