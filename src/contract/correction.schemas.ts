// The correction procedure over HTTP (纠错, /api/v1/corrections; .local/correction-api.md):
// the list and to-do list, one correction as its reader sees it (CorrectionDetail, also the
// answer to every step, so a page never reads it again), the body of each step, and the
// Chinese labels of its codes.

import {
  CORRECTION_ACTIONS,
  CORRECTION_ACTION_LABELS,
  type CorrectionAction,
} from '../domain/correction/correction-actions.ts';
import {
  Choice,
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
import {
  CORRECTION_STATES,
  CORRECTION_STATE_LABELS,
  DEADLINE_COUNTINGS,
  DEADLINE_STATUSES,
  EXTENSION_STATES,
  EXTENSION_STATE_LABELS,
  FOLLOW_UP_METHODS,
  FOLLOW_UP_METHOD_LABELS,
} from '../domain/vocabulary.ts';

export {
  CORRECTION_ACTIONS,
  CORRECTION_ACTION_LABELS,
  CORRECTION_STATES,
  CORRECTION_STATE_LABELS,
  EXTENSION_STATES,
  EXTENSION_STATE_LABELS,
  FOLLOW_UP_METHODS,
  FOLLOW_UP_METHOD_LABELS,
  type CorrectionAction,
};
export type { CorrectionState, ExtensionState, FollowUpMethod } from '../domain/vocabulary.ts';

/** The most items a notice lists (纠错事项). */
export const MAX_CORRECTION_ITEMS = 20;

/** A correction's version as the client read it; a new correction has version 0. */
const ExpectedVersion = Int({ minimum: 0 });

// ---------------------------------------------------------------- answers

export const CorrectionSummary = Type.Object({
  ...texts('id', 'caseId', 'caseNumber', 'caseTitle'),
  /** 纠错对象: the case's officer. */
  officer: Named,
  unit: Named,
  state: StringEnum(CORRECTION_STATES),
  stateLabel: Type.String(),
  /** The day the 纠错通知 was issued; null while it awaits the notice. */
  notifiedOn: Nullable(DateOnly),
  /** 整改期限, moved by an approved extension; null before the notice. */
  due: Nullable(DateOnly),
  /**
   * While in progress or awaiting the check: due soon (within the policy's reminder
   * period, counted as the policy counts it) or overdue against today in China; else null.
   */
  dueStatus: Nullable(StringEnum(DEADLINE_STATUSES)),
  dueStatusLabel: Nullable(Type.String()),
  /** Calendar days from today in China to the due date (negative once overdue); null without one. */
  daysLeft: Nullable(Type.Integer()),
  closedOn: Nullable(DateOnly),
  /** An extension request awaits the deciding body. */
  pendingExtension: Type.Boolean(),
  /**
   * On the to-do list (`?todo=true`): the step the reader is to take now (审批延期申请,
   * 验收办结, 下发纠错通知, 报告整改进展…) and its code; null elsewhere.
   */
  todo: Nullable(Type.String()),
  todoAction: Nullable(StringEnum(CORRECTION_ACTIONS)),
  version: Type.Integer(),
});
export type CorrectionSummary = Static<typeof CorrectionSummary>;

export const CorrectionList = Type.Object(
  { total: Type.Integer(), items: Type.Array(CorrectionSummary) },
  { description: '纠错列表 / a page of corrections' },
);
export type CorrectionList = Static<typeof CorrectionList>;

const CorrectionItem = Type.Object({
  id: Type.String(),
  text: Type.String(),
  done: Type.Boolean(),
  /** What the officer said of it, when reported done. */
  note: Nullable(Type.String()),
});
export type CorrectionItem = Static<typeof CorrectionItem>;

const CorrectionNotice = Type.Object({
  /** 纠错事由. */
  reason: Type.String(),
  /** 纠错事项. */
  items: Type.Array(CorrectionItem),
  /** 纠错要求或者建议. */
  requirements: Type.String(),
  /** 责任科室或个人. */
  responsible: Type.String(),
  days: Type.Integer(),
  counting: StringEnum(DEADLINE_COUNTINGS),
  /** How the deadline was counted: 自2026年3月2日起30个工作日，至2026年4月14日届满. */
  countingText: Type.String(),
  notifiedOn: DateOnly,
  /** The deadline the notice set (the correction's `due` moves with an approved extension). */
  due: DateOnly,
  issuedBy: Named,
});
export type CorrectionNotice = Static<typeof CorrectionNotice>;

const ProgressReport = Type.Object({
  id: Type.String(),
  reportedOn: DateOnly,
  text: Type.String(),
  /** The items this report said were done. */
  itemIds: Type.Array(Type.String()),
  by: Named,
  evidence: Type.Array(Type.Object({ ...texts('id', 'fileName'), size: Type.Integer() })),
});
export type ProgressReport = Static<typeof ProgressReport>;

const Extension = Type.Object({
  ...texts('id', 'reason'),
  requestedDue: DateOnly,
  requestedOn: DateOnly,
  requestedBy: Named,
  state: StringEnum(EXTENSION_STATES),
  stateLabel: Type.String(),
  decidedOn: Nullable(DateOnly),
  /** The new deadline, when approved. */
  newDue: Nullable(DateOnly),
  /** Why refused (or a note on the approval). */
  decisionReason: Nullable(Type.String()),
  decidedBy: NullableObject(Named),
});
export type Extension = Static<typeof Extension>;

const FollowUp = Type.Object({
  id: Type.String(),
  method: StringEnum(FOLLOW_UP_METHODS),
  methodLabel: Type.String(),
  checkedOn: DateOnly,
  findings: Type.String(),
  by: Named,
});
export type FollowUp = Static<typeof FollowUp>;

/** What the forms of the correction page need, from the policy and today. */
const CorrectionForms = Type.Object({
  /** Today in China: the latest day a date may take, and the forms' default. */
  today: DateOnly,
  /** The policy's default time to correct, and how it counts (整改期限). */
  defaultDays: Type.Integer(),
  counting: StringEnum(DEADLINE_COUNTINGS),
  /** 30 个工作日. */
  defaultLimitText: Type.String(),
  /** Whether the policy allows extensions at all. */
  extensionAllowed: Type.Boolean(),
  /** The pending extension the deciding body is to decide, if any. */
  pendingExtensionId: Nullable(Type.String()),
  followUpMethods: Type.Array(Choice),
  maxItems: Type.Integer(),
});
export type CorrectionForms = Static<typeof CorrectionForms>;

export const CorrectionDetail = Type.Object(
  {
    ...CorrectionSummary.properties,
    /** The policy version of the case. */
    policyId: Type.String(),
    policyVersion: Type.Integer(),
    /** The articles: the one that opened it, its details, the follow-up (第十六、十七、十八条). */
    citations: Type.Object({
      ...texts('correction', 'details', 'followUp'),
    }),
    openedAt: DateTime,
    notice: NullableObject(CorrectionNotice),
    progressReports: Type.Array(ProgressReport),
    extensions: Type.Array(Extension),
    followUps: Type.Array(FollowUp),
    completion: NullableObject(
      Type.Object({ summary: Type.String(), claimedOn: DateOnly, by: Named }),
    ),
    sendBacks: Type.Array(Type.Object({ reason: Type.String(), on: DateOnly, by: Named })),
    closing: NullableObject(
      Type.Object({
        closedOn: DateOnly,
        /** 验收结果. */
        result: Type.String(),
        /** 第十七条 分析原因、深刻汲取教训. */
        causeAnalysis: Type.String(),
        /** 第十七条 完善制度、健全机制. */
        improvements: Type.String(),
        by: Named,
      }),
    ),
    /** The steps the reader may take now (CORRECTION_ACTION_LABELS for their buttons). */
    allowedActions: Type.Array(StringEnum(CORRECTION_ACTIONS)),
    forms: CorrectionForms,
  },
  { description: '纠错详情：读者此刻所见 / a correction as its reader sees it now' },
);
export type CorrectionDetail = Static<typeof CorrectionDetail>;

export const CorrectionEvidenceRow = Type.Object(
  {
    ...texts('id', 'fileName', 'contentType', 'sha256'),
    size: Type.Integer(),
    version: Type.Integer(),
  },
  { description: '整改证明材料 / a file attached to a progress report' },
);
export type CorrectionEvidenceRow = Static<typeof CorrectionEvidenceRow>;

// ---------------------------------------------------------------- requests

export const CorrectionListQuery = Type.Object(
  {
    state: Type.Optional(StringEnum(CORRECTION_STATES)),
    /** Only those past their deadline and not completed. */
    overdue: Type.Optional(Type.Boolean()),
    /** Only those whose correction object is the reader. */
    mine: Type.Optional(Type.Boolean()),
    /** The reader's to-do list: only those with a step the reader is to take now (`todo`). */
    todo: Type.Optional(Type.Boolean()),
    caseId: Type.Optional(Uuid),
    page: Type.Optional(Int({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Int({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type CorrectionListQuery = Static<typeof CorrectionListQuery>;

export const CorrectionParams = Type.Object({ id: Uuid });
export const ReportParams = Type.Object({ id: Uuid, reportId: Uuid });
export const ExtensionParams = Type.Object({ id: Uuid, extensionId: Uuid });

const LongText = Text(5000, 1);

export const IssueNoticeBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    reason: LongText,
    items: Type.Array(Text(1000, 1), { minItems: 1, maxItems: MAX_CORRECTION_ITEMS }),
    requirements: LongText,
    responsible: Text(200, 1),
    /** Days to correct; the policy's default when absent, counted as the policy counts. */
    days: Type.Optional(Int({ minimum: 1, maximum: 3650 })),
    /** The day the notice was issued (a paper notice recorded later); today when absent. */
    notifiedOn: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type IssueNoticeBody = Static<typeof IssueNoticeBody>;

export const ProgressBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    text: LongText,
    /** The items this report says are done. */
    itemIds: Type.Optional(Type.Array(Uuid, { maxItems: MAX_CORRECTION_ITEMS })),
    /** The day of the report; today when absent. */
    reportedOn: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type ProgressBody = Static<typeof ProgressBody>;

/** The file is the request's body with its own content type, as a case's evidence. */
export const CorrectionEvidenceQuery = Type.Object(
  { filename: Text(255, 1) },
  { additionalProperties: false },
);
export type CorrectionEvidenceQuery = Static<typeof CorrectionEvidenceQuery>;

export const ProgressAnswer = Type.Object({
  reportId: Type.String(),
  version: Type.Integer(),
  correction: CorrectionDetail,
});
export type ProgressAnswer = Static<typeof ProgressAnswer>;

export const CompletionBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    summary: LongText,
    /** The items marked done now, each with a note; every item must then be done. */
    items: Type.Array(
      Type.Object(
        { id: Uuid, note: Type.Optional(Nullable(Text(2000))) },
        {
          additionalProperties: false,
        },
      ),
      { maxItems: MAX_CORRECTION_ITEMS },
    ),
  },
  { additionalProperties: false },
);
export type CompletionBody = Static<typeof CompletionBody>;

export const CloseBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    /** 验收结果. */
    result: LongText,
    /** 原因分析 (第十七条). */
    causeAnalysis: LongText,
    /** 完善制度、健全机制 (第十七条). */
    improvements: LongText,
    /** The day of the check; today when absent. */
    closedOn: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type CloseBody = Static<typeof CloseBody>;

export const SendBackBody = Type.Object(
  { expectedVersion: ExpectedVersion, reason: LongText },
  { additionalProperties: false },
);
export type SendBackBody = Static<typeof SendBackBody>;

export const ExtensionBody = Type.Object(
  { expectedVersion: ExpectedVersion, reason: LongText, requestedDue: DateOnly },
  { additionalProperties: false },
);
export type ExtensionBody = Static<typeof ExtensionBody>;

export const ExtensionDecisionBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    approved: Type.Boolean(),
    /** Approved: the new deadline, later than the current one (the requested one when absent). */
    newDue: Type.Optional(DateOnly),
    /** Refused: why (required); approved: an optional note. */
    reason: Type.Optional(Nullable(Text(5000))),
  },
  { additionalProperties: false },
);
export type ExtensionDecisionBody = Static<typeof ExtensionDecisionBody>;

export const FollowUpBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    method: StringEnum(FOLLOW_UP_METHODS),
    /** Not in the future. */
    checkedOn: DateOnly,
    findings: LongText,
  },
  { additionalProperties: false },
);
export type FollowUpBody = Static<typeof FollowUpBody>;
