// 信访举报 over HTTP (/api/v1/reports; .local/report-api.md): the list, one report as its
// reader sees it (ReportDetail, also the answer to every step, so a page never reads it
// again), the reporter's identity (petitions staff only), the body of each step, and the
// Chinese labels of its codes. No answer but ReporterIdentity ever holds the identity:
// ReportDetail says only whether the report is named and whether the reader may open it.

import { REPORT_ACTIONS, REPORT_STEP_LABELS } from '../domain/report/report-actions.ts';
import { MAX_REPORT_OFFICERS } from '../domain/report/decide-report.ts';
/** The findings with which a malice kind may be recorded (the finding form offers it then). */
export { FINDINGS_WITH_MALICE } from '../domain/report/report-machine.ts';
import { CLEARANCE_BASES } from '../domain/clearance/clearance-machine.ts';
import {
  DEADLINE_COUNTINGS,
  DEADLINE_STATUSES,
  DISCLOSURE_SCOPES,
  DISCLOSURE_SCOPE_LABELS,
  FEEDBACK_CHANNELS,
  FEEDBACK_CHANNEL_LABELS,
  MALICE_KINDS,
  MALICE_KIND_LABELS,
  REPORT_CHANNELS,
  REPORT_CHANNEL_LABELS,
  REPORT_FINDINGS,
  REPORT_FINDING_LABELS,
  REPORT_STATES,
  REPORT_STATE_LABELS,
} from '../domain/vocabulary.ts';
import {
  DateOnly,
  DateTime,
  Int,
  Named,
  Nullable,
  NullableObject,
  StringEnum,
  Text,
  Type,
  Uuid,
  type Static,
  texts,
} from './schema-kit.ts';

export {
  DISCLOSURE_SCOPES,
  DISCLOSURE_SCOPE_LABELS,
  FEEDBACK_CHANNELS,
  FEEDBACK_CHANNEL_LABELS,
  MALICE_KINDS,
  MALICE_KIND_LABELS,
  MAX_REPORT_OFFICERS,
  REPORT_ACTIONS,
  REPORT_CHANNELS,
  REPORT_CHANNEL_LABELS,
  REPORT_FINDINGS,
  REPORT_FINDING_LABELS,
  REPORT_STATES,
  REPORT_STATE_LABELS,
  REPORT_STEP_LABELS,
};
export type { ReportAction } from '../domain/report/report-actions.ts';
export type {
  DisclosureScope,
  FeedbackChannel,
  MaliceKind,
  ReportChannel,
  ReportFinding,
  ReportState,
} from '../domain/vocabulary.ts';

/** A report's version as the client read it; a new report has version 0. */
const ExpectedVersion = Int({ minimum: 0 });

// ---------------------------------------------------------------- answers

export const ReportSummary = Type.Object({
  ...texts('id', 'number'),
  /** The handling unit. */
  unit: Named,
  receivedOn: DateOnly,
  channel: StringEnum(REPORT_CHANNELS),
  channelLabel: Type.String(),
  /** 实名 (true) or 匿名; never who. */
  named: Type.Boolean(),
  /** The people the report accuses. */
  officers: Type.Array(Named),
  state: StringEnum(REPORT_STATES),
  stateLabel: Type.String(),
  finding: Nullable(StringEnum(REPORT_FINDINGS)),
  findingLabel: Nullable(Type.String()),
  /** The last day to give a named reporter feedback; null for an anonymous report. */
  feedbackDue: Nullable(DateOnly),
  /** Named and not closed: due soon (within 7 calendar days) or overdue against today; else null. */
  dueStatus: Nullable(StringEnum(DEADLINE_STATUSES)),
  dueStatusLabel: Nullable(Type.String()),
  /** Calendar days from today in China to feedbackDue (negative once past); null without one. */
  daysLeft: Nullable(Type.Integer()),
  /** The 容错 case opened because of the report, if linked. */
  caseId: Nullable(Type.String()),
  caseNumber: Nullable(Type.String()),
  /** The step that moves it on (记录查处结论, 向实名举报人反馈…); null once closed. */
  nextStep: Nullable(StringEnum(REPORT_ACTIONS)),
  nextStepLabel: Nullable(Type.String()),
  version: Type.Integer(),
});
export type ReportSummary = Static<typeof ReportSummary>;

export const ReportList = Type.Object(
  { total: Type.Integer(), items: Type.Array(ReportSummary) },
  { description: '信访举报列表 / a page of reports' },
);
export type ReportList = Static<typeof ReportList>;

