// The interview's questions: the facts the engine says could still change the result
// (`missing`), the suggested one first, then the rest in the interview's order (the
// server's `interviewOrder`, by the same chances as the suggestion; policy order when it
// is not there); those already answered 尚不清楚 go last, so the interview moves on.

import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import type { PolicyDetail, PolicyFact } from '../../../../src/contract/policy.schemas.ts';

/** Each fact's place in the interview's order, which the article checklist follows too. */
export function interviewRanks(detail: CaseDetail, policy: PolicyDetail): Map<string, number> {
  const order = detail.evaluation.interviewOrder ?? policy.facts.map((f) => f.id);
  return new Map(order.map((id, i) => [id, i]));
}

export function interviewQuestions(detail: CaseDetail, policy: PolicyDetail): PolicyFact[] {
  const order = interviewRanks(detail, policy);
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
