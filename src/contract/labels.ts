// The interface's vocabulary in Chinese: every code the API sends with the words people
// read for it. The domain's labels are its own (its messages use them); they are passed
// on here, so the web imports them from the contract and never from the domain.

import type { Warning } from '../domain/determination/determine.ts';

export { ADMIN_ROLES, CASE_ROLES } from '../domain/account/roles.ts';
export type { RecordKind } from '../domain/case/case-records.ts';
export { TRANSITION_LABELS, type TransitionName } from '../domain/case/case-transitions.ts';
export { GROUND_LABELS } from '../domain/policy/policy-model.ts';
export { AUDIT_ACTION_LABELS, type AuditAction } from '../domain/audit/audit-actions.ts';
export { articleCitation, chineseNumeral } from '../domain/policy/citation.ts';
export {
  CORRECTION_ACTION_LABELS,
  type CorrectionAction,
} from '../domain/correction/correction-actions.ts';
export {
  AUDIT_ENTITY_LABELS,
  limitText,
  ASSESSMENT_FACTOR_LABELS,
  CASE_STATES,
  CASE_STATE_LABELS,
  CORRECTION_STATES,
  CORRECTION_STATE_LABELS,
  EXTENSION_STATE_LABELS,
  FOLLOW_UP_METHOD_LABELS,
  DEADLINE_STATUS_LABELS,
  ENFORCEMENT_ACTIONS,
  ENFORCEMENT_ACTION_LABELS,
  ROLES,
  ROLE_LABELS,
  REVIEW_KIND_LABELS,
  UNIT_KIND_LABELS,
  type AssessmentFactor,
  type CaseState,
  type CorrectionState,
  type FollowUpMethod,
  type DeadlineStatus,
  type EnforcementAction,
  type ReviewKind,
  type Role,
  type UnitKind,
} from '../domain/vocabulary.ts';

/** What each warning of a determination means (docs/spec/determination.md). */
export const DETERMINATION_WARNING_LABELS: Readonly<Record<Warning, string>> = {
  EFFECTIVE_DATE_UNKNOWN: '施行日期未知，视为在任何日期均已施行',
};

/** A fact as recorded: true, false, or null for not established (未查明). */
const FACT_VALUE_LABELS = { true: '属实', false: '不成立', null: '尚未查明' } as const;

export function factValueLabel(value: boolean | null): string {
  return FACT_VALUE_LABELS[String(value) as keyof typeof FACT_VALUE_LABELS];
}
