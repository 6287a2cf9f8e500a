// The citation of the ground a committee's conclusion rests on (第X条第（Y）项): what a
// publication and a typical case print beside the conclusion.

import { factOf, type CompiledPolicy } from '../policy/compile-policy.ts';
import type { Evaluation } from '../policy/evaluate.ts';

/**
 * The engine's citation when the conclusion is its outcome; otherwise the citations of the
 * facts of that ground as the engine found them, if the ground held; null when it did not.
 */
export function conclusionCitation(
  policy: CompiledPolicy,
  determination: Pick<Evaluation, 'outcome' | 'citation' | 'grounds'>,
  conclusion: string,
): string | null {
  if (determination.outcome === conclusion && determination.citation !== '')
    return determination.citation;
  const ground = determination.grounds.find((g) => g.code === conclusion && g.basis.length > 0);
  if (ground === undefined) return null;
  const citations = ground.basis
    .map((f) => factOf(policy, f)?.citation)
    .filter((c): c is string => c !== undefined);
  return citations.length === 0 ? null : [...new Set(citations)].join('、');
}
