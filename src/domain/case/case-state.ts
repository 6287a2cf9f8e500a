// The vocabulary of the case procedure (第十四至十九条, docs/design/case-procedure.md):
// states, the six assessment factors, enforcement actions, origins and recipients. Plain
// constants with their Chinese labels, so that the interface, the documents and the store
// agree.

import { assertNever } from '../assert-never.ts';
import type { ProcedureParams } from '../policy/policy-model.ts';

export const CASE_STATES = [
  'submitted',
  'investigating',
  'assessing',
  'awaiting_decision',
  'decided',
  'notified',
  'published',
  'objection_review',
  'closed',
  'refused',
  'withdrawn',
] as const;

export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Readonly<Record<CaseState, string>> = {
  submitted: '已申请',
  investigating: '调查核实中',
  assessing: '综合分析研判中',
  awaiting_decision: '待研究决定',
  decided: '已作出决定',
  notified: '已告知',
  published: '已公开',
  objection_review: '异议复核中',
  closed: '已办结',
  refused: '不予受理',
  withdrawn: '已撤回',
};

export function isCaseState(value: string): value is CaseState {
  return (CASE_STATES as readonly string[]).includes(value);
}

/** A case in one of these states accepts no transition and no record. */
export function isTerminalState(state: CaseState): boolean {
  switch (state) {
    case 'closed':
    case 'refused':
    case 'withdrawn':
      return true;
    case 'submitted':
    case 'investigating':
    case 'assessing':
    case 'awaiting_decision':
    case 'decided':
    case 'notified':
    case 'published':
    case 'objection_review':
      return false;
    default:
      return assertNever(state);
  }
}

/** The states an objection can be raised from, and that its review returns to. */
export const OBJECTION_RETURN_STATES = ['notified', 'published'] as const;
export type ObjectionReturnState = (typeof OBJECTION_RETURN_STATES)[number];

/** How the deciding body answered an objection. */
export const OBJECTION_RESULTS = ['confirmed', 'changed'] as const;
export type ObjectionResult = (typeof OBJECTION_RESULTS)[number];

export const OBJECTION_RESULT_LABELS: Readonly<Record<ObjectionResult, string>> = {
  confirmed: '复核维持原结论',
  changed: '复核变更结论',
};

/** The six factors of 综合分析研判 (第十四条), in the order the article lists them. */
export const ASSESSMENT_FACTORS = [
  'intent',
  'conditions',
  'procedure',
  'severity',
  'consequences',
  'remedy',
] as const;

export type AssessmentFactor = (typeof ASSESSMENT_FACTORS)[number];

export const ASSESSMENT_FACTOR_LABELS: Readonly<Record<AssessmentFactor, string>> = {
  intent: '主观',
  conditions: '客观条件',
  procedure: '程序方法',
  severity: '性质程度',
  consequences: '后果影响',
  remedy: '挽回损失',
};

export function isAssessmentFactor(value: string): value is AssessmentFactor {
  return (ASSESSMENT_FACTORS as readonly string[]).includes(value);
}

/** The enforcement duties the regimes name (应急管理 第三条第二款). */
export const ENFORCEMENT_ACTIONS = ['inspection', 'coercion', 'penalty', 'license'] as const;

export type EnforcementAction = (typeof ENFORCEMENT_ACTIONS)[number];

export const ENFORCEMENT_ACTION_LABELS: Readonly<Record<EnforcementAction, string>> = {
  inspection: '行政检查',
  coercion: '行政强制',
  penalty: '行政处罚',
  license: '行政许可',
};

export function isEnforcementAction(value: string): value is EnforcementAction {
  return (ENFORCEMENT_ACTIONS as readonly string[]).includes(value);
}

/** How a case began: the officer's own application, or the unit's initiative. */
export const CASE_ORIGINS = ['application', 'initiation'] as const;
export type CaseOrigin = (typeof CASE_ORIGINS)[number];

export const CASE_ORIGIN_LABELS: Readonly<Record<CaseOrigin, string>> = {
  application: '本人申请',
  initiation: '单位启动',
};

/** Who a notification (告知) goes to: the officer concerned (当事人, `party`) or a related unit (相关单位). */
export const RECIPIENT_KINDS = ['party', 'unit'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const RECIPIENT_KIND_LABELS: Readonly<Record<RecipientKind, string>> = {
  party: '当事人',
  unit: '相关单位',
};

/**
 * A publication scope (公开范围) is one of the strings the policy lists (本单位, 本系统,
 * 社会公开, ...): each regime names its own, so the type is the policy's, not ours.
 */
export type PublicationScope = string;

export function publicationScopes(procedure: ProcedureParams): readonly PublicationScope[] {
  return procedure.publication.scopes;
}

export function isPublicationScope(procedure: ProcedureParams, scope: string): boolean {
  return procedure.publication.scopes.includes(scope);
}
