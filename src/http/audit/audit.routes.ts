// The audit log (审计管理员): read it, verify its chain and its signed checkpoints.

import { readAuditLog, verifyAudit } from '../../app/audit/audit-admin.ts';
import type { AppContext } from '../../app/app-context.ts';
import {
  AUDIT_BREAKS_LISTED,
  AuditEvent,
  AuditQuery,
  AuditVerification,
} from '../../contract/audit.schemas.ts';
import { Type } from '../../contract/schema-kit.ts';
import { asSent, iso, specFor, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';

const spec = specFor('审计 audit');

export function auditRoutes(ctx: AppContext): Routes {
  return async (app) => {
    const log = spec(
      '审计日志（审计管理员）/ audit log',
      { querystring: AuditQuery },
      { 200: Type.Array(AuditEvent) },
    );
    app.get('/api/v1/audit', log, async (request) => {
      const { after, limit } = request.query;
      const events = await readAuditLog(ctx, await actorOf(ctx, request), after, limit);
      return events.map((e): AuditEvent => ({ ...e, at: iso(e.at) }));
    });

    const verify = spec(
      '校验审计链（审计管理员）/ verify the audit chain',
      {},
      {
        200: AuditVerification,
      },
    );
    app.get('/api/v1/audit/verify', verify, async (request) =>
      presentVerification(await verifyAudit(ctx, await actorOf(ctx, request))),
    );
  };
}

/** The verdict as sent: the first problems listed (a page need not carry a million), all counted. */
function presentVerification(verdict: Awaited<ReturnType<typeof verifyAudit>>): AuditVerification {
  return asSent<AuditVerification>({
    ...verdict,
    breaks: verdict.breaks.slice(0, AUDIT_BREAKS_LISTED),
    breakCount: verdict.breaks.length,
  });
}
