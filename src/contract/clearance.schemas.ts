// 澄清正名 over HTTP (第十九条; .local/report-api.md): a clearance decided on a report
// (POST /api/v1/reports/:id/clearances, and its notice drafted before deciding), the list
// and one clearance (/api/v1/clearances), the record that it was carried out, and the
// Chinese labels of its codes. The cleared officer reads their own on their record, with
// the report's number and never its content.

import {
  CLEARANCE_BASES,
  CLEARANCE_BASIS_LABELS,
  CLEARANCE_STEP_LABELS,
  type ClearanceBasis,
} from '../domain/clearance/clearance-machine.ts';
import { MAX_NOTICE_LENGTH } from '../domain/clearance/decide-clearance.ts';
import {
  CLEARANCE_METHODS,
  CLEARANCE_METHOD_LABELS,
  CLEARANCE_STATES,
  CLEARANCE_STATE_LABELS,
  DISCLOSURE_SCOPES,
  DISCLOSURE_SCOPE_LABELS,
} from '../domain/vocabulary.ts';
import {
  DateOnly,
  Int,
  Named,
  Nullable,
  StringEnum,
  Text,
  Type,
  Uuid,
  type Static,
  texts,
} from './schema-kit.ts';

export {
  CLEARANCE_BASES,
  CLEARANCE_BASIS_LABELS,
  CLEARANCE_METHODS,
  CLEARANCE_METHOD_LABELS,
  CLEARANCE_STATES,
  CLEARANCE_STATE_LABELS,
  CLEARANCE_STEP_LABELS,
  DISCLOSURE_SCOPES,
  DISCLOSURE_SCOPE_LABELS,
  MAX_NOTICE_LENGTH,
  type ClearanceBasis,
};
export type { ClearanceMethod, ClearanceState, DisclosureScope } from '../domain/vocabulary.ts';

// ---------------------------------------------------------------- answers

const summaryFields = {
  ...texts('id', 'reportId'),
  /** The report's number (举〔2026〕3号): all the cleared officer learns of the report. */
  reportNumber: Type.String(),
  officer: Named,
  /** The deciding unit: the report's handling unit. */
  unit: Named,
  basis: StringEnum(CLEARANCE_BASES),
  basisLabel: Type.String(),
  /** 澄清范围: 本单位, 本系统 or 社会公开. */
  scope: StringEnum(DISCLOSURE_SCOPES),
  scopeLabel: Type.String(),
  methods: Type.Array(StringEnum(CLEARANCE_METHODS)),
  methodLabels: Type.Array(Type.String()),
  decidedOn: DateOnly,
  state: StringEnum(CLEARANCE_STATES),
  stateLabel: Type.String(),
  carriedOutOn: Nullable(DateOnly),
  version: Type.Integer(),
};

export const ClearanceSummary = Type.Object(summaryFields);
export type ClearanceSummary = Static<typeof ClearanceSummary>;

export const ClearanceList = Type.Object(
  { total: Type.Integer(), items: Type.Array(ClearanceSummary) },
  { description: '澄清正名列表 / a page of clearances' },
);
export type ClearanceList = Static<typeof ClearanceList>;

/** A clearance on the officer's record (履职档案): the summary with what was found and the notice. */
export const RecordClearance = Type.Object({
  ...summaryFields,
  /** 澄清的事实和结论. */
  findings: Type.String(),
  /** The 澄清正名通报 as decided. */
  noticeText: Type.String(),
});
export type RecordClearance = Static<typeof RecordClearance>;

export const ClearanceDetail = Type.Object({
  ...summaryFields,
  findings: Type.String(),
  /** How far the accusation reached; the scope is at least as wide. */
  accusationReach: StringEnum(DISCLOSURE_SCOPES),
  accusationReachLabel: Type.String(),
  /** The day the officer asked to be cleared (on the tolerated basis; otherwise if recorded). */
  requestedOn: Nullable(DateOnly),
  noticeText: Type.String(),
  carriedOutNote: Nullable(Type.String()),
  /** What the reader may do now: `carry_out` (登记澄清正名已实施) or nothing. */
  actions: Type.Array(StringEnum(['carry_out'] as const)),
});
export type ClearanceDetail = Static<typeof ClearanceDetail>;

export const ClearanceNoticeDraft = Type.Object({
  /** The 澄清正名通报 the decision would write, to edit before deciding. */
  noticeText: Type.String(),
});
export type ClearanceNoticeDraft = Static<typeof ClearanceNoticeDraft>;

// ---------------------------------------------------------------- requests

export const ClearanceParams = Type.Object({ id: Uuid });
export const ReportClearanceParams = Type.Object({ id: Uuid });

export const ClearanceListQuery = Type.Object(
  {
    officerId: Type.Optional(Uuid),
    state: Type.Optional(StringEnum(CLEARANCE_STATES)),
    page: Type.Optional(Int({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Int({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type ClearanceListQuery = Static<typeof ClearanceListQuery>;

const decisionFields = {
  /** The officer cleared: one of the report's officers. */
  officerId: Uuid,
  basis: StringEnum(CLEARANCE_BASES),
  /** 澄清的事实和结论. */
  findings: Text(5000, 1),
  /** How far the accusation reached (本单位 / 本系统 / 社会公开). */
  accusationReach: StringEnum(DISCLOSURE_SCOPES),
  /** How far the clearance goes: at least as far (SCOPE_TOO_NARROW otherwise). */
  scope: StringEnum(DISCLOSURE_SCOPES),
  /** 会议说明、书面通报、公开发布: one at least; 公开发布 with a public scope only. */
  methods: Type.Array(StringEnum(CLEARANCE_METHODS), { minItems: 1, maxItems: 3 }),
  decidedOn: DateOnly,
  /** The day the officer asked to be cleared: required on the tolerated basis. */
  requestedOn: Type.Optional(DateOnly),
};

export const DecideClearanceBody = Type.Object(
  {
    ...decisionFields,
    /** The notice as edited; absent: the one written from the decision. */
    noticeText: Type.Optional(Text(MAX_NOTICE_LENGTH, 1)),
  },
  { additionalProperties: false },
);
export type DecideClearanceBody = Static<typeof DecideClearanceBody>;

export const DraftNoticeBody = Type.Object(decisionFields, { additionalProperties: false });
export type DraftNoticeBody = Static<typeof DraftNoticeBody>;

export const CarryOutBody = Type.Object(
  {
    /** The clearance's version as the client read it; a new clearance has version 0. */
    expectedVersion: Int({ minimum: 0 }),
    carriedOutOn: DateOnly,
    /** How it was done: the meeting, the notice issued, where it was published. */
    note: Text(5000, 1),
  },
  { additionalProperties: false },
);
export type CarryOutBody = Static<typeof CarryOutBody>;
