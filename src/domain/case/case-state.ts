// The vocabulary of the case procedure (第十四至十九条, docs/design/case-procedure.md):
// states, the six assessment factors, enforcement actions, origins and recipients. Plain
// constants with their Chinese labels, so that the interface, the documents and the store
// agree.

import { assertNever } from '../assert-never.ts';
import { codesOf, isCodeOf } from '../vocabulary.ts';
import type { ProcedureParams } from '../policy/policy-model.ts';

export const CASE_STATE_LABELS = {
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
} as const;

export type CaseState = keyof typeof CASE_STATE_LABELS;
export const CASE_STATES = codesOf(CASE_STATE_LABELS);

export function isCaseState(value: string): value is CaseState {
  return isCodeOf(CASE_STATE_LABELS, value);
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
export const OBJECTION_RESULT_LABELS = {
  confirmed: '复核维持原结论',
  changed: '复核变更结论',
} as const;
export type ObjectionResult = keyof typeof OBJECTION_RESULT_LABELS;
export const OBJECTION_RESULTS = codesOf(OBJECTION_RESULT_LABELS);

/** The six factors of 综合分析研判 (第十四条), in the order the article lists them. */
export const ASSESSMENT_FACTOR_LABELS = {
  intent: '主观',
  conditions: '客观条件',
  procedure: '程序方法',
  severity: '性质程度',
  consequences: '后果影响',
  remedy: '挽回损失',
} as const;

export type AssessmentFactor = keyof typeof ASSESSMENT_FACTOR_LABELS;
export const ASSESSMENT_FACTORS = codesOf(ASSESSMENT_FACTOR_LABELS);

export function isAssessmentFactor(value: string): value is AssessmentFactor {
  return isCodeOf(ASSESSMENT_FACTOR_LABELS, value);
}

/** The enforcement duties the regimes name (应急管理 第三条第二款). */
export const ENFORCEMENT_ACTION_LABELS = {
  inspection: '行政检查',
  coercion: '行政强制',
  penalty: '行政处罚',
  license: '行政许可',
} as const;

export type EnforcementAction = keyof typeof ENFORCEMENT_ACTION_LABELS;
export const ENFORCEMENT_ACTIONS = codesOf(ENFORCEMENT_ACTION_LABELS);

export function isEnforcementAction(value: string): value is EnforcementAction {
  return isCodeOf(ENFORCEMENT_ACTION_LABELS, value);
}

/** How a case began: the officer's own application, or the unit's initiative. */
export const CASE_ORIGIN_LABELS = {
  application: '本人申请',
  initiation: '单位启动',
} as const;
export type CaseOrigin = keyof typeof CASE_ORIGIN_LABELS;
export const CASE_ORIGINS = codesOf(CASE_ORIGIN_LABELS);

/** Who a notification (告知) goes to: the officer concerned (当事人, `party`) or a related unit (相关单位). */
export const RECIPIENT_KIND_LABELS = {
  party: '当事人',
  unit: '相关单位',
} as const;
export type RecipientKind = keyof typeof RECIPIENT_KIND_LABELS;
export const RECIPIENT_KINDS = codesOf(RECIPIENT_KIND_LABELS);

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