const Attachment = Type.Object({
  /** The file's name to those who handle the report; 举报材料N to the other readers. */
  ...texts('id', 'fileName', 'contentType', 'sha256'),
  size: Type.Integer(),
  uploadedAt: DateTime,
  uploadedBy: Named,
});

const Finding = Type.Object({
  finding: StringEnum(REPORT_FINDINGS),
  findingLabel: Type.String(),
  reasons: Type.String(),
  foundOn: DateOnly,
  /** 恶意中伤、诬告陷害、恶意炒作和诽谤; only with an untrue or unfounded finding. */
  malice: Nullable(StringEnum(MALICE_KINDS)),
  maliceLabel: Nullable(Type.String()),
  /** The decided case a tolerated finding rests on. */
  decidedCase: NullableObject(
    Type.Object({
      ...texts('id', 'number'),
      conclusion: Nullable(Type.String()),
      conclusionLabel: Nullable(Type.String()),
    }),
  ),
});

const Closing = Type.Object({
  closedOn: DateOnly,
  /** 向实名举报人反馈: named reports. */
  feedback: NullableObject(
    Type.Object({
      channel: StringEnum(FEEDBACK_CHANNELS),
      channelLabel: Type.String(),
      /** What the reporter was told; null to whoever does not handle the report (withheld). */
      content: Nullable(Type.String()),
      /** Why the feedback came after its limit; null when on time, or withheld. */
      lateReason: Nullable(Type.String()),
    }),
  ),
  /** 在一定范围内说明情况: anonymous reports found untrue, unfounded or tolerated. */
  explanation: NullableObject(
    Type.Object({
      scope: StringEnum(DISCLOSURE_SCOPES),
      scopeLabel: Type.String(),
      content: Type.String(),
    }),
  ),
  /** A plain close (anonymous reports found true or partly true). */
  closeReason: Nullable(Type.String()),
});

const Referral = Type.Object({
  referredOn: DateOnly,
  /** The 纪检监察 organ it went to. */
  referredTo: Type.String(),
  /** Null when none, or withheld. */
  note: Nullable(Type.String()),
});

/** A clearance decided on the report (澄清正名, src/contract/clearance.schemas.ts for the whole). */
const ReportClearance = Type.Object({
  id: Type.String(),
  officer: Named,
  state: Type.String(),
  stateLabel: Type.String(),
  decidedOn: DateOnly,
});

export const ReportDetail = Type.Object(
  {
    ...ReportSummary.properties,
    /** 举报内容摘要: what the officers are accused of. */
    summary: Type.String(),
    createdBy: Named,
    createdAt: DateTime,
    attachments: Type.Array(Attachment),
    finding: NullableObject(Finding),
    closing: NullableObject(Closing),
    referral: NullableObject(Referral),
    /** Whether it is named, and whether the reader may open the identity; never the identity. */
    reporter: Type.Object({ named: Type.Boolean(), readable: Type.Boolean() }),
    /**
     * Whether what may carry the reporter's identity is kept from this reader: the feedback's
     * content, a late reason, the referral's note, the files' names and contents (only those
     * who handle the report read them).
     */
    withheld: Type.Boolean(),
    clearances: Type.Array(ReportClearance),
    /**
     * The 澄清正名 the reader may decide now (petitions staff or the secretary, on a finding
     * of malice or of 容错免责): its basis and the accused not yet cleared; null otherwise.
     */
    clearanceOffer: NullableObject(
      Type.Object({
        basis: StringEnum(CLEARANCE_BASES),
        basisLabel: Type.String(),
        officers: Type.Array(Named),
      }),
    ),
    /** The steps the reader may take now (REPORT_STEP_LABELS for their buttons). */
    actions: Type.Array(StringEnum(REPORT_ACTIONS)),
    /** The handling unit's regime at receipt, and its feedback limit in words. */
    policy: Type.Object({
      id: Type.String(),
      version: Type.Integer(),
      /** 第十九条. */
      article: Type.String(),
      feedbackDays: Type.Integer(),
      feedbackCounting: StringEnum(DEADLINE_COUNTINGS),
      /** 60 个自然日. */
      feedbackLimitText: Type.String(),
      /** Named: 自2026年3月2日起60日，至2026年5月1日届满; null for an anonymous report. */
      feedbackCountingText: Nullable(Type.String()),
      /** Where the limit comes from when the article does not state it. */
      feedbackNote: Nullable(Type.String()),
    }),
    /** Today in China: the latest day a form's date may take, and its default. */
    today: DateOnly,
  },
  { description: '信访举报详情：读者此刻所见 / a report as its reader sees it now' },
);
export type ReportDetail = Static<typeof ReportDetail>;

