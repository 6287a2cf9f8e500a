// The database as Kysely sees it: every table by name. Each area's tables are typed in
// its own *.schema.ts; the SQL that makes them, with their constraints, is in
// migrations/ (0001_initial.ts and after); keep the two in step.
//
// Conventions: ids are uuid strings; `*_at` columns are timestamptz, read as Date;
// `date` columns (`*_on`, `*_date`, `due`) are 'YYYY-MM-DD' strings, the domain's
// CalendarDate (see pg-types.ts); bigint reads as number. Enumerations are plain strings
// here, checked by the database and by the domain's guards (src/domain/case/case-state.ts).

import type {
  AccountSecretTable,
  LoginNameStateTable,
  SessionTable,
  SignInFailureTable,
  UnitTable,
  UserTable,
} from './account.schema.ts';
import type { AuditEventTable, AuditPendingTable } from './audit.schema.ts';
import type {
  AssessmentTable,
  CaseFactTable,
  CaseNumberCounterTable,
  CaseRecusalTable,
  CaseReviewTable,
  CaseTable,
  DecisionTable,
  EnforcementErrorRecordTable,
  EvidenceTable,
  NotificationTable,
  ObjectionTable,
  PublicationTable,
} from './case.schema.ts';
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
import type { IdempotencyKeyTable } from './idempotency.schema.ts';
import type { JobTable } from './job.schema.ts';

export type { DateOnly, Json, JsonWithDefault, Optional, TenantKey } from './column-types.ts';
export type { UserTable } from './account.schema.ts';
export type { AuditEventRow } from './audit.schema.ts';
export type { CaseRow, CaseUpdate, NewCase } from './case.schema.ts';
export type { JobRow } from './job.schema.ts';

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
