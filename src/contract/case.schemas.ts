// What the API answers about cases: lists, the reader's to-do list, one case as its
// reader sees it (CaseDetail, also the answer to every write on a case, so a page never
// reads it again), an officer's record. The requests are in case-requests.schemas.ts, the
// case's next step in next-step.schemas.ts.

import { RECORD_KINDS } from '../domain/case/case-records.ts';
import { TRANSITION_NAMES } from '../domain/case/case-transitions.ts';
import { CaseDetermination, NextQuestion } from './case-determination.schemas.ts';
import { CaseClassification } from './classification.schemas.ts';
import { CaseNextStep } from './next-step.schemas.ts';
import { PublicationDraft } from './publication.schemas.ts';
import { RecordClearance } from './clearance.schemas.ts';
import { CaseRecusal, CaseReview, FairnessForms, RecusedMember } from './fairness.schemas.ts';
import {
  Choice,
  DateOnly,
  DateTime,
  Nullable,
  NullableObject,
  Person,
  PolicyRef,
  StringEnum,
  Type,
  UnitRef,
  type Static,
  texts,
  nullableTexts,
} from './schema-kit.ts';
import {
  ASSESSMENT_FACTORS,
  CASE_STATES,
  DEADLINE_COUNTINGS,
  DEADLINE_STATUSES,
  DELIVERY_METHODS,
  OBJECTION_RESULTS,
  RECIPIENT_KINDS,
} from '../domain/vocabulary.ts';

export const CaseRef = Type.Object(
  { id: Type.String(), number: Type.String(), version: Type.Integer(), replayed: Type.Boolean() },
  { description: '新案件 / the opened case' },
);
export type CaseRef = Static<typeof CaseRef>;

export const CaseSummary = Type.Object({
  ...texts('id', 'number'),
  state: StringEnum(CASE_STATES),
  ...texts('stateLabel', 'title', 'origin', 'originLabel'),
  /** When the conduct happened: its day, or the first and last day of a period. */
  conductDate: DateOnly,
  conductEndDate: Nullable(DateOnly),
  unit: UnitRef,
  officer: Person,
  policy: PolicyRef,
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
});
export type CaseSummary = Static<typeof CaseSummary>;

export const CaseList = Type.Object(
  {
    total: Type.Integer({
      description: '案件数；超过上限时为上限 / how many, exactly up to a cap (totalCapped)',
    }),
    totalCapped: Type.Boolean({
      description: '为真时案件多于 total 件 / true when there are more than total',
    }),
    items: Type.Array(CaseSummary),
  },
  { description: '案件列表 / a page of cases' },
);
export type CaseList = Static<typeof CaseList>;

export const Worklist = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        ...CaseSummary.properties,
        /** The next step, the reader's to take: 受理或不予受理, 送达告知（还有2份）… */
        step: Type.String(),
      }),
    ),
  },
  { description: '我的待办：下一步由本人办理的案件 / the cases whose next step is the reader’s' },
);
export type Worklist = Static<typeof Worklist>;

const CaseFact = Type.Object({
  ...texts('factId', 'citation', 'text'),
  value: Nullable(Type.Boolean()),
  valueLabel: Type.String(),
  note: Nullable(Type.String()),
  recordedBy: Type.String(),
  recordedAt: DateTime,
});
export type CaseFact = Static<typeof CaseFact>;

const CaseEvidence = Type.Object({
  id: Type.String(),
  ...nullableTexts('factId', 'factCitation'),
  ...texts('filename', 'contentType'),
  size: Type.Integer(),
  ...texts('sha256', 'uploadedBy'),
  /** The uploader's name: the investigator, or the applicant adding to the application. */
  uploadedByName: Type.String(),
  uploadedAt: DateTime,
});
export type CaseEvidence = Static<typeof CaseEvidence>;

const CaseDecision = Type.Object({
  id: Type.String(),
  meetingDate: DateOnly,
  members: Type.Array(Type.String()),
  ...texts('conclusion', 'conclusionLabel'),
  ...nullableTexts('engineOutcome', 'engineOutcomeLabel', 'departureReason'),
  onReview: Type.Boolean(),
  /** Members recorded as recused (回避) from the decision. */
  recusedMembers: Type.Array(RecusedMember),
  decidedAt: DateTime,
});
export type CaseDecision = Static<typeof CaseDecision>;

