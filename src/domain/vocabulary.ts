// The domain's vocabularies: each code list of GLOSSARY.md with the Chinese words the
// interface shows for it, written once as a record. The list of codes, their type and
// the check of a string are read off the record, so a code cannot come without its label;
// and the Chinese of every list stands in this one file, to read and correct together.

/** The codes of a vocabulary, in the order the record lists them. */
export function codesOf<K extends string>(labels: Readonly<Record<K, string>>): readonly K[] {
  return Object.freeze(Object.keys(labels) as K[]);
}

/** Whether a string is one of the vocabulary's codes. */
export function isCodeOf<K extends string>(
  labels: Readonly<Record<K, string>>,
  value: string,
): value is K {
  return Object.hasOwn(labels, value);
}

/** 案件状态 (case states). */
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

/** 异议复核结果 (objection results). */
export const OBJECTION_RESULT_LABELS = {
  confirmed: '复核维持原结论',
  changed: '复核变更结论',
} as const;
export type ObjectionResult = keyof typeof OBJECTION_RESULT_LABELS;
export const OBJECTION_RESULTS = codesOf(OBJECTION_RESULT_LABELS);

/** 综合分析研判的六个方面 (第十四条), in the order the article lists them. */
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

/** 执法行为类别: the enforcement duties the regimes name (应急管理 第三条第二款). */
export const ENFORCEMENT_ACTION_LABELS = {
  inspection: '行政检查',
  coercion: '行政强制',
  penalty: '行政处罚',
  license: '行政许可',
} as const;

export type EnforcementAction = keyof typeof ENFORCEMENT_ACTION_LABELS;
export const ENFORCEMENT_ACTIONS = codesOf(ENFORCEMENT_ACTION_LABELS);

/** 案件来源: the officer's own application, or the unit's initiative. */
export const CASE_ORIGIN_LABELS = {
  application: '本人申请',
  initiation: '单位启动',
} as const;
export type CaseOrigin = keyof typeof CASE_ORIGIN_LABELS;
export const CASE_ORIGINS = codesOf(CASE_ORIGIN_LABELS);

/** 告知对象: the officer concerned (当事人, `party`) or a related unit (相关单位). */
export const RECIPIENT_KIND_LABELS = {
  party: '当事人',
  unit: '相关单位',
} as const;
export type RecipientKind = keyof typeof RECIPIENT_KIND_LABELS;
export const RECIPIENT_KINDS = codesOf(RECIPIENT_KIND_LABELS);

/** 送达方式: how a notice is delivered (送达). */
export const DELIVERY_METHOD_LABELS = {
  in_person: '直接送达',
  by_post: '邮寄送达',
  electronic: '电子送达',
  left_at_address: '留置送达',
} as const;
export type DeliveryMethod = keyof typeof DELIVERY_METHOD_LABELS;
export const DELIVERY_METHODS = codesOf(DELIVERY_METHOD_LABELS);

export function isDeliveryMethod(value: unknown): value is DeliveryMethod {
  return typeof value === 'string' && isCodeOf(DELIVERY_METHOD_LABELS, value);
}

/** 审核意见: the reviewers' opinions recorded before the decision. */
export const REVIEW_KIND_LABELS = {
  legal: '法制审核意见',
  discipline: '纪检监察意见',
} as const;
export type ReviewKind = keyof typeof REVIEW_KIND_LABELS;
export const REVIEW_KINDS = codesOf(REVIEW_KIND_LABELS);

export function isReviewKind(value: unknown): value is ReviewKind {
  return typeof value === 'string' && isCodeOf(REVIEW_KIND_LABELS, value);
}

/** 回避方式: asked by the officer concerned, stepped aside by oneself, or decided. */
export const RECUSAL_KIND_LABELS = {
  requested: '申请回避',
  self: '自行回避',
  decided: '决定回避',
} as const;
export type RecusalKind = keyof typeof RECUSAL_KIND_LABELS;
export const RECUSAL_KINDS = codesOf(RECUSAL_KIND_LABELS);

