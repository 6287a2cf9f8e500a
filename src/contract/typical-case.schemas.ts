// Typical cases (典型案例) and similar cases (类案参考, 同案同判): the library a reader
// searches, one typical case, what a case page shows of its mark, and the alike cases of
// a case (docs/design/typical-cases.md).

import { PUBLICATION_CIRCLES } from '../domain/case/publication-audience.ts';
import {
  Choice,
  DateOnly,
  Int,
  Nullable,
  NullableObject,
  PolicyRef,
  StringEnum,
  Text,
  Type,
  UnitRef,
  type Static,
} from './schema-kit.ts';

/** A fact found to hold, in the policy's words. */
export const TypicalFinding = Type.Object({
  factId: Type.String(),
  /** 第十条第（三）项. */
  citation: Type.String(),
  text: Type.String(),
});
export type TypicalFinding = Static<typeof TypicalFinding>;

const Labelled = Type.Object({ code: Type.String(), label: Type.String() });

export const TypicalCase = Type.Object(
  {
    id: Type.String(),
    /** The publication's heading (its first line). */
    heading: Type.String(),
    /** The publication's text as published: redacted of personal information. */
    text: Type.String(),
    publicationId: Type.String(),
    caseNumber: Type.String(),
    /** The organ that published it (本单位). */
    unit: UnitRef,
    /** The publication's scope (本单位, 本系统, 社会公开): who reads the typical case. */
    scope: Type.String(),
    circle: StringEnum(PUBLICATION_CIRCLES),
    policy: PolicyRef,
    /** 执法领域 and 错误类型, labelled by the case's policy version; null if unclassified. */
    field: NullableObject(Labelled),
    errorType: NullableObject(Labelled),
    /** The committee's conclusion. */
    conclusion: Type.String(),
    conclusionLabel: Type.String(),
    /** The engine's outcome recorded at submission, and whether the conclusion departs from it. */
    engineOutcome: Nullable(Type.String()),
    engineOutcomeLabel: Nullable(Type.String()),
    departed: Type.Boolean(),
    /** 第X条第（Y）项 of the ground the conclusion rests on; null when none of it held. */
    groundCitation: Nullable(Type.String()),
    /** The conclusion with its ground: 不予追究行政执法责任（第十条第（三）项）. */
    groundText: Type.String(),
    findings: Type.Array(TypicalFinding),
    /** The articles it cites: 第十条. */
    articles: Type.Array(Type.Object({ number: Type.Integer(), label: Type.String() })),
    decidedOn: DateOnly,
    markedOn: DateOnly,
    /** Set when the mark was withdrawn; the reason with it. */
    withdrawn: NullableObject(Type.Object({ on: DateOnly, reason: Type.String() })),
  },
  { description: '典型案例 / a typical case' },
);
export type TypicalCase = Static<typeof TypicalCase>;

export const TypicalCaseList = Type.Object(
  { total: Type.Integer(), items: Type.Array(TypicalCase) },
  { description: '典型案例库 / a page of typical cases, the newest marked first' },
);
export type TypicalCaseList = Static<typeof TypicalCaseList>;

export const TypicalCaseQuery = Type.Object(
  {
    policy: Type.Optional(Text(100)),
    field: Type.Optional(Text(100)),
    errorType: Type.Optional(Text(100)),
    /** An article cited by the facts found or the ground: 10 for 第十条. */
    article: Type.Optional(Int({ minimum: 1, maximum: 999 })),
    outcome: Type.Optional(Text(100)),
    keyword: Type.Optional(Text(100)),
    limit: Type.Optional(Int({ minimum: 1, maximum: 100 })),
    offset: Type.Optional(Int()),
  },
  { additionalProperties: false },
);
export type TypicalCaseQuery = Static<typeof TypicalCaseQuery>;

/** The choices of the library's filters, per policy. */
export const TypicalCaseFilters = Type.Object({
  policies: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      fields: Type.Array(Choice),
      errorTypes: Type.Array(Choice),
      outcomes: Type.Array(Choice),
      articles: Type.Array(Choice),
    }),
  ),
});
export type TypicalCaseFilters = Static<typeof TypicalCaseFilters>;

/** What a case page shows of the case's mark, and whether the reader may mark or withdraw it. */
export const CaseTypicalStatus = Type.Object({
  typicalCase: NullableObject(TypicalCase),
  mayMark: Type.Boolean(),
  mayWithdraw: Type.Boolean(),
});
export type CaseTypicalStatus = Static<typeof CaseTypicalStatus>;

// The reason is checked with the case (REASON_REQUIRED after NOT_FOUND), not by the schema,
// so that an address naming nothing answers 404 whatever the body.
export const WithdrawTypicalBody = Type.Object(
  { reason: Type.Optional(Text(500)) },
  { additionalProperties: false },
);

export const SimilarCasesQuery = Type.Object(
  { limit: Type.Optional(Int({ minimum: 1, maximum: 50 })) },
  { additionalProperties: false },
);

/** One alike case, with what it shares with the case at hand, in words. */
export const SimilarCase = Type.Object({
  kind: StringEnum(['typical', 'decided'] as const),
  /** Where the reader opens it: the typical case's page, else the case's. */
  typicalCaseId: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  caseNumber: Type.String(),
  title: Type.String(),
  conclusion: Type.String(),
  conclusionLabel: Type.String(),
  decidedOn: DateOnly,
  /** The ground both determinations rest on, with its citation in this case. */
  sharedGround: NullableObject(
    Type.Object({ code: Type.String(), label: Type.String(), citation: Nullable(Type.String()) }),
  ),
  sharedFacts: Type.Array(TypicalFinding),
  /** The Jaccard index of the facts found to hold in both, 0 to 1. */
  similarity: Type.Number(),
  /** 同一认定依据：…；相同事实 2 项，相似度 67%. */
  reasonText: Type.String(),
});
export type SimilarCase = Static<typeof SimilarCase>;

export const SimilarCases = Type.Object(
  {
    /** similar: a case not yet decided; departure: a decision departing from the engine; none. */
    mode: StringEnum(['similar', 'departure', 'none'] as const),
    /** What the panel says it lists, in words. */
    note: Type.String(),
    engineOutcome: Nullable(Type.String()),
    engineOutcomeLabel: Nullable(Type.String()),
    conclusion: Nullable(Type.String()),
    conclusionLabel: Nullable(Type.String()),
    items: Type.Array(SimilarCase),
  },
  { description: '类案参考 / the typical and decided cases like this one' },
);
export type SimilarCases = Static<typeof SimilarCases>;
