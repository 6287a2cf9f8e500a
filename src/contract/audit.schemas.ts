// The audit log over HTTP, for the audit administrator (审计管理员).

import { DateTime, Nullable, Type, type Static, texts } from './schema-kit.ts';

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
  after: Type.Optional(Type.Integer({ minimum: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});

export const AuditVerification = Type.Object(
  {
    ok: Type.Boolean(),
    count: Type.Optional(Type.Integer()),
    head: Type.Optional(Type.Object({ seq: Type.Integer(), hash: Type.String() })),
    brokenAt: Type.Optional(Type.Integer()),
    reason: Type.Optional(Type.String()),
    message: Type.Optional(Type.String()),
  },
  { description: '审计链校验结果 / the first broken link, if any' },
);
export type AuditVerification = Static<typeof AuditVerification>;
