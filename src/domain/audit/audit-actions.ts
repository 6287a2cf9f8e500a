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
  'case.classify': '设置执法领域和错误类型',
} as const;

/** 典型案例: a published case marked as typical, and the mark withdrawn (typical-case/). */
export const TYPICAL_CASE_ACTION_LABELS = {
  'case.mark_typical': '标记为典型案例',
  'case.withdraw_typical': '撤销典型案例标记',
} as const;

/** 警示提醒 (第十八条): the rules set, a warning raised, a unit's acknowledgement (warning/). */
export const WARNING_ACTION_LABELS = {
  'warning_rules.set': '设置警示规则',
  'warning.raised': '发出警示提醒',
  'warning.acknowledged': '签收警示提醒',
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
  'system.backup': '数据备份',
  'system.backup_failed': '数据备份失败',
  'system.restore': '从备份恢复数据',
} as const;

/** The steps of the correction procedure (src/domain/correction/), and its daily reminders. */
export const CORRECTION_ACTION_AUDIT_LABELS = {
  'correction.issue_notice': '下发纠错通知',
  'correction.report_progress': '报告整改进展',
  'correction.attach_evidence': '上传整改证明材料',
  'correction.claim_completion': '报告整改完成',
  'correction.close': '纠错验收办结',
  'correction.send_back': '退回整改',
  'correction.request_extension': '申请延长整改期限',
  'correction.decide_extension': '审批延长整改期限',
  'correction.follow_up': '记录跟踪了解',
  'job.correction_reminders': '整改期限提醒',
} as const;

/** 信访举报 (第十九条): each step of a report's handling, and each read of a reporter's identity. */
export const REPORT_ACTION_LABELS = {
  'report.receive': '受理信访举报',
  'report.attach': '上传举报材料',
  'report.link_case': '关联容错案件',
  'report.record_finding': '记录查处结论',
  'report.give_feedback': '向实名举报人反馈',
  'report.explain': '匿名举报说明情况',
  'report.close': '举报办结',
  'report.refer': '移送纪检监察',
  'report.read_identity': '查阅举报人身份信息',
} as const;

/** The keys of reporters' identities (第十九条): `rongcuo keys rotate` (src/app/secrets/). */
export const IDENTITY_KEY_ACTION_LABELS = {
  'keys.rotate': '轮换举报人身份密钥',
} as const;

/** 澄清正名 (第十九条): a clearance decided on a report, and carried out (src/domain/clearance/). */
export const CLEARANCE_ACTION_LABELS = {
  'clearance.decide': '作出澄清正名决定',
  'clearance.carry_out': '澄清正名已实施',
} as const;

/** Official documents (issue 12): each generated file, with its kind, 文号 and SHA-256 (src/app/document/). */
export const DOCUMENT_ACTION_LABELS = {
  'document.generate': '生成公文',
} as const;

export type CaseStepAction = `case.${TransitionName}`;
export type AuditAction =
  | CaseStepAction
  | keyof typeof CASE_RECORD_ACTION_LABELS
  | keyof typeof TYPICAL_CASE_ACTION_LABELS
  | keyof typeof WARNING_ACTION_LABELS
  | keyof typeof SYSTEM_ACTION_LABELS
  | keyof typeof CORRECTION_ACTION_AUDIT_LABELS
  | keyof typeof REPORT_ACTION_LABELS
  | keyof typeof CLEARANCE_ACTION_LABELS
  | keyof typeof IDENTITY_KEY_ACTION_LABELS
  | keyof typeof DOCUMENT_ACTION_LABELS;

/** Every action code with its label: the steps, the records, the rest. */
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  ...(Object.fromEntries(
    TRANSITION_NAMES.map((name) => [`case.${name}`, TRANSITION_LABELS[name]]),
  ) as Record<CaseStepAction, string>),
  ...CASE_RECORD_ACTION_LABELS,
  ...TYPICAL_CASE_ACTION_LABELS,
  ...WARNING_ACTION_LABELS,
  ...CORRECTION_ACTION_AUDIT_LABELS,
  ...REPORT_ACTION_LABELS,
  ...CLEARANCE_ACTION_LABELS,
  ...IDENTITY_KEY_ACTION_LABELS,
  ...DOCUMENT_ACTION_LABELS,
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
