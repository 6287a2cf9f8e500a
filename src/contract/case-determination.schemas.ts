// The engine on a case's facts as the case page and the interview read it: the
// determination with its explanation, and the interview's next question (issue 15).

import { Ground } from './determination.schemas.ts';
import {
  DateOnly,
  Nullable,
  StringEnum,
  Type,
  type Static,
  texts,
  nullableTexts,
} from './schema-kit.ts';

export const GroundExplanation = Type.Object({
  ...texts('code', 'label', 'article'),
  state: StringEnum(['holds', 'fails', 'unknown'] as const),
  blocked: Type.Boolean(),
  rank: StringEnum(['outcome', 'above', 'below', 'open'] as const),
  text: Type.String(),
});
export type GroundExplanation = Static<typeof GroundExplanation>;

/** The engine's determination on a case's facts, as the case page and the interview read it. */
export const CaseDetermination = Type.Object({
  policy: Type.String(),
  policyVersion: Type.Integer(),
  asOf: DateOnly,
  status: StringEnum(['determined', 'undetermined'] as const),
  ...nullableTexts('outcome', 'outcomeLabel'),
  basis: Type.Array(Type.String()),
  citation: Type.String(),
  grounds: Type.Array(Ground),
  missing: Type.Array(Type.String()),
  /** The citation of each missing fact, in the same order. */
  missingCitations: Type.Array(Type.String()),
  explanation: Type.Object({ summary: Type.String(), grounds: Type.Array(GroundExplanation) }),
});
export type CaseDetermination = Static<typeof CaseDetermination>;

export const NextQuestion = Type.Object({
  fact: Type.String(),
  remainingIfTrue: Type.Integer(),
  remainingIfFalse: Type.Integer(),
  /** Which part of its article the fact is (第四条条件（一）, 第十条第（一）项但书), and the question. */
  ...texts('label', 'question'),
  /** Why it is asked now (issue 15): 如属实，即可认定不予容错. */
  reason: Type.String(),
  /** The outcome a "yes" and a "no" would settle; null when that answer leaves it open. */
  ...nullableTexts('settlesIfTrue', 'settlesIfFalse'),
  /**
   * Where the chances that ordered the questions come from: the unit's decided cases under
   * the regime once there are enough (policy file `interview.minimumDecidedCases`), else
   * the policy file's default; `note` says so in Chinese.
   */
  probabilities: Type.Object({
    source: StringEnum(['unit_decided_cases', 'policy_default'] as const),
    /** The unit's decided cases under the regime; null with no unit in view. */
    decidedCases: Nullable(Type.Integer()),
    note: Type.String(),
  }),
});
export type NextQuestion = Static<typeof NextQuestion>;
