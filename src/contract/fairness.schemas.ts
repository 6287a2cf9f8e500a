// Fairness of the procedure in the API: recusals (回避) on a case and of the decision's
// members, the review opinions before the decision (法制审核意见, 纪检监察意见), and what
// their forms choose from (the people who may be recused, the units of the case's system).

import {
  Choice,
  DateOnly,
  DateTime,
  Nullable,
  StringEnum,
  Text,
  Type,
  Uuid,
  Version,
  texts,
  type Static,
} from './schema-kit.ts';
import { RECUSAL_KINDS, REVIEW_KINDS, ROLES } from '../domain/vocabulary.ts';

/** A person recused from the case, how and why. */
export const CaseRecusal = Type.Object({
  ...texts('userId', 'name'),
  kind: StringEnum(RECUSAL_KINDS),
  ...texts('kindLabel', 'reason'),
  recordedAt: DateTime,
});
export type CaseRecusal = Static<typeof CaseRecusal>;

/** A review opinion recorded before the decision. */
export const CaseReview = Type.Object({
  kind: StringEnum(REVIEW_KINDS),
  ...texts('label', 'opinion'),
  /** Whether the reviewer agrees with the engine's determination. */
  agrees: Type.Boolean(),
  reviewedOn: DateOnly,
  ...texts('reviewerName'),
  reviewedAt: DateTime,
});
export type CaseReview = Static<typeof CaseReview>;

/** A member of the deciding body recorded as recused from the decision. */
export const RecusedMember = Type.Object({ name: Text(50, 1), reason: Text(1000, 1) });
export type RecusedMember = Static<typeof RecusedMember>;

/** What the forms of fairness need, from the domain's rules. */
export const FairnessForms = Type.Object({
  /** The first day the meeting may be dated (the submission for decision); null when unknown. */
  meetingDateFrom: Nullable(DateOnly),
  /** The reviews the policy asks for, whether required, and whether recorded. */
  reviews: Type.Array(
    Type.Object({
      kind: StringEnum(REVIEW_KINDS),
      label: Type.String(),
      required: Type.Boolean(),
      recorded: Type.Boolean(),
    }),
  ),
  /** The reviews the reader may record now. */
  allowedReviews: Type.Array(StringEnum(REVIEW_KINDS)),
  /** Whether the reader may record a recusal now, and as what (申请回避 or the unit's). */
  recusal: Nullable(StringEnum(['requested', 'unit'] as const)),
  /** 送达方式. */
  deliveryMethods: Type.Array(Choice),
});
export type FairnessForms = Static<typeof FairnessForms>;

export const RecusalBody = Type.Object(
  { version: Version, userId: Uuid, reason: Text(1000) },
  { additionalProperties: false },
);
export type RecusalBody = Static<typeof RecusalBody>;

export const ReviewParams = Type.Object({ id: Uuid, kind: StringEnum(REVIEW_KINDS) });
export const ReviewBody = Type.Object(
  { version: Version, opinion: Text(10_000), agrees: Type.Boolean(), reviewedOn: DateOnly },
  { additionalProperties: false },
);
export type ReviewBody = Static<typeof ReviewBody>;

/** A person who may be named for recusal. */
export const RecusalChoice = Type.Object({
  ...texts('id', 'username', 'displayName'),
  roles: Type.Array(StringEnum(ROLES)),
});
export const RecusalChoices = Type.Array(RecusalChoice, {
  description: '可要求回避的人员 / the people who may be recused',
});
export type RecusalChoice = Static<typeof RecusalChoice>;

/** A unit of the case's system; the web draws the tree from the parents. */
export const UnitChoice = Type.Object({
  ...texts('id', 'name'),
  /** null for the system's own unit, the root of the tree. */
  parentId: Nullable(Type.String()),
});
export type UnitChoice = Static<typeof UnitChoice>;
export const UnitChoices = Type.Array(UnitChoice, {
  description: '本系统单位：相关单位的可选范围 / the units of the case’s system',
});
