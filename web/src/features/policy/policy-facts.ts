// What the policy browser says instead of codes: a fact by its citation (第九条第（一）项),
// a determination's warning by its meaning. The codes stay out of the page's text.

import type { PolicyDetail } from '../../../../src/contract/policy.schemas.ts';
import { DETERMINATION_WARNING_LABELS } from '../../../../src/contract/labels.ts';

/** Each fact's citation by its id, from the policy's own fact list. */
export function factCitations(policy: PolicyDetail): ReadonlyMap<string, string> {
  return new Map(policy.facts.map((f) => [f.id, f.citation]));
}

/** A text with each warning code a policy's note may name replaced by its meaning. */
export function withWarningLabels(text: string): string {
  return Object.entries(DETERMINATION_WARNING_LABELS).reduce(
    (t, [code, label]) => t.replaceAll(code, `“${label}”`),
    text,
  );
}
