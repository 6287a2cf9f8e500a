// The vocabulary of the case procedure (第十四至十九条, docs/design/case-procedure.md):
// states, roles, the six assessment factors, enforcement actions. Plain constants with
// their Chinese labels, so that the interface, the documents and the store agree.

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

export const ROLES = [
  'officer',
  'investigator',
  'secretary',
  'reviewer',
  'sysadmin',
  'secadmin',
  'auditadmin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  officer: '执法人员',
  investigator: '调查人员',
  secretary: '党委/党组秘书',
  reviewer: '法制、纪检审核人员',
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditadmin: '审计管理员',
};

/** Roles that work on cases; the administrators (三员) never do. */
export const CASE_ROLES = ['officer', 'investigator', 'secretary', 'reviewer'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditadmin'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isAdminRole(role: Role): role is AdminRole {
  switch (role) {
    case 'sysadmin':
    case 'secadmin':
    case 'auditadmin':
      return true;
    case 'officer':
    case 'investigator':
    case 'secretary':
    case 'reviewer':
      return false;
    default:
      return assertNever(role);
  }
}

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

/** For exhaustive switches: a new member of a union breaks the build here. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${String(value)}`);
}
