// The audit log over HTTP, for the audit administrator (审计管理员).

import {
  BIGINT_SAFE_MAX,
  DateTime,
  Int,
  Nullable,
  NullableObject,
  StringEnum,
  Type,
  type Static,
  texts,
} from './schema-kit.ts';
import { AUDIT_FINDING_REASONS } from '../domain/audit/audit-checkpoint.ts';

export const AuditEvent = Type.Object({
  seq: Type.Integer(),
  at: DateTime,
  actorId: Nullable(Type.String()),
  ...texts('action', 'entityType', 'entityId'),
  data: Type.Record(Type.String(), Type.Unknown()),
  ...texts('prevHash', 'hash'),
});
export type AuditEvent = Static<typeof AuditEvent>;

export const AuditQuery = Type.Object({
  // seq is a bigint: bounded where a JavaScript number still holds it exactly.
  after: Type.Optional(Int({ maximum: BIGINT_SAFE_MAX })),
  limit: Type.Optional(Int({ minimum: 1, maximum: 500 })),
});

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
