// What a client sends about cases: open one, list them with filters, fire a step of the
// procedure, record a fact, an assessment factor or a file of evidence.

import { TRANSITION_NAMES } from '../domain/case/case-transitions.ts';
import { RecusedMember } from './fairness.schemas.ts';
import {
  DateOnly,
  Int,
  Nullable,
  StringEnum,
  Text,
  Type,
  Uuid,
  Version,
  type Static,
} from './schema-kit.ts';
import { ASSESSMENT_FACTORS, CASE_ORIGINS, ENFORCEMENT_ACTIONS } from '../domain/vocabulary.ts';

export const OpenCaseBody = Type.Object(
  {
    origin: StringEnum(CASE_ORIGINS),
    unitId: Uuid,
    officerId: Type.Optional(Uuid),
    title: Text(200, 1),
    conduct: Text(10_000, 1),
    /** The day of the conduct, or the first day of a conduct over a period; not after today. */
    conductDate: DateOnly,
    /** The last day of a conduct over a period: not before conductDate, not after today. */
    conductEndDate: Type.Optional(Nullable(DateOnly)),
    enforcementAction: StringEnum(ENFORCEMENT_ACTIONS),
    /** 执法领域: a code of the policy's taxonomy (GET /api/v1/policies/:id, `taxonomy.fields`). */
    field: Type.Optional(Nullable(Text(60, 1))),
    /** 错误类型: a code of the policy's taxonomy (`taxonomy.errorTypes`). */
    errorType: Type.Optional(Nullable(Text(60, 1))),
  },
  { additionalProperties: false },
);
export type OpenCaseBody = Static<typeof OpenCaseBody>;

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
});

export const CaseListQuery = Type.Object(
  {
    state: Type.Optional(Text(40)),
    unitId: Type.Optional(Uuid),
    policyId: Type.Optional(Text(100)),
    officerId: Type.Optional(Uuid),
    /** The committee's current conclusion. */
    outcome: Type.Optional(Text(40)),
    q: Type.Optional(Text(100)),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    limit: Type.Optional(Int({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Int()),
  },
  { additionalProperties: false },
);
export type CaseListQuery = Static<typeof CaseListQuery>;

export const ActionParams = Type.Object({ id: Uuid, action: StringEnum(TRANSITION_NAMES) });

/** A case in an address: its id, or its number (锡盟应急容〔2026〕5号, or RC-2026-000004 before). */
export const CaseAddressParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100, description: '案件 id 或案号' }),
});

/** The payload of every step; which fields a step reads is the domain's (CaseAction). */
export const ActionBody = Type.Object(
  {
    version: Version,
    reason: Type.Optional(Nullable(Text(5000))),
    meetingDate: Type.Optional(DateOnly),
    members: Type.Optional(Type.Array(Text(50), { maxItems: 50 })),
    conclusion: Type.Optional(Text(40)),
    departureReason: Type.Optional(Nullable(Text(5000))),
    relatedUnitIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
    /** Members of the deciding body recorded as recused (回避), with the reason. */
    recusedMembers: Type.Optional(Type.Array(RecusedMember, { maxItems: 50 })),
    notificationId: Type.Optional(Uuid),
    /** 送达: the method (DELIVERY_METHODS), the delivery date, the person served, why late. */
    deliveryMethod: Type.Optional(Text(40)),
    deliveredOn: Type.Optional(DateOnly),
    deliveredTo: Type.Optional(Text(100)),
    lateReason: Type.Optional(Nullable(Text(5000))),
    scope: Type.Optional(Text(40)),
    /** The publication's text as the secretary edited it; absent: the server's draft. */
    text: Type.Optional(Nullable(Text(10_000))),
    result: Type.Optional(StringEnum(['confirm', 'change'] as const)),
  },
  { additionalProperties: false },
);
export type ActionBody = Static<typeof ActionBody>;

export const FactParams = Type.Object({ id: Uuid, factId: Text(20) });
export const FactBody = Type.Object(
  {
    version: Version,
    value: Nullable(Type.Boolean()),
    note: Type.Optional(Nullable(Text(5000))),
  },
  { additionalProperties: false },
);
export type FactBody = Static<typeof FactBody>;

export const AssessmentParams = Type.Object({ id: Uuid, factor: StringEnum(ASSESSMENT_FACTORS) });
export const AssessmentBody = Type.Object(
  { version: Version, finding: Text(10_000) },
  { additionalProperties: false },
);
export type AssessmentBody = Static<typeof AssessmentBody>;

/**
 * What a case read adds on request, and the answer of a write on a case too:
 * `include=nextQuestion`, the interview's next question (`evaluation.nextQuestion`, null
 * otherwise), for a reader who may record facts; only the interview asks, the search costs
 * more than the rest of the case.
 */
const CaseInclude = {
  include: Type.Optional(
    StringEnum(['nextQuestion'] as const, {
      description: 'nextQuestion: 附带认定问询的建议下一问题 / with the interview’s next question',
    }),
  ),
};
export const CaseReadQuery = Type.Object(CaseInclude);
export type CaseReadQuery = Static<typeof CaseReadQuery>;

export const EvidenceQuery = Type.Object(
  {
    version: Version,
    filename: Text(255, 1),
    factId: Type.Optional(Text(20)),
    ...CaseInclude,
  },
  { additionalProperties: false },
);
export type EvidenceQuery = Static<typeof EvidenceQuery>;

export const EvidenceParams = Type.Object({ id: Uuid, evidenceId: Uuid });
