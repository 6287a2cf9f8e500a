// What an officer's record (履职档案) says beyond the rows: the policy's article that a
// tolerated case is no enforcement error (第十五条 in the emergency regime, 第十四条 in the
// education one), quoted from the policy, and on which cases it applied.

import { articleCitation } from '../policy/citation.ts';
import type { CompiledPolicy } from '../policy/compile-policy.ts';
import { isGroundCode, type GroundCode } from '../policy/policy-model.ts';
import { needsEnforcementErrorRecord } from './conclusion-effects.ts';

export interface NotEnforcementErrorRule {
  readonly policyId: string;
  readonly policyVersion: number;
  readonly policyTitle: string;
  readonly article: number;
  readonly citation: string;
  readonly topic: string;
  /** The article's words, as the policy has them. */
  readonly text: string;
  /** The conclusions the policy counts as not an enforcement error. */
  readonly grounds: readonly GroundCode[];
}

export function notEnforcementErrorRule(policy: CompiledPolicy): NotEnforcementErrorRule {
  const { article, grounds } = policy.def.procedure.notEnforcementError;
  const def = policy.def.chapters.flatMap((c) => c.articles).find((a) => a.number === article);
  return {
    policyId: policy.id,
    policyVersion: policy.version,
    policyTitle: policy.def.title,
    article,
    citation: articleCitation(article),
    topic: def?.topic ?? '',
    text: def?.paragraphs.map((p) => p.text).join('') ?? '',
    grounds,
  };
}

/**
 * Whether the rule applied to a case: a conclusion was reached, and it is one the policy
 * lists, so no enforcement error was recorded. A case not yet decided: no.
 */
export function ruleApplied(policy: CompiledPolicy, conclusion: string | null): boolean {
  if (conclusion === null || !(isGroundCode(conclusion) || conclusion === 'no_ground'))
    return false;
  return !needsEnforcementErrorRecord(policy.def.procedure, conclusion);
}
