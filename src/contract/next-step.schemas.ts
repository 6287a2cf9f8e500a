// What comes next on a case in the API: the step, who takes it and by when, and what the
// reader may do of it now (src/domain/case/next-step.ts). Part of CaseDetail.

import { CASE_ROLES } from '../domain/account/roles.ts';
import { RECORD_KINDS } from '../domain/case/case-records.ts';
import { TRANSITION_NAMES } from '../domain/case/case-transitions.ts';
import { REVIEW_KINDS } from '../domain/vocabulary.ts';
import {
  DateOnly,
  Nullable,
  NullableObject,
  StringEnum,
  Type,
  texts,
  type Static,
} from './schema-kit.ts';

/**
 * What comes next on the case, who takes it and by when (src/domain/case/next-step.ts):
 * a step in every state but the three that end a case, which say why nothing comes next.
 */
export const CaseNextStep = Type.Object({
  /** Nothing comes next: the case has ended, and `detail` says why. */
  ended: Type.Boolean(),
  /** The step: 受理或不予受理, 送达告知（还有2份）, 异议期限届满后办结 …; 程序已终结 when ended. */
  step: Type.String(),
  /** What is still missing for it, or why the case has ended. */
  detail: Nullable(Type.String()),
  /** Who takes it: the role, and in words its holders over the case's unit, or the officer by name. */
  who: NullableObject(Type.Object({ role: StringEnum(CASE_ROLES), ...texts('roleLabel', 'name') })),
  /** By when, in words: the due dates, or that the procedure sets no time limit for it. */
  when: Type.String(),
  dates: Type.Array(
    Type.Object({ label: Type.String(), date: DateOnly, daysLeft: Type.Integer() }),
  ),
  /** The first day the step may be taken, when it is later than today. */
  notBefore: Nullable(DateOnly),
  /** Whether the step is the reader's to take now: exactly the cases of their to-do list. */
  yours: Type.Boolean(),
  /** Of the step, the transitions and the records the reader may take now. */
  actions: Type.Array(StringEnum(TRANSITION_NAMES)),
  records: Type.Array(StringEnum(RECORD_KINDS)),
  /** Of the step, the review opinions (法制审核) the reader owes now. */
  reviews: Type.Array(StringEnum(REVIEW_KINDS)),
  /** A party's rights open meanwhile (withdrawing, objecting), in words, and whether the reader holds it. */
  rights: Type.Array(
    Type.Object({
      action: StringEnum(TRANSITION_NAMES),
      text: Type.String(),
      yours: Type.Boolean(),
    }),
  ),
});
export type CaseNextStep = Static<typeof CaseNextStep>;