export const ReporterIdentity = Type.Object(
  { ...texts('name', 'contact', 'address') },
  { description: '举报人身份信息（仅信访举报工作人员，每次查阅均记入审计）/ the reporter' },
);
export type ReporterIdentity = Static<typeof ReporterIdentity>;

export const ReportAttachmentRow = Type.Object(
  {
    ...texts('id', 'fileName', 'contentType', 'sha256'),
    size: Type.Integer(),
    version: Type.Integer(),
  },
  { description: '举报材料 / a file attached to a report' },
);
export type ReportAttachmentRow = Static<typeof ReportAttachmentRow>;

// ---------------------------------------------------------------- requests

export const ReportListQuery = Type.Object(
  {
    state: Type.Optional(StringEnum(REPORT_STATES)),
    named: Type.Optional(Type.Boolean()),
    /** Only those accusing this person. */
    officerId: Type.Optional(Uuid),
    /** Only named reports not closed past their feedback deadline. */
    overdue: Type.Optional(Type.Boolean()),
    /** Only those not closed that the reader handles (the petitions staff): the to-do list. */
    todo: Type.Optional(Type.Boolean()),
    page: Type.Optional(Int({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Int({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type ReportListQuery = Static<typeof ReportListQuery>;

export const ReportParams = Type.Object({ id: Uuid });
export const ReportAttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid });

const LongText = Text(5000, 1);

export const ReceiveReportBody = Type.Object(
  {
    /** The handling unit: the staffer's own when absent, else one below it. */
    unitId: Type.Optional(Uuid),
    receivedOn: DateOnly,
    channel: StringEnum(REPORT_CHANNELS),
    named: Type.Boolean(),
    /** Required iff named (REPORTER_REQUIRED); refused for an anonymous report. */
    reporter: Type.Optional(
      Type.Object(
        {
          name: Text(100),
          contact: Text(200),
          address: Type.Optional(Text(500)),
        },
        { additionalProperties: false },
      ),
    ),
    /** 举报内容摘要: what the officers are accused of; not who reported it. */
    summary: LongText,
    officerIds: Type.Array(Uuid, { minItems: 1, maxItems: MAX_REPORT_OFFICERS }),
    caseId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ReceiveReportBody = Static<typeof ReceiveReportBody>;

export const LinkCaseBody = Type.Object(
  { expectedVersion: ExpectedVersion, caseId: Type.Union([Uuid, Type.Null()]) },
  { additionalProperties: false },
);
export type LinkCaseBody = Static<typeof LinkCaseBody>;

export const FindingBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    finding: StringEnum(REPORT_FINDINGS),
    reasons: LongText,
    foundOn: DateOnly,
    malice: Type.Optional(Nullable(StringEnum(MALICE_KINDS))),
    /** Required iff the finding is tolerated: the decided case it rests on. */
    decidedCaseId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  },
  { additionalProperties: false },
);
export type FindingBody = Static<typeof FindingBody>;

export const FeedbackBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    givenOn: DateOnly,
    channel: StringEnum(FEEDBACK_CHANNELS),
    content: LongText,
    /** Required when givenOn is after the feedback deadline (FEEDBACK_LATE_REASON_REQUIRED). */
    lateReason: Type.Optional(Nullable(Text(5000))),
  },
  { additionalProperties: false },
);
export type FeedbackBody = Static<typeof FeedbackBody>;

export const ExplanationBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    givenOn: DateOnly,
    scope: StringEnum(DISCLOSURE_SCOPES),
    content: LongText,
  },
  { additionalProperties: false },
);
export type ExplanationBody = Static<typeof ExplanationBody>;

export const CloseReportBody = Type.Object(
  { expectedVersion: ExpectedVersion, closedOn: DateOnly, reason: LongText },
  { additionalProperties: false },
);
export type CloseReportBody = Static<typeof CloseReportBody>;

export const ReferralBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    referredOn: DateOnly,
    referredTo: Text(200, 1),
    note: Type.Optional(Nullable(Text(5000))),
  },
  { additionalProperties: false },
);
export type ReferralBody = Static<typeof ReferralBody>;

/** The file is the request's body with its own content type, as a case's evidence. */
export const ReportAttachmentQuery = Type.Object(
  { filename: Text(255, 1) },
  { additionalProperties: false },
);
export type ReportAttachmentQuery = Static<typeof ReportAttachmentQuery>;
