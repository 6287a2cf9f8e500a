// What each audit event's action code means, in the words an auditor reads (审计管理员).
// Every action the application appends is one of `AuditAction`, and the type is made of
// the label tables below: an action appended without a label does not compile
// (appendAudit takes an AuditAction), and audit-actions.test.ts holds the source to it.

import {
  TRANSITION_LABELS,
  TRANSITION_NAMES,
  type TransitionName,
} from '../case/case-transitions.ts';

/** The records kept on a case without a step of the procedure (record-on-case.ts). */
export const CASE_RECORD_ACTION_LABELS = {
  'case.record_fact': '记录事实',
  'case.attach_evidence': '上传证据',
  'case.record_assessment': '记录综合分析研判',
  'case.record_review': '记录审核意见',
  'case.record_recusal': '记录回避',
} as const;

/** Accounts, sign-in and the system's own events. */
export const SYSTEM_ACTION_LABELS = {
  login: '登录',
  logout: '退出登录',
  password_changed: '修改本人密码',
  account_locked: '账号因连续登录失败被锁定',
  sign_in_failures: '登录失败（按时段汇总）',
  unit_created: '新建单位',
  unit_case_number_prefix_set: '设置案号前缀',
  user_created: '新建用户',
  roles_set: '设置角色',
  password_reset: '重置密码',
  user_disabled: '停用账号',
  user_enabled: '启用账号',
  demo_seeded: '载入演示数据',
  'job.deadline_scan': '期限巡查',
  'audit.export': '导出审计日志',
} as const;

export type CaseStepAction = `case.${TransitionName}`;
export type AuditAction =
  CaseStepAction | keyof typeof CASE_RECORD_ACTION_LABELS | keyof typeof SYSTEM_ACTION_LABELS;

/** Every action code with its label: the steps, the records, the rest. */
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  ...(Object.fromEntries(
    TRANSITION_NAMES.map((name) => [`case.${name}`, TRANSITION_LABELS[name]]),
  ) as Record<CaseStepAction, string>),
  ...CASE_RECORD_ACTION_LABELS,
  ...SYSTEM_ACTION_LABELS,
};

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as readonly AuditAction[];

export function isAuditAction(code: string): code is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, code);
}

/**
 * An action's label; one the application no longer appends (an old row) is named as such,
 * never shown as its code alone.
 */
export function auditActionLabel(code: string): string {
  return isAuditAction(code) ? AUDIT_ACTION_LABELS[code] : `其他操作（${code}）`;
}
