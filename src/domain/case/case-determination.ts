// The determination a case carries: the engine on the case's recorded facts under the
// case's own policy version, with the explanation the deciding body reads.

import type { CalendarDate } from '../calendar-date.ts';
import type { CompiledPolicy } from '../policy/compile-policy.ts';
import { evaluate, type FactVector } from '../policy/evaluate.ts';
import { explain } from '../policy/explain.ts';
import type { CaseDetermination } from './case-view.ts';

export function determineCase(
  policy: CompiledPolicy,
  values: FactVector,
  asOf: CalendarDate,
): CaseDetermination {
  const evaluation = evaluate(policy, values);
  return {
    policy: policy.id,
    policyVersion: policy.version,
    asOf,
    ...evaluation,
    explanation: explain(policy, values, evaluation),
  };
}