/** 角色: the case roles and the three administrators (三员分立). */
export const ROLE_LABELS = {
  officer: '执法人员',
  investigator: '调查人员',
  secretary: '党委/党组秘书',
  reviewer: '法制、纪检审核人员',
  petitions: '信访举报工作人员',
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditadmin: '审计管理员',
} as const;

export type Role = keyof typeof ROLE_LABELS;
export const ROLES = codesOf(ROLE_LABELS);

/** 单位类别: the tree 盟 → 局 → 科室 / 旗县局. */
export const UNIT_KIND_LABELS = {
  league: '盟',
  bureau: '局',
  section: '科室',
  county_bureau: '旗县局',
} as const;
export type UnitKind = keyof typeof UNIT_KIND_LABELS;
export const UNIT_KINDS = codesOf(UNIT_KIND_LABELS);

/** 期限类别 (deadline kinds). */
export const DEADLINE_KIND_LABELS = {
  notification: '告知期限',
  objection: '异议期限',
  correction: '整改期限',
  report_feedback: '举报反馈期限',
} as const;
export type DeadlineKind = keyof typeof DEADLINE_KIND_LABELS;
export const DEADLINE_KINDS = codesOf(DEADLINE_KIND_LABELS);

/** 期限状态 (deadline status against today). */
export const DEADLINE_STATUS_LABELS = {
  due_soon: '即将到期',
  overdue: '已逾期',
} as const;
export type DeadlineStatus = keyof typeof DEADLINE_STATUS_LABELS;
export const DEADLINE_STATUSES = codesOf(DEADLINE_STATUS_LABELS);

/** 纠错状态: the states of the correction procedure (第十六至十八条), src/domain/correction/. */
export const CORRECTION_STATE_LABELS = {
  opened: '待下发纠错通知',
  in_progress: '整改中',
  completion_claimed: '待验收',
  completed: '已完成',
  cancelled: '已撤销',
} as const;
export type CorrectionState = keyof typeof CORRECTION_STATE_LABELS;
export const CORRECTION_STATES = codesOf(CORRECTION_STATE_LABELS);

/** 跟踪了解方式 (第十八条): how the unit checked a correction's progress. */
export const FOLLOW_UP_METHOD_LABELS = {
  on_site: '实地核查',
  written_report: '书面报告',
  interview: '约谈',
  phone: '电话了解',
  other: '其他',
} as const;
export type FollowUpMethod = keyof typeof FOLLOW_UP_METHOD_LABELS;
export const FOLLOW_UP_METHODS = codesOf(FOLLOW_UP_METHOD_LABELS);

/** 延长整改期限申请的状态. */
export const EXTENSION_STATE_LABELS = {
  pending: '待审批',
  approved: '已批准',
  refused: '不予批准',
} as const;
export type ExtensionState = keyof typeof EXTENSION_STATE_LABELS;
export const EXTENSION_STATES = codesOf(EXTENSION_STATE_LABELS);

/** 信访举报的状态 (第十九条): received, a finding made, closed with feedback or explanation. */
export const REPORT_STATE_LABELS = {
  received: '已受理',
  found: '已查结',
  closed: '已办结',
} as const;
export type ReportState = keyof typeof REPORT_STATE_LABELS;
export const REPORT_STATES = codesOf(REPORT_STATE_LABELS);

/** 举报来源渠道. */
export const REPORT_CHANNEL_LABELS = {
  letter: '来信',
  visit: '来访',
  online: '网络',
  phone: '电话',
  referred: '上级转办',
} as const;
export type ReportChannel = keyof typeof REPORT_CHANNEL_LABELS;
export const REPORT_CHANNELS = codesOf(REPORT_CHANNEL_LABELS);

/** 查处结论 of a report; the last three are those 第十九条 names for feedback and clearance. */
export const REPORT_FINDING_LABELS = {
  true: '属实',
  partly_true: '部分属实',
  untrue: '不属实',
  unfounded: '查无实据',
  tolerated: '经认定予以容错免责',
} as const;
export type ReportFinding = keyof typeof REPORT_FINDING_LABELS;
export const REPORT_FINDINGS = codesOf(REPORT_FINDING_LABELS);

