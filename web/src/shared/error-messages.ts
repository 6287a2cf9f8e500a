// The API's stable error codes in the words a user reads. The server's own message is
// shown when a code has no entry here (it is Chinese too, and names the value at fault).

import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPE_NAMES } from '../../../src/contract/evidence.ts';

// INVALID_CREDENTIALS has none: the server says which was wrong, the name or password
// at login, the current password when changing it.
const MESSAGES: Record<string, string> = {
  ACCOUNT_LOCKED: '连续 5 次登录失败，账号已锁定 15 分钟，请稍后再试',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '超过 30 分钟未操作，已自动退出，请重新登录',
  CSRF_TOKEN_INVALID: '页面已过期，请刷新后重试',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '未找到，或您无权查看',
  STALE_VERSION: '案件已被他人修改，页面已刷新，请核对后重试',
  INVALID_TRANSITION: '案件当前状态下不能进行此操作',
  MISSING_FACTS: '仍有事实未查明，尚不能完成调查核实',
  ASSESSMENT_INCOMPLETE: '综合分析研判的六个方面尚未全部记录',
  DEPARTURE_REASON_REQUIRED: '认定结论与系统认定意见不一致，须写明理由',
  REASON_REQUIRED: '请填写理由',
  DEADLINE_PASSED: '已超过规定期限',
  OBJECTION_PERIOD_OPEN: '异议期限尚未届满，期满后方可办结',
  WEAK_PASSWORD:
    '密码至少 10 位，并包含大写字母、小写字母、数字、符号中的至少三类，且不得包含用户名',
  ROLE_CONFLICT: '三员分立：同一账号不得兼任两个管理员角色，管理员不得担任业务角色',
  IDEMPOTENCY_KEY_REUSED: '重复提交的请求内容不一致',
  EVIDENCE_TOO_LARGE: `证据文件超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`,
  EVIDENCE_TYPE_NOT_ALLOWED: `证据文件类型不允许（支持 ${EVIDENCE_TYPE_NAMES}）`,
  NETWORK: '无法连接服务器，请检查网络后重试',
  // 纠错 (第十六至十八条).
  CORRECTION_NOT_FOUND: '纠错事项不存在，或您无权查看',
  ITEMS_NOT_DONE: '尚有纠错事项未完成：每一项纠错事项均完成后方可报告完成或验收办结',
  EXTENSION_PENDING: '已有延期申请等待审批，审批后方可再次申请',
  EXTENSION_NOT_ALLOWED: '本制度不允许延长整改期限',
  EXTENSION_NOT_PENDING: '该延期申请已审批',
  NEW_DUE_NOT_LATER: '新的整改期限应晚于现整改期限',
};

/**
 * Codes whose server message says more than a fixed text could: a refusal names who is
 * refused and why (举报涉及您本人，您不能查阅; 依照回避规定…), which the user needs.
 */
const SERVER_WORDS_FIRST: ReadonlySet<string> = new Set(['FORBIDDEN']);

export function messageFor(code: string, serverMessage?: string): string {
  if (serverMessage && SERVER_WORDS_FIRST.has(code)) return serverMessage;
  // Never the code itself: an answer without a message (a proxy's 502) reads as a failure.
  return MESSAGES[code] ?? serverMessage ?? '操作失败，请稍后重试';
}
