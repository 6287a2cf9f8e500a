// The case tables of docs/design/case-procedure.md (migration 0001 and after): the case,
// its facts, evidence, assessment, decision, notices, recusals, reviews, publication,
// objections and enforcement error records, and the series its numbers come from (0007).

import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { DateOnly, JsonWithDefault, StoredFileColumns, TenantKey } from './column-types.ts';

/** The last case number given in each prefix's series and year (0007). */
export interface CaseNumberCounterTable {
  prefix: string;
  year: number;
  last_number: number;
}

export interface CaseTable {
  id: Generated<string>;
  /**
   * 锡盟应急容〔2026〕5号 (migration 0007, src/domain/case/case-number.ts); cases opened
   * before keep RC-<year>-<000001>, which was the column's default.
   */
  number: Generated<string>;
  unit_id: string;
  /** The distribution key: its top-level unit (盟市), set by the database (0020). */
  tenant_unit_id: TenantKey;
  /** The officer whose conduct the case is about. */
  officer_id: string;
  /** The officer who applied; null exactly when origin is 'initiation'. */
  applicant_id: string | null;
  origin: string;
  policy_id: string;
  policy_version: number;
  state: string;
  title: string;
  conduct: string;
  /** The day of the conduct, or the first day of a period (migration 0004). */
  conduct_date: DateOnly;
  /** The last day of a conduct over a period; null for one day. */
  conduct_end_date: DateOnly | null;
  enforcement_action: string;
  /** The engine's determination recorded at submit_for_decision, with policy and explanation. */
  determination: ColumnType<unknown, string | null | undefined, string | null>;
  /** The last day to raise an objection; set when the last notification is sent. */
  objection_due: DateOnly | null;
  /** The day of submit_for_decision: the earliest a meeting may be dated (0006). */
  submitted_for_decision_on: ColumnType<
    DateOnly | null,
    DateOnly | null | undefined,
    DateOnly | null
  >;
  /** 执法领域: a code of the version's taxonomy; null until classified (migration 0008). */
  field: ColumnType<string | null, string | null | undefined, string | null>;
  /** 错误类型: a code of the version's taxonomy; null until classified (migration 0008). */
  error_type: ColumnType<string | null, string | null | undefined, string | null>;
  /** Optimistic concurrency: every write sets version = version + 1 where version = read. */
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CaseFactTable {
  case_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  fact_id: string;
  /** true, false, or null for 未查明 (recorded as not established). */
  value: boolean | null;
  note: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

export interface EvidenceTable extends StoredFileColumns {
  id: Generated<string>;
  case_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  fact_id: string | null;
  uploaded_at: Generated<Date>;
}

export interface AssessmentTable {
  case_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  factor: string;
  finding: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

export interface DecisionTable {
  id: Generated<string>;
  case_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  meeting_date: DateOnly;
  members: string[];
  conclusion: string;
  engine_outcome: string | null;
  departure_reason: string | null;
  /** True for the row an objection review appends when it changes the conclusion. */
  on_review: Generated<boolean>;
  /** Members recorded as recused (回避), [{ name, reason }] (0006). */
  recused_members: JsonWithDefault<{ name: string; reason: string }[]>;
  decided_by: string;
  decided_at: Generated<Date>;
}

export interface NotificationTable {
  id: Generated<string>;
  case_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  recipient_kind: string;
  /** The officer's user id or the related unit's id, per recipient_kind. */
  recipient: string;
  from_date: DateOnly;
  days: number;
  counting: string;
  due: DateOnly;
  provisional: Generated<boolean>;
  /** The day of the notice, from which the objection period counts. */
  sent_on: DateOnly | null;
  sent_at: Date | null;
  sent_by: string | null;
  /** 送达方式 (DELIVERY_METHODS); null for notices served before migration 0006. */
  delivery_method: ColumnType<string | null, string | null | undefined, string | null>;
  /** 受送达人: the person served, or who signed for a unit. */
  delivered_to: ColumnType<string | null, string | null | undefined, string | null>;
  /** Why it was delivered after its due date. */
  late_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The N-th day when it fell on a rest day and the due date moved past it. */
  extended_from: ColumnType<DateOnly | null, DateOnly | null | undefined, DateOnly | null>;
  /** 'holiday' or 'weekend': what that day was; null when not known (before 0006). */
  extension_rest: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 回避: a person standing aside from a case (0006). */
export interface CaseRecusalTable {
  id: Generated<string>;
  case_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  user_id: string;
  /** requested (申请回避), self (自行回避), decided (决定回避). */
  kind: string;
  reason: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

/** 法制审核意见 / 纪检监察意见 recorded before the decision, one per kind (0006). */
export interface CaseReviewTable {
  case_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  /** legal or discipline. */
  kind: string;
  opinion: string;
  /** Whether the reviewer agrees with the engine's determination. */
  agrees: boolean;
  reviewed_on: DateOnly;
  reviewed_by: string;
  reviewed_at: Generated<Date>;
}

export interface PublicationTable {
  id: Generated<string>;
  case_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  /** One of the policy's publication scopes (本单位, 本系统, 社会公开, ...). */
  scope: string;
  published_on: DateOnly;
  published_at: Generated<Date>;
  published_by: string;
  /** The published text, personal information redacted (0005). */
  text: string;
  /** Who may read it: 'organ' (本单位), 'system' (本系统) or 'public' (社会公开) (0005). */
  circle: string;
  /** The organ and the system of the case's unit on the day it was published (0005). */
  organ_unit_id: string;
  system_unit_id: string;
  /** 公示期: days and counting per the policy, and its last day; null on rows from before 0005. */
  period_days: number | null;
  period_counting: string | null;
  period_end: DateOnly | null;
  period_provisional: Generated<boolean>;
}

export interface ObjectionTable {
  id: Generated<string>;
  case_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  raised_by: string;
  raised_on: DateOnly;
  raised_at: Generated<Date>;
  reason: string;
  due: DateOnly;
  /** The state the case returns to after review. */
  return_to: string;
  result: string | null;
  reviewed_by: string | null;
  reviewed_on: DateOnly | null;
  reviewed_at: Date | null;
}

export interface EnforcementErrorRecordTable {
  id: Generated<string>;
  case_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  officer_id: string;
  /** The article that requires it (第十五条 in the emergency regime). */
  article: number;
  created_at: Generated<Date>;
  /** Set when an objection review changes the conclusion to one that excludes it. */
  revoked_at: Date | null;
}

export type CaseRow = Selectable<CaseTable>;
export type NewCase = Insertable<CaseTable>;
export type CaseUpdate = Updateable<CaseTable>;
