// The audit log over HTTP, for the audit administrator (审计管理员).

import {
  BIGINT_SAFE_MAX,
  DateOnly,
  DateTime,
  Text,
  Int,
  Nullable,
  NullableObject,
  StringEnum,
  Type,
  type Static,
  texts,
} from './schema-kit.ts';
import { AUDIT_FINDING_REASONS } from '../domain/audit/audit-checkpoint.ts';

const AuditActor = Type.Object({ ...texts('id', 'username', 'displayName') });

export const AuditEvent = Type.Object({
  seq: Type.Integer(),
  at: DateTime,
  /** 2026年3月1日 14:05:09, China time, as the auditor reads it. */
  atText: Type.String(),
  actorId: Nullable(Type.String()),
  /** Who: null for the system (scheduled jobs, the demo seed). */
  actor: NullableObject(AuditActor),
  ...texts('action', 'entityType', 'entityId'),
  /** What, in Chinese (src/domain/audit/audit-actions.ts). */
  actionLabel: Type.String(),
  /** The kind of object in Chinese (案件, 用户, 单位, 系统). */
  entityLabel: Type.String(),
  /** The object in words: a case's number, a user's name and account, a unit's name. */
  subject: Type.String(),
  /** The case the event is about (its number), if it is about one. */
  caseNumber: Nullable(Type.String()),
  /** From where: the client's address; null for the system and before migration 0007. */
  clientAddress: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
  ...texts('prevHash', 'hash'),
});
export type AuditEvent = Static<typeof AuditEvent>;

/** The filters of the log and of its export; dates are days in China, both inclusive. */
const auditFilters = {
  actor: Type.Optional(Text(100)),
  action: Type.Optional(Text(100)),
  case: Type.Optional(Text(100)),
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
};

export const AuditQuery = Type.Object({
  // seq is a bigint: bounded where a JavaScript number still holds it exactly.
  after: Type.Optional(Int({ maximum: BIGINT_SAFE_MAX })),
  limit: Type.Optional(Int({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Int({ minimum: 0 })),
  ...auditFilters,
});
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditExportQuery = Type.Object(auditFilters);
export type AuditExportQuery = Static<typeof AuditExportQuery>;

/** One page of the events found, newest first, and how many were found in all. */
export const AuditLogPage = Type.Object({
  items: Type.Array(AuditEvent),
  total: Type.Integer(),
});
export type AuditLogPage = Static<typeof AuditLogPage>;

/** At most this many problems are listed in one answer; `breakCount` gives them all. */
export const AUDIT_BREAKS_LISTED = 1000;

export const AuditBreak = Type.Object(
  {
    seq: Nullable(Type.Integer({ description: '所涉审计记录序号；检查点文件本身的问题为 null' })),
    reason: StringEnum(AUDIT_FINDING_REASONS),
    message: Type.String({ description: '中文说明 / the auditor-facing message' }),
  },
  { description: '一处问题 / one problem found' },
);
export type AuditBreak = Static<typeof AuditBreak>;

export const AuditCheckpointReference = Type.Object(
  {
    seq: Type.Integer(),
    hash: Type.String(),
    at: DateTime,
    keyId: Type.String({ description: '签名公钥指纹（SM3）/ the signing key fingerprint' }),
    matched: Type.Boolean({ description: '现存审计链是否仍含此检查点的链头' }),
  },
  { description: '对照的签名检查点（最新的有效检查点）/ the newest authentic checkpoint' },
);

export const AuditVerification = Type.Object(
  {
    ok: Type.Boolean(),
    count: Type.Optional(Type.Integer()),
    head: Type.Optional(Type.Object({ seq: Type.Integer(), hash: Type.String() })),
    /** The first problem's row, reason and message, as before `breaks` listed them all. */
    brokenAt: Type.Optional(Type.Integer()),
    reason: Type.Optional(Type.String()),
    message: Type.Optional(Type.String()),
    breaks: Type.Array(AuditBreak, {
      description: `每一处问题，审计链的在前（按序号），检查点的在后；至多 ${AUDIT_BREAKS_LISTED} 处`,
    }),
    breakCount: Type.Integer({ description: '问题总数 / how many problems in all' }),
    checkpoint: NullableObject(AuditCheckpointReference),
  },
  {
    description:
      '审计链校验结果 / every broken link, and the chain held to its newest signed checkpoint',
  },
);
export type AuditVerification = Static<typeof AuditVerification>;