const CaseNotification = Type.Object({
  id: Type.String(),
  recipientKind: StringEnum(RECIPIENT_KINDS),
  ...texts('recipient', 'recipientName'),
  fromDate: DateOnly,
  days: Type.Integer(),
  counting: StringEnum(DEADLINE_COUNTINGS),
  /**
   * How the limit was counted, in words, with the extension over a rest day:
   * 自2026年9月30日起7日，期限届满日（2026年10月7日）为法定节假日，顺延至节后第一个工作日2026年10月8日.
   */
  limitText: Type.String(),
  due: DateOnly,
  /** The N-th day, when it fell on a rest day and the due date moved past it. */
  extendedFrom: Nullable(DateOnly),
  provisional: Type.Boolean(),
  /** The delivery date (送达日期). */
  sentOn: Nullable(DateOnly),
  /** 送达方式, and its label; null for a notice not sent, or sent before it was asked. */
  deliveryMethod: Nullable(StringEnum(DELIVERY_METHODS)),
  deliveryMethodLabel: Nullable(Type.String()),
  /** 受送达人 (for a unit, who signed for it). */
  deliveredTo: Nullable(Type.String()),
  /** Why it was delivered after its due date. */
  lateReason: Nullable(Type.String()),
  /** Against today in China, while unsent: due soon, overdue, or neither (null). */
  deadlineStatus: Nullable(StringEnum(DEADLINE_STATUSES)),
  /** Calendar days from today in China to the due date; negative once overdue. */
  daysLeft: Type.Integer(),
});
export type CaseNotification = Static<typeof CaseNotification>;

const CaseObjection = Type.Object({
  ...texts('id', 'reason'),
  due: DateOnly,
  raisedOn: DateOnly,
  raisedAt: DateTime,
  result: Nullable(StringEnum(OBJECTION_RESULTS)),
  resultLabel: Type.String(),
  reviewedOn: Nullable(DateOnly),
});

const TimelineEvent = Type.Object({
  /** The audit log's seq; null for a moment after the event is written, until it is chained. */
  seq: Nullable(Type.Integer()),
  at: DateTime,
  ...texts('action', 'actionLabel'),
  actor: NullableObject(Person),
  /** What was done, in words: the fact and its value, the conclusion, the reason… */
  detail: Nullable(Type.String()),
});
export type TimelineEvent = Static<typeof TimelineEvent>;

/** What the forms of the case page need, computed by the server from the domain's rules. */
const CaseForms = Type.Object({
  /** Today in China: the latest day a meeting may be dated, and the forms' default. */
  today: DateOnly,
  /** Closing a case notified but not published must say why (不予公开). */
  closeNeedsReason: Type.Boolean(),
  /** The conclusions the deciding body may reach under the case's policy version. */
  outcomes: Type.Array(Choice),
  /** The engine's outcome a conclusion departs from (理由 required), if any. */
  engineOutcome: Nullable(Type.String()),
  /** The current conclusion, which a review may confirm or change. */
  conclusion: Nullable(Type.String()),
  /** Recusal, reviews, the meeting's dates, delivery (fairness.schemas.ts). */
  fairness: FairnessForms,
  publication: Type.Object({
    scopes: Type.Array(Type.String()),
    defaultScope: Type.String(),
    /**
     * The text to publish as the server composed it from the case, personal information
     * redacted, with where each mask is; null unless the reader may publish now.
     */
    draft: Nullable(PublicationDraft),
    /** 公示期 as the policy sets it, counted from the day of publication: 5 个工作日. */
    periodText: Type.String(),
  }),
});
export type CaseForms = Static<typeof CaseForms>;

