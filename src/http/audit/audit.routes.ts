// The audit log (审计管理员): read it, verify its chain.

import { readAuditLog, verifyAudit } from '../../app/audit/audit-admin.ts';
import type { AppContext } from '../../app/app-context.ts';
import { AuditEvent, AuditQuery, AuditVerification } from '../../contract/audit.schemas.ts';
import { errors, Type } from '../../contract/schema-kit.ts';
import { iso, type Routes } from '../route-plugin.ts';
import { actorOf } from '../session-cookie.ts';

const tags = ['审计 audit'];

type AuditRow = Awaited<ReturnType<typeof readAuditLog>>[number];

function presentEvent(e: AuditRow): AuditEvent {
  return { ...e, at: iso(e.at) };
}

export function auditRoutes(ctx: AppContext): Routes {
  return async (app) => {
    app.get(
      '/api/v1/audit',
      {
        schema: {
          tags,
          summary: '审计日志（审计管理员）/ audit log',
          querystring: AuditQuery,
          response: { 200: Type.Array(AuditEvent), ...errors },
        },
      },
      async (request) => {
        const { after = 0, limit = 100 } = request.query;
        return (await readAuditLog(ctx, await actorOf(ctx, request), after, limit)).map(
          presentEvent,
        );
      },
    );

    app.get(
      '/api/v1/audit/verify',
      {
        schema: {
          tags,
          summary: '校验审计链（审计管理员）/ verify the audit chain',
          response: { 200: AuditVerification, ...errors },
        },
      },
      async (request) => verifyAudit(ctx, await actorOf(ctx, request)),
    );
  };
}
