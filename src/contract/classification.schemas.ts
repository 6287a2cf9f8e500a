// A case's classification (执法领域, 错误类型; emergency 第十八条, education 第十七条): what
// the case page shows and offers, and the body that sets it before the decision.

import { Choice, NullableObject, Text, Type, Uuid, Version, type Static } from './schema-kit.ts';

/** A code of the case's policy version's taxonomy, with its label. */
const Classified = Type.Object({ code: Type.String(), label: Type.String() });

export const CaseClassification = Type.Object({
  /** null until classified. */
  field: NullableObject(Classified),
  errorType: NullableObject(Classified),
  /** Whether the reader may set them now (the case's investigator or secretary, before the decision). */
  mayClassify: Type.Boolean(),
  /** The choices of the case's policy version. */
  fields: Type.Array(Choice),
  errorTypes: Type.Array(Choice),
});
export type CaseClassification = Static<typeof CaseClassification>;

export const ClassificationBody = Type.Object(
  {
    /** The case's version as the client read it. */
    version: Version,
    /** 执法领域: a code of `classification.fields`. */
    field: Text(60, 1),
    /** 错误类型: a code of `classification.errorTypes`. */
    errorType: Text(60, 1),
  },
  { additionalProperties: false },
);
export type ClassificationBody = Static<typeof ClassificationBody>;

/** The classification a new case in a unit chooses from: its regime's taxonomy. */
export const ClassificationChoices = Type.Object(
  {
    policy: Type.Object({ id: Type.String(), version: Type.Integer(), title: Type.String() }),
    fields: Type.Array(Choice),
    errorTypes: Type.Array(Choice),
  },
  {
    description:
      '执法领域和错误类型的可选项 / the taxonomy a new case in the unit is classified by',
  },
);
export type ClassificationChoices = Static<typeof ClassificationChoices>;

export const ClassificationChoicesQuery = Type.Object(
  { unitId: Uuid },
  { additionalProperties: false },
);