export const CaseDetail = Type.Object(
  {
    ...texts('id', 'number'),
    version: Type.Integer(),
    state: StringEnum(CASE_STATES),
    ...texts('stateLabel', 'origin', 'originLabel'),
    unit: UnitRef,
    officer: Type.Object({
      ...texts('id', 'displayName'),
      badgeNumber: Nullable(Type.String()),
    }),
    applicantId: Nullable(Type.String()),
    ...texts('title', 'conduct', 'enforcementAction', 'enforcementActionLabel'),
    /** When the conduct happened: its day, or the first and last day of a period. */
    conductDate: DateOnly,
    conductEndDate: Nullable(DateOnly),
    policy: PolicyRef,
    /** 执法领域 and 错误类型, and whether the reader may set them now. */
    classification: CaseClassification,
    objectionDue: Nullable(DateOnly),
    createdAt: DateTime,
    facts: Type.Array(CaseFact),
    evidence: Type.Array(CaseEvidence),
    assessment: Type.Array(
      Type.Object({
        factor: StringEnum(ASSESSMENT_FACTORS),
        label: Type.String(),
        finding: Nullable(Type.String()),
        recordedAt: Nullable(DateTime),
      }),
    ),
    /**
     * The engine on the facts recorded so far, with the interview's next question: null
     * unless asked for (`include=nextQuestion`, CaseReadQuery), when nothing is missing, or
     * when the reader may not record facts now.
     */
    evaluation: Type.Object({
      ...CaseDetermination.properties,
      nextQuestion: NullableObject(NextQuestion),
      /**
       * Every fact of the regime in the order the interview asks them, by the same chances
       * (the article checklist lists its articles and items so); null when the next
       * question is not asked for or the reader may not record facts.
       */
      interviewOrder: Nullable(Type.Array(Type.String())),
    }),
    /** The determination recorded when the case went to the deciding body. */
    determination: NullableObject(CaseDetermination),
    decisions: Type.Array(CaseDecision),
    /** The people recused from the case (回避), and the review opinions (法制审核, 纪检监察). */
    recusals: Type.Array(CaseRecusal),
    reviews: Type.Array(CaseReview),
    notifications: Type.Array(CaseNotification),
    publications: Type.Array(
      Type.Object({
        ...texts('id', 'scope'),
        publishedOn: DateOnly,
        publishedAt: DateTime,
        /** The text as published, personal information redacted. */
        text: Type.String(),
        /** The last day of the 公示期; null for publications made before periods were kept. */
        periodEnd: Nullable(DateOnly),
      }),
    ),
    objections: Type.Array(CaseObjection),
    corrections: Type.Array(
      Type.Object({
        id: Type.String(),
        article: Type.Integer(),
        ...texts('citation', 'state', 'stateLabel'),
        openedAt: DateTime,
        /** The day of the 纠错通知, and the deadline (整改期限); null before the notice. */
        notifiedOn: Nullable(DateOnly),
        due: Nullable(DateOnly),
        closedOn: Nullable(DateOnly),
        /** 第十七条: the cause analysis and the rules or mechanisms changed, once closed. */
        lessons: NullableObject(
          Type.Object({ causeAnalysis: Type.String(), improvements: Type.String() }),
        ),
      }),
    ),
    enforcementErrorRecords: Type.Array(
      Type.Object({
        ...texts('id', 'officerId'),
        article: Type.Integer(),
        citation: Type.String(),
        createdAt: DateTime,
        revokedAt: Nullable(DateTime),
      }),
    ),
    timeline: Type.Array(TimelineEvent),
    allowedActions: Type.Array(StringEnum(TRANSITION_NAMES)),
    allowedRecords: Type.Array(StringEnum(RECORD_KINDS)),
    /** Why each other kind of record may not be written now, in the domain's words. */
    recordRefusals: Type.Partial(Type.Object(texts(...RECORD_KINDS))),
    forms: CaseForms,
    nextStep: CaseNextStep,
  },
  { description: '案件详情：读者此刻所见 / a case as its reader sees it now' },
);
export type CaseDetail = Static<typeof CaseDetail>;

/** An officer's record (履职档案): their cases, and the enforcement errors a conclusion made (第十五条). */
export const OfficerRecord = Type.Object({
  officer: Type.Object({
    ...texts('id', 'displayName', 'unitId'),
    badgeNumber: Nullable(Type.String()),
    unitName: Nullable(Type.String()),
  }),
  cases: Type.Array(
    Type.Object({
      ...texts('id', 'number', 'title'),
      state: StringEnum(CASE_STATES),
      stateLabel: Type.String(),
      policy: PolicyRef,
      createdAt: DateTime,
      /** The conclusion in force (the last decision, a review's included); null before the decision. */
      ...nullableTexts('conclusion', 'conclusionLabel'),
      decidedOn: Nullable(DateOnly),
      /** The policy's 不作为执法错误认定 article applied: the conclusion is one it lists. */
      notEnforcementError: Type.Boolean(),
      /** An enforcement error record stands on this case. */
      enforcementError: Type.Boolean(),
    }),
  ),
  enforcementErrors: Type.Integer(),
  errorRecords: Type.Array(
    Type.Object({
      caseId: Type.String(),
      caseNumber: Type.String(),
      article: Type.Integer(),
      citation: Type.String(),
      createdAt: DateTime,
    }),
  ),
  /** How many cases, decided, not counted as an enforcement error (第十五条). */
  counts: Type.Object({
    cases: Type.Integer(),
    decided: Type.Integer(),
    notEnforcementError: Type.Integer(),
    enforcementErrors: Type.Integer(),
  }),
  /** The 不作为执法错误认定 article of each policy version of the cases, quoted. */
  rules: Type.Array(
    Type.Object({
      policy: PolicyRef,
      article: Type.Integer(),
      ...texts('citation', 'topic', 'text'),
      groundLabels: Type.Array(Type.String()),
    }),
  ),
  /**
   * 澄清正名 (第十九条): the clearances of the officer the reader may read, oldest first, each
   * with its notice; the report they were decided on only by its number.
   */
  clearances: Type.Array(RecordClearance),
});
export type OfficerRecord = Static<typeof OfficerRecord>;
