// A rule as JavaScript source over fully known facts, for the code generated per policy
// (determination/known-determination.ts). Fact i is the boolean local `f<i>`; the only
// other text embedded is fact ids, regex-checked and quoted, so no policy text can
// become code. The same rule as `evaluateRule` + `collectBasis` on a fully known vector,
// checked against them by property tests (rule-code.test.ts).

import { parseFactId } from './policy-model.ts';
import { assertNever, type Rule } from './rule.ts';

/** The local a generated function reads fact `index` into. */
export function factLocal(index: number): string {
  return `f${index}`;
}

/** A fact id as a string literal; only contract-shaped ids are ever embedded. */
export function idLiteral(id: string): string {
  if (parseFactId(id) === null) throw new Error(`not a fact id: ${id}`);
  return JSON.stringify(id);
}

/** A boolean expression: whether the rule holds. */
export function holdsCode(rule: Rule): string {
  switch (rule.kind) {
    case 'fact':
      return factLocal(rule.fact);
    case 'exception':
      // An item with its 但书 holds when the item holds and the exception does not.
      return `(${factLocal(rule.fact)} && !${factLocal(rule.unless)})`;
    case 'all':
      return `(${rule.of.map(holdsCode).join(' && ')})`;
    case 'any':
      return `(${rule.of.map(holdsCode).join(' || ')})`;
    case 'not':
      return `!${holdsCode(rule.of)}`;
    default:
      return assertNever(rule);
  }
}

/**
 * Whether the basis of a rule that holds is always the same facts: true unless an "any"
 * is on the way (what a negation reads never counts, so an "any" under one does not matter).
 */
export function hasFixedBasis(rule: Rule): boolean {
  switch (rule.kind) {
    case 'fact':
    case 'exception':
    case 'not':
      return true;
    case 'all':
      return rule.of.every(hasFixedBasis);
    case 'any':
      return false;
    default:
      return assertNever(rule);
  }
}

/**
 * Statements that push the ids of the rule's basis onto the array `out`, run only when the
 * rule holds: every true fact that makes it hold, in reading order (`collectBasis`).
 */
export function basisCode(rule: Rule, ids: readonly string[], out: string): string {
  switch (rule.kind) {
    case 'fact':
    case 'exception':
      return `${out}.push(${idLiteral(ids[rule.fact]!)});`;
    case 'all':
      return rule.of.map((child) => basisCode(child, ids, out)).join(' ');
    case 'any':
      return rule.of
        .map((child) => `if (${holdsCode(child)}) { ${basisCode(child, ids, out)} }`)
        .join(' ');
    case 'not':
      return '';
    default:
      return assertNever(rule);
  }
}
