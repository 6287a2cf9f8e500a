// What a typical case (典型案例) says besides its published text: the facts found, each with
// the words of the policy it stands for and its citation (第十条第（三）项), the ground the
// conclusion rests on and its citation, and the articles a reader searches it by. Kept
// when the case is marked, from the case's own policy version and the determination
// recorded at submission, so a later version of the policy does not rewrite it. Nothing
// of the case's own text (the conduct, the investigator's notes) is taken: only the
// publication's text is, and it was redacted when it was published.

import { conclusionCitation } from '../case/conclusion-citation.ts';
import type { CompiledPolicy } from '../policy/compile-policy.ts';
import { Tri } from '../policy/decision-diagram.ts';
import type { Evaluation, FactVector } from '../policy/evaluate.ts';

/** A fact found to hold, in the policy's words. */
export interface TypicalFinding {
  readonly factId: string;
  /** 第十条第（三）项, or 第四条 for a condition. */
  readonly citation: string;
  /** The words of the policy the fact stands for. */
  readonly text: string;
}

export interface TypicalContent {
  /** The facts found to hold, in the policy's order. */
  readonly findings: readonly TypicalFinding[];
  /** The citation of the ground the conclusion rests on; null when no ground of it held. */
  readonly groundCitation: string | null;
  /** The articles of the findings and of the conclusion's ground, ascending: searched by. */
  readonly articles: readonly number[];
}

/** The facts found to hold in a case's fact vector, in the policy's order. */
export function trueFactsIn(policy: CompiledPolicy, values: FactVector): string[] {
  return policy.facts.filter((f) => values[f.index] === Tri.True).map((f) => f.id);
}

export function typicalContent(
  policy: CompiledPolicy,
  trueFacts: readonly string[],
  determination: Pick<Evaluation, 'outcome' | 'citation' | 'grounds'>,
  conclusion: string,
): TypicalContent {
  const held = new Set(trueFacts);
  const findings = policy.facts
    .filter((f) => held.has(f.id))
    .map((f) => ({ factId: f.id, citation: f.citation, text: f.text }));
  const articles = new Set(policy.facts.filter((f) => held.has(f.id)).map((f) => f.article));
  const ground = policy.grounds.find((g) => g.code === conclusion);
  if (ground !== undefined) articles.add(ground.article);
  return {
    findings,
    groundCitation: conclusionCitation(policy, determination, conclusion),
    articles: [...articles].sort((a, b) => a - b),
  };
}
