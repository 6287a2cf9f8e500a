// The audit log as an auditor reads it: who (name and account), what (in Chinese), on
// what (a case's number, a unit's name, a user's name), when (China time) and from where;
// and the same rows as a CSV file Excel opens (UTF-8 with a byte-order mark).

import type { AuditListedRow } from '../../app/audit/audit-admin.ts';
import type { AuditEvent } from '../../contract/audit.schemas.ts';
import { auditActionLabel } from '../../domain/audit/audit-actions.ts';
import { AUDIT_ENTITY_LABELS } from '../../domain/vocabulary.ts';
import { iso } from '../route-kit.ts';

/** 2026年3月1日 14:05:09 in China (UTC+8 all year, no daylight saving). */
export function chinaDateTimeText(at: Date): string {
  const china = new Date(at.getTime() + 8 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ` +
    `${two(china.getUTCHours())}:${two(china.getUTCMinutes())}:${two(china.getUTCSeconds())}`
  );
}

function entityLabel(type: string): string {
  return (AUDIT_ENTITY_LABELS as Readonly<Record<string, string>>)[type] ?? '其他对象';
}

/** The object in words; one since deleted (or never named) is said to be so. */
function subjectOf(r: AuditListedRow): string {
  switch (r.entity_type) {
    case 'case':
      return r.case_number ?? '（案件不存在）';
    case 'unit':
      return r.unit_name ?? '（单位不存在）';
    case 'user':
      return r.user_name === null ? '（用户不存在）' : `${r.user_name}（${r.user_username}）`;
    case 'system':
      return r.entity_id === 'audit_log' ? '审计日志' : '系统';
    case 'job':
      return '定时任务';
    default:
      return entityLabel(r.entity_type);
  }
}

function actorText(r: AuditListedRow): string {
  if (r.actor_id === null) return '系统';
  return r.actor_name === null ? '（用户不存在）' : r.actor_name;
}

export function presentAuditEvent(r: AuditListedRow): AuditEvent {
  return {
    seq: r.seq,
    at: iso(r.at),
    atText: chinaDateTimeText(r.at),
    actorId: r.actor_id,
    actor:
      r.actor_id === null || r.actor_username === null
        ? null
        : { id: r.actor_id, username: r.actor_username, displayName: r.actor_name ?? '' },
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    entityType: r.entity_type,
    entityId: r.entity_id,
    entityLabel: entityLabel(r.entity_type),
    subject: subjectOf(r),
    caseNumber: r.case_number,
    clientAddress: r.client_address,
    data: (r.data ?? {}) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** The CSV's columns, in Chinese, and each row's cells. */
export const AUDIT_CSV_HEADERS = [
  '序号',
  '时间（北京时间）',
  '操作人',
  '账号',
  '操作',
  '对象类别',
  '对象',
  '案号',
  '来源地址',
] as const;

function csvCells(r: AuditListedRow): string[] {
  return [
    String(r.seq),
    chinaDateTimeText(r.at),
    actorText(r),
    r.actor_username ?? '',
    auditActionLabel(r.action),
    entityLabel(r.entity_type),
    subjectOf(r),
    r.case_number ?? '',
    r.client_address ?? '',
  ];
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A text
 * that a spreadsheet would run as a formula (= + - @ first) gets a leading apostrophe.
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The whole file: a byte-order mark (Excel then reads UTF-8), the headers, CRLF lines. */
export function auditCsv(rows: readonly AuditListedRow[]): string {
  const lines = [AUDIT_CSV_HEADERS, ...rows.map(csvCells)].map((cells) =>
    cells.map(csvField).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
