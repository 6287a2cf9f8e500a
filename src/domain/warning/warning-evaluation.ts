// Which warnings fire: given the decided cases' unit, field, error type and decision day,
// the rules, and the warnings already raised, the warnings to raise now.
//
// What counts (第十八条 “同一类问题频繁出现或者同一领域集中出现的易错情形”): a case the
// deciding body has decided, classified by its field and error type, on the day of its
// decision (the meeting date of the first decision, not of a review). A case still under
// investigation may yet be found to hold no error at all, and one refused or withdrawn was
// never established; a decided one is a problem the unit has found and must learn from,
// whatever the conclusion, since 第十七条 corrects 尽职免责 and 容错免责 objects alike.
//
// Once per rule, key and window: the cases behind a warning are not counted again for the
// same rule, so each further warning needs the threshold reached by cases not yet warned
// of. A window counts only if its last case was decided within the rule's months before
// today: a cluster of old errors, found when a threshold is lowered, is history, not a
// recurring error to warn of now.

import { assertNever } from '../assert-never.ts';
import type { CalendarDate } from '../calendar-date.ts';
import type { WarningRuleKind } from '../vocabulary.ts';
import { monthsBefore, type WarningRule } from './warning-rule.ts';

export interface DecidedCase {
  readonly caseId: string;
  readonly policyId: string;
  readonly unitId: string;
  readonly field: string;
  readonly errorType: string;
  /** The day of the decision: the deciding body's meeting date. */
  readonly decidedOn: CalendarDate;
}

/**
 * What a warning is about. A field or an error type is a code of one regime's taxonomy, so
 * the key always names the regime: 'other' of two regimes is not one error.
 */
export type WarningKey =
  | {
      readonly kind: 'same_error_type_in_unit';
      readonly policyId: string;
      readonly unitId: string;
      readonly errorType: string;
    }
  | { readonly kind: 'same_field_across_units'; readonly policyId: string; readonly field: string };

/** A warning raised before: its rule and the cases behind it. */
export interface RaisedWarning {
  readonly ruleId: string;
  readonly caseIds: readonly string[];
}

export interface FiringWarning {
  readonly ruleId: string;
  readonly key: WarningKey;
  /** The key as text, e.g. `xilingol-emergency-2024/<unit id>/facts_unclear`. */
  readonly keyText: string;
  /** The rule's threshold and months when it fired (a rule may change later). */
  readonly threshold: number;
  readonly months: number;
  /** The cases behind it, oldest decision first. */
  readonly caseIds: readonly string[];
  /** The units it is addressed to: the units of its cases. */
  readonly unitIds: readonly string[];
  /** The decision days of its first and last case. */
  readonly windowFrom: CalendarDate;
  readonly windowTo: CalendarDate;
}

export function keyOf(kind: WarningRuleKind, c: DecidedCase): WarningKey {
  switch (kind) {
    case 'same_error_type_in_unit':
      return { kind, policyId: c.policyId, unitId: c.unitId, errorType: c.errorType };
    case 'same_field_across_units':
      return { kind, policyId: c.policyId, field: c.field };
    default:
      return assertNever(kind);
  }
}

export function keyText(key: WarningKey): string {
  switch (key.kind) {
    case 'same_error_type_in_unit':
      return `${key.policyId}/${key.unitId}/${key.errorType}`;
    case 'same_field_across_units':
      return `${key.policyId}/${key.field}`;
    default:
      return assertNever(key);
  }
}

/** What a window of cases measures against the threshold: cases, or distinct units. */
function measure(kind: WarningRuleKind, window: readonly DecidedCase[]): number {
  switch (kind) {
    case 'same_error_type_in_unit':
      return window.length;
    case 'same_field_across_units':
      return new Set(window.map((c) => c.unitId)).size;
    default:
      return assertNever(kind);
  }
}

function byDecision(a: DecidedCase, b: DecidedCase): number {
  if (a.decidedOn !== b.decidedOn) return a.decidedOn < b.decidedOn ? -1 : 1;
  return a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0;
}

/**
 * The windows of one rule over one key's cases not yet warned of, oldest first: walking
 * the cases in decision order, the first case at which the cases decided within the
 * rule's months before it (its own day included) reach the threshold closes a window;
 * the next is counted from the case after it.
 */
function windowsOf(
  rule: WarningRule,
  cases: readonly DecidedCase[],
  asOf: CalendarDate,
): DecidedCase[][] {
  const sorted = [...cases].sort(byDecision);
  const recent = monthsBefore(asOf, rule.months);
  const windows: DecidedCase[][] = [];
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    const last = sorted[end]!;
    const from = monthsBefore(last.decidedOn, rule.months);
    while (sorted[start]!.decidedOn <= from) start++;
    const window = sorted.slice(start, end + 1);
    if (last.decidedOn > recent && measure(rule.kind, window) >= rule.threshold) {
      windows.push(window);
      start = end + 1;
    }
  }
  return windows;
}

function appliesTo(rule: WarningRule, c: DecidedCase): boolean {
  return rule.policyId === null || rule.policyId === c.policyId;
}

/**
 * The warnings to raise now, rule by rule in the order given, each rule's keys in the
 * order of their first case. `raised` are the warnings already raised (at least those of
 * the rules and keys of `cases`); `asOf` is today in China.
 */
export function firingWarnings(
  rules: readonly WarningRule[],
  cases: readonly DecidedCase[],
  raised: readonly RaisedWarning[],
  asOf: CalendarDate,
): FiringWarning[] {
  const firing: FiringWarning[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const warned = new Set(raised.filter((w) => w.ruleId === rule.id).flatMap((w) => w.caseIds));
    const groups = new Map<string, { key: WarningKey; cases: DecidedCase[] }>();
    for (const c of [...cases].sort(byDecision)) {
      if (!appliesTo(rule, c) || warned.has(c.caseId)) continue;
      const key = keyOf(rule.kind, c);
      const text = keyText(key);
      const group = groups.get(text) ?? { key, cases: [] };
      group.cases.push(c);
      groups.set(text, group);
    }
    for (const [text, group] of groups) {
      for (const window of windowsOf(rule, group.cases, asOf)) {
        firing.push({
          ruleId: rule.id,
          key: group.key,
          keyText: text,
          threshold: rule.threshold,
          months: rule.months,
          caseIds: window.map((c) => c.caseId),
          unitIds: [...new Set(window.map((c) => c.unitId))],
          windowFrom: window[0]!.decidedOn,
          windowTo: window.at(-1)!.decidedOn,
        });
      }
    }
  }
  return firing;
}
