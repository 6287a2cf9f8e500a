// 信访举报 (migration 0014, src/domain/report/): the report, its officers and attachments.
// The tables' row types; `Database` in schema.ts names them.

import type { Generated } from 'kysely';
import type { DateOnly, Optional, StoredFileColumns, TenantKey } from './column-types.ts';

export interface ReportTable {
  id: Generated<string>;
  /** 锡盟应急容举〔2026〕3号: the unit's case-number prefix, 举, the year and a sequence. */
  number: string;
  /** The handling unit. */
  unit_id: string;
  /** The distribution key: its top-level unit (盟市), set by the database (0020). */
  tenant_unit_id: TenantKey;
  /** The unit's regime on the day of receipt: it sets the feedback limit. */
  policy_id: string;
  policy_version: number;
  received_on: DateOnly;
  /** REPORT_CHANNELS. */
  channel: string;
  /** 实名 (true) or 匿名. */
  named: boolean;
  /** The reporter's {name, contact, address} as JSON, sealed; null iff anonymous. */
  reporter_sealed: Optional<string>;
  /** The identity key that sealed it (`rongcuo keys rotate` re-seals by it). */
  reporter_key_id: Optional<string>;
  /** 举报内容摘要: what the officers are accused of, never who reported it. */
  summary: string;
  /** A 容错 case opened because of the report. */
  case_id: Optional<string>;
  /** REPORT_STATES. */
  state: Generated<string>;
  /** The last day to give a named reporter feedback; null for anonymous reports. */
  feedback_due: Optional<DateOnly>;
  /** REPORT_FINDINGS; null while received. */
  finding: Optional<string>;
  finding_reasons: Optional<string>;
  found_on: Optional<DateOnly>;
  /** MALICE_KINDS; only with an untrue or unfounded finding. */
  malice: Optional<string>;
  /** The decided case whose conclusion the tolerated finding rests on. */
  decided_case_id: Optional<string>;
  closed_on: Optional<DateOnly>;
  /** FEEDBACK_CHANNELS: how a named reporter was told. */
  feedback_channel: Optional<string>;
  feedback_content: Optional<string>;
  /** Why feedback was given after feedback_due. */
  late_reason: Optional<string>;
  /** DISCLOSURE_SCOPES: where an anonymous report was explained. */
  explanation_scope: Optional<string>;
  explanation_content: Optional<string>;
  close_reason: Optional<string>;
  /** 移送纪检监察. */
  referred_on: Optional<DateOnly>;
  referred_to: Optional<string>;
  referral_note: Optional<string>;
  created_by: string;
  created_at: Generated<Date>;
  /** Optimistic concurrency, as corrections have it. */
  version: Generated<number>;
}

/** The officers a report accuses. */
export interface ReportOfficerTable {
  report_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  officer_id: string;
}

/** A file received with or gathered for a report, kept as a case's evidence is. */
export interface ReportAttachmentTable extends StoredFileColumns {
  id: Generated<string>;
  report_id: string;
  /** The distribution key, its parent's, set by the database on insert (0020). */
  tenant_unit_id: TenantKey;
  uploaded_at: Generated<Date>;
}

/** The tables of 信访举报, as the Database type holds them (schema.ts). */
export interface ReportTables {
  reports: ReportTable;
  report_officers: ReportOfficerTable;
  report_attachments: ReportAttachmentTable;
}