/** 恶意举报的情形 (第十九条): what makes an untrue report a reason to clear the officer's name. */
export const MALICE_KIND_LABELS = {
  slander: '恶意中伤',
  false_accusation: '诬告陷害',
  hype_defamation: '恶意炒作和诽谤',
} as const;
export type MaliceKind = keyof typeof MALICE_KIND_LABELS;
export const MALICE_KINDS = codesOf(MALICE_KIND_LABELS);

/** 反馈方式: how a named reporter was told the result. */
export const FEEDBACK_CHANNEL_LABELS = {
  written: '书面反馈',
  in_person: '当面反馈',
  phone: '电话反馈',
  online: '网络反馈',
} as const;
export type FeedbackChannel = keyof typeof FEEDBACK_CHANNEL_LABELS;
export const FEEDBACK_CHANNELS = codesOf(FEEDBACK_CHANNEL_LABELS);

/**
 * 范围 (第十九条 在一定范围内): where an anonymous report is explained, where an accusation
 * reached and where a name is cleared; in this order, each wider than the one before.
 */
export const DISCLOSURE_SCOPE_LABELS = {
  unit: '本单位',
  system: '本系统',
  public: '社会公开',
} as const;
export type DisclosureScope = keyof typeof DISCLOSURE_SCOPE_LABELS;
export const DISCLOSURE_SCOPES = codesOf(DISCLOSURE_SCOPE_LABELS);

/** 澄清正名的方式 (适当方式). */
export const CLEARANCE_METHOD_LABELS = {
  meeting: '会议说明',
  written_notice: '书面通报',
  public_release: '公开发布',
} as const;
export type ClearanceMethod = keyof typeof CLEARANCE_METHOD_LABELS;
export const CLEARANCE_METHODS = codesOf(CLEARANCE_METHOD_LABELS);

/** 澄清正名的状态: decided, then carried out within its scope. */
export const CLEARANCE_STATE_LABELS = {
  decided: '已决定',
  carried_out: '已澄清',
} as const;
export type ClearanceState = keyof typeof CLEARANCE_STATE_LABELS;
export const CLEARANCE_STATES = codesOf(CLEARANCE_STATE_LABELS);

/** 警示规则的种类 (第十八条 易错情形): what a warning rule counts (src/domain/warning/). */
export const WARNING_RULE_KIND_LABELS = {
  same_error_type_in_unit: '同一单位同类错误频繁出现',
  same_field_across_units: '同一领域多个单位集中出现',
} as const;
export type WarningRuleKind = keyof typeof WARNING_RULE_KIND_LABELS;
export const WARNING_RULE_KINDS = codesOf(WARNING_RULE_KIND_LABELS);

/** 期限计算方式: how a time limit counts its days (docs/spec/deadlines.md). */
export const COUNTING_LABELS = {
  calendar: '自然日',
  working: '工作日',
} as const;
export type DeadlineCounting = keyof typeof COUNTING_LABELS;
export const DEADLINE_COUNTINGS = codesOf(COUNTING_LABELS);

/** 审计对象: what an audit event is about. */
export const AUDIT_ENTITY_LABELS = {
  case: '案件',
  correction: '纠错',
  user: '用户',
  unit: '单位',
  session: '会话',
  system: '系统',
  policy: '制度',
  job: '定时任务',
  warning: '警示提醒',
  warning_rules: '警示规则',
  report: '信访举报',
  identity_keys: '举报人身份密钥',
  clearance: '澄清正名',
} as const;

/** A time limit in words: 7 个自然日, 10 个工作日. */
export function limitText(days: number, counting: DeadlineCounting): string {
  return `${days} 个${COUNTING_LABELS[counting]}`;
}

export function isCaseState(value: string): value is CaseState {
  return isCodeOf(CASE_STATE_LABELS, value);
}

export function isAssessmentFactor(value: string): value is AssessmentFactor {
  return isCodeOf(ASSESSMENT_FACTOR_LABELS, value);
}

export function isEnforcementAction(value: string): value is EnforcementAction {
  return isCodeOf(ENFORCEMENT_ACTION_LABELS, value);
}

export function isRole(value: string): value is Role {
  return isCodeOf(ROLE_LABELS, value);
}

export function isCorrectionState(value: string): value is CorrectionState {
  return isCodeOf(CORRECTION_STATE_LABELS, value);
}
