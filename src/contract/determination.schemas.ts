// POST /api/v1/evaluate: the determination contract (docs/spec/determination.md) over
// HTTP. The body is checked by the contract's own rules and error codes, not by a schema.

import { Type, type Static } from './schema-kit.ts';

export const EvaluateQuery = Type.Object({
  explain: Type.Optional(Type.Boolean({ description: '附加说明和建议下一问题' })),
});
export type EvaluateQuery = Static<typeof EvaluateQuery>;

/** One ground of tolerance or exemption and whether an exclusion blocks it. */
export const Ground = Type.Object({
  code: Type.String(),
  basis: Type.Array(Type.String()),
  blocked: Type.Boolean(),
});

/**
 * The contract's output. Open to more fields: `policyVersion`, and with `?explain=true`
 * the explanation and the next question, pass through as the engine gives them.
 */
export const DeterminationOutput = Type.Object(
  {
    policy: Type.String(),
    asOf: Type.String({ format: 'date' }),
    status: Type.Union([Type.Literal('determined'), Type.Literal('undetermined')]),
    outcome: Type.Union([Type.String(), Type.Null()]),
    basis: Type.Array(Type.String()),
    citation: Type.String(),
    grounds: Type.Array(Ground),
    missing: Type.Array(Type.String()),
    warnings: Type.Array(Type.String()),
  },
  { description: '认定结论（判定接口约定）', additionalProperties: true },
);
export type DeterminationOutput = Static<typeof DeterminationOutput>;
