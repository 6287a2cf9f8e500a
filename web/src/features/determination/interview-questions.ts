// The interview's questions: the facts the engine says could still change the result
// (`missing`), the suggested one first, then the rest in policy order; those already
// answered 尚不清楚 go last, so the interview moves on.

import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import type { PolicyDetail, PolicyFact } from '../../../../src/contract/policy.schemas.ts';

export function interviewQuestions(detail: CaseDetail, policy: PolicyDetail): PolicyFact[] {
  const order = new Map(policy.facts.map((f, i) => [f.id, i]));
  const unsure = new Set(detail.facts.filter((f) => f.value === null).map((f) => f.factId));
  const suggested = detail.evaluation.nextQuestion?.fact;
  const rank = (f: string) =>
    (unsure.has(f) ? 2 : 0) * 1e6 + (f === suggested ? -1 : (order.get(f) ?? 1e5));
  const byId = new Map(policy.facts.map((f) => [f.id, f]));
  return [...detail.evaluation.missing]
    .sort((a, b) => rank(a) - rank(b))
    .map((f) => byId.get(f))
    .filter((f): f is PolicyFact => !!f);
}
