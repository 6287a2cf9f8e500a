// The order in which the interview asks the facts, for the article checklist (按条清单)
// to list its articles and items the same way (issue 15). The interview chooses each
// question from the answers so far; the checklist is a page that must not reshuffle as
// the investigator ticks it, so it follows one fixed path: from no answers, the question
// the interview would ask, answered the likelier way, and so on until nothing is
// missing. Facts that path never reaches (a 但书 whose item was never found true, an
// item made moot) follow in policy order.

import type { CompiledPolicy } from './compile-policy.ts';
import { Tri } from './decision-diagram.ts';
import { chooseNextFact, emptyFactVector } from './evaluate.ts';
import type { FactProbabilities } from './outcome-probability.ts';

/** Every fact's id once, in the order described above. */
export function interviewOrder(
  policy: CompiledPolicy,
  probabilities: FactProbabilities,
): readonly string[] {
  const values = emptyFactVector(policy);
  const order: number[] = [];
  for (;;) {
    const f = chooseNextFact(policy, values, probabilities);
    if (f === -1) break;
    values[f] = probabilities[f]! > 0.5 ? Tri.True : Tri.False;
    order.push(f);
  }
  const reached = new Set(order);
  for (let f = 0; f < policy.facts.length; f++) if (!reached.has(f)) order.push(f);
  return order.map((f) => policy.facts[f]!.id);
}
