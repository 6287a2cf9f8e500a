// Warning rules (警示规则): the thresholds at which recurring errors become a 警示提醒
// (emergency regime 第十八条, education regime 第十七条: “对同一类问题频繁出现或者同一领域集中
// 出现的易错情形……警示提醒”). The regimes name no numbers; the system administrator sets
// them, and the audit log keeps every change.

import { assertNever } from '../assert-never.ts';
import type { CalendarDate } from '../calendar-date.ts';
import { WARNING_RULE_KIND_LABELS, type WarningRuleKind } from '../vocabulary.ts';

export interface WarningRule {
  readonly id: string;
  readonly kind: WarningRuleKind;
  /** The regime whose cases it counts; null: each regime's, counted apart. */
  readonly policyId: string | null;
  /**
   * same_error_type_in_unit: how many decided cases of one error type in one unit;
   * same_field_across_units: in how many units one field's decided cases fall.
   */
  readonly threshold: number;
  /** The window: the cases counted together are decided within this many months. */
  readonly months: number;
  readonly enabled: boolean;
}

/** What an administrator sets; the id names a rule that exists, none adds one. */
export interface WarningRuleInput {
  readonly id?: string;
  readonly kind: WarningRuleKind;
  readonly policyId: string | null;
  readonly threshold: number;
  readonly months: number;
  readonly enabled: boolean;
}

export const THRESHOLD_MIN = 2;
export const THRESHOLD_MAX = 100;
export const MONTHS_MIN = 1;
export const MONTHS_MAX = 60;

export interface RuleError {
  readonly code: 'INVALID_INPUT' | 'UNKNOWN_POLICY' | 'NOT_FOUND';
  readonly message: string;
}

/**
 * The refusal of a rule as set, or null. A threshold of one would warn of every error, not
 * of a recurring one (频繁出现, 集中出现): two is the least that recurs.
 */
export function checkRule(
  rule: WarningRuleInput,
  knownPolicies: ReadonlySet<string>,
): RuleError | null {
  const name = WARNING_RULE_KIND_LABELS[rule.kind];
  if (
    !Number.isInteger(rule.threshold) ||
    rule.threshold < THRESHOLD_MIN ||
    rule.threshold > THRESHOLD_MAX
  )
    return {
      code: 'INVALID_INPUT',
      message: `“${name}”的次数应为 ${THRESHOLD_MIN} 至 ${THRESHOLD_MAX} 的整数`,
    };
  if (!Number.isInteger(rule.months) || rule.months < MONTHS_MIN || rule.months > MONTHS_MAX)
    return {
      code: 'INVALID_INPUT',
      message: `“${name}”的统计期间应为 ${MONTHS_MIN} 至 ${MONTHS_MAX} 个月`,
    };
  if (rule.policyId !== null && !knownPolicies.has(rule.policyId))
    return { code: 'UNKNOWN_POLICY', message: `没有这项制度：${rule.policyId}` };
  return null;
}

/** The refusal of a whole set as sent: each rule, then the ids that name no rule. */
export function checkRuleSet(
  rules: readonly WarningRuleInput[],
  existingIds: ReadonlySet<string>,
  knownPolicies: ReadonlySet<string>,
): RuleError | null {
  const seen = new Set<string>();
  for (const rule of rules) {
    const refused = checkRule(rule, knownPolicies);
    if (refused) return refused;
    if (rule.id === undefined) continue;
    if (!existingIds.has(rule.id))
      return { code: 'NOT_FOUND', message: `警示规则不存在：${rule.id}` };
    if (seen.has(rule.id)) return { code: 'INVALID_INPUT', message: `警示规则重复：${rule.id}` };
    seen.add(rule.id);
  }
  return null;
}

/** A rule's threshold in words: 12个月内同一单位同一错误类型出现3次. */
export function ruleText(rule: Pick<WarningRule, 'kind' | 'threshold' | 'months'>): string {
  switch (rule.kind) {
    case 'same_error_type_in_unit':
      return `${rule.months}个月内同一单位同一错误类型出现${rule.threshold}次`;
    case 'same_field_across_units':
      return `${rule.months}个月内同一执法领域在${rule.threshold}个单位出现`;
    default:
      return assertNever(rule.kind);
  }
}

/**
 * The day `months` months before `day`, the day of the month kept where the month has it
 * (2026-03-31 less one month is 2026-02-28). A window of M months ending on `day` holds
 * the days after it: from 2025-12-01 to 2026-11-30 for twelve months ending 2026-11-30.
 */
export function monthsBefore(day: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const last = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(d, last), 2)}`;
}
