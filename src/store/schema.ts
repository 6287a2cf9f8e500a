// The tables of docs/design/case-procedure.md as Kysely sees them. The SQL that makes
// them, with their constraints, is in migrations/0001_initial.ts; keep the two in step.
//
// Conventions: ids are uuid strings; `*_at` columns are timestamptz, read as Date;
// `date` columns (`*_on`, `*_date`, `due`) are 'YYYY-MM-DD' strings, the domain's
// CalendarDate (see pg-types.ts); bigint reads as number. Enumerations are plain strings
// here, checked by the database and by the domain's guards (src/domain/case/case-state.ts).

import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  CorrectionClosingTable,
  CorrectionCompletionTable,
  CorrectionEvidenceTable,
  CorrectionExtensionTable,
  CorrectionFollowUpTable,
  CorrectionItemTable,
  CorrectionNoticeTable,
  CorrectionProgressReportTable,
  CorrectionReminderTable,
  CorrectionSendBackTable,
  CorrectionTable,
} from './correction.schema.ts';
import type {
  StatisticsCaseCountTable,
  StatisticsCorrectionCountTable,
  StatisticsOpenCorrectionDueTable,
  StatisticsStageDaysTable,
} from './statistics.schema.ts';
import type { ReportTables } from './report.schema.ts';
import type { ClearanceTable } from './clearance.schema.ts';
import type { DocumentNumberTable } from './document.schema.ts';
import type { CaseEvaluationTable } from './case-evaluation.schema.ts';
import type { TypicalCaseTable } from './typical-case.schema.ts';
import type {
  WarningCaseTable,
  WarningRecipientTable,
  WarningRuleSetTable,
  WarningRuleTable,
  WarningTable,
} from './warning.schema.ts';

import type { DateOnly, JsonWithDefault } from './column-types.ts';
export type { DateOnly, Json, JsonWithDefault, Optional } from './column-types.ts';

/**
 * The distribution key (migration 0020; docs/ARCHITECTURE.md, "From one machine to a
 * cluster"): the top-level unit (盟市) a case, a report and every row of theirs belong to. A
 * trigger fills it on insert from the row's unit or parent, so writers may leave it out; it
 * never changes.
 */
export type TenantKey = ColumnType<string, string | undefined, never>;

export interface UnitTable {
  id: Generated<string>;
  /** null for a root (盟); the tree is 盟 → 局 → 科室 / 旗县局. */
  parent_id: string | null;
  name: string;
  kind: string;
  /** null: follow the nearest ancestor's policy. */
  policy_id: string | null;
  /** The prefix of its case numbers (锡盟应急容); null: the nearest ancestor's (0007). */
  case_number_prefix: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The last case number given in each prefix's series and year (0007). */
export interface CaseNumberCounterTable {
  prefix: string;
  year: number;
  last_number: number;
}

export interface UserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  unit_id: string;
  roles: ColumnType<string[], string[] | undefined, string[]>;
  /** 执法证号, unique where present. */
  badge_number: string | null;
  failed_logins: Generated<number>;
  /** The last failure counted toward the lockout (migration 0003). */
  last_failed_login_at: Date | null;
  locked_until: Date | null;
  password_changed_at: Date | null;
  /** Set by an administrator's new or reset password: the user changes it first (0003). */
  must_change_password: Generated<boolean>;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
}

/** The login state of a typed name that is no account, by its keyed hash (0003). */
export interface LoginNameStateTable {
  name_hash: string;
  failed_logins: Generated<number>;
  last_failed_at: Date | null;
  locked_until: Date | null;
}

/** Failed sign-ins counted per subject and window, audited in aggregate (0003). */
export interface SignInFailureTable {
  window_start: Date;
  /** `account:<user id>` or `name:<keyed hash of the typed name>`. */
  subject: string;
  failures: Generated<number>;
  refused_locked: Generated<number>;
  lockouts: Generated<number>;
}

/** Keys the application keeps in its database, e.g. the key of typed names' hashes (0003). */
export interface AccountSecretTable {
  name: string;
  value: string;
}

export interface SessionTable {
  /** The SHA-256 (hex) of the session cookie's token, never the token itself. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
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

export interface EvidenceTable {
  id: Generated<string>;
  case_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  fact_id: string | null;
  filename: string;
  content_type: string;
  size: number;
  /** Hex SHA-256 of `content`. */
  sha256: string;
  content: Buffer;
  uploaded_by: string;
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

export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  request_hash: string;
  /** The response replayed for a repeated request; null while the first is in flight. */
  response: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Generated<Date>;
}

export interface JobTable {
  id: Generated<string>;
  kind: string;
  run_at: Date;
  claimed_by: string | null;
  claimed_at: Date | null;
  done_at: Date | null;
  payload: JsonWithDefault;
}

export interface AuditEventTable {
  seq: Generated<number>;
  at: Generated<Date>;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  data: JsonWithDefault;
  prev_hash: string;
  hash: string;
  /** The exact text hashed into `hash`; null for rows written before migration 0002. */
  canonical: string | null;
  /** The client's address of the request that appended it; null for the system and before 0007. */
  client_address: ColumnType<string | null, string | null | undefined, never>;
}

/** An audit event committed but not yet chained (migration 0018): the chainer's queue. */
export interface AuditPendingTable {
  /** The insertion order, which the chainer keeps. */
  id: Generated<number>;
  at: Date;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  data: JsonWithDefault;
  client_address: string | null;
}

export interface Database extends ReportTables {
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  login_name_states: LoginNameStateTable;
  sign_in_failures: SignInFailureTable;
  account_secrets: AccountSecretTable;
  cases: CaseTable;
  case_facts: CaseFactTable;
  evidence: EvidenceTable;
  assessments: AssessmentTable;
  decisions: DecisionTable;
  notifications: NotificationTable;
  case_recusals: CaseRecusalTable;
  case_reviews: CaseReviewTable;
  publications: PublicationTable;
  objections: ObjectionTable;
  corrections: CorrectionTable;
  correction_notices: CorrectionNoticeTable;
  correction_items: CorrectionItemTable;
  correction_progress_reports: CorrectionProgressReportTable;
  correction_evidence: CorrectionEvidenceTable;
  correction_completions: CorrectionCompletionTable;
  correction_send_backs: CorrectionSendBackTable;
  correction_closings: CorrectionClosingTable;
  correction_extensions: CorrectionExtensionTable;
  correction_follow_ups: CorrectionFollowUpTable;
  correction_reminders: CorrectionReminderTable;
  enforcement_error_records: EnforcementErrorRecordTable;
  idempotency_keys: IdempotencyKeyTable;
  jobs: JobTable;
  audit_events: AuditEventTable;
  audit_pending: AuditPendingTable;
  case_number_counters: CaseNumberCounterTable;
  warning_rules: WarningRuleTable;
  warning_rule_sets: WarningRuleSetTable;
  warnings: WarningTable;
  warning_cases: WarningCaseTable;
  warning_recipients: WarningRecipientTable;
  typical_cases: TypicalCaseTable;
  statistics_case_counts: StatisticsCaseCountTable;
  statistics_stage_days: StatisticsStageDaysTable;
  statistics_correction_counts: StatisticsCorrectionCountTable;
  statistics_open_correction_dues: StatisticsOpenCorrectionDueTable;
  clearances: ClearanceTable;
  document_numbers: DocumentNumberTable;
  case_evaluations: CaseEvaluationTable;
}

export type CaseRow = Selectable<CaseTable>;
export type NewCase = Insertable<CaseTable>;
export type CaseUpdate = Updateable<CaseTable>;
export type JobRow = Selectable<JobTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
