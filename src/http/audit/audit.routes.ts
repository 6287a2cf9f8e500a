// The audit log (审计管理员): read it, narrowed and a page at a time; export what was
// found as CSV; verify its chain and its signed checkpoints.

import {
  exportAuditLog,
  readAuditLog,
  verifyAudit,
  type AuditFilters,
} from '../../app/audit/audit-admin.ts';
import type { AppContext } from '../../app/app-context.ts';
import {
  AUDIT_BREAKS_LISTED,
  AuditExportQuery,
  AuditLogPage,
  AuditQuery,
  AuditVerification,
} from '../../contract/audit.schemas.ts';
import { Type } from '../../contract/schema-kit.ts';
import { asSent, specFor, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { auditCsv, presentAuditEvent } from './audit.presenter.ts';

const spec = specFor('审计 audit');

/** The page size when the client names none. */
const PAGE = 50;

function filtersOf(query: AuditExportQuery & { after?: number }): AuditFilters {
  return {
    after: query.after,
    actor: query.actor,
    action: query.action,
    caseNumber: query.case,
    from: query.from,
    to: query.to,
  };
}

export function auditRoutes(ctx: AppContext): Routes {
  return async (app) => {
    const log = spec(
      '审计日志（审计管理员；按操作人、操作、案号、日期筛选，新的在前）/ audit log',
      { querystring: AuditQuery },
      { 200: AuditLogPage },
    );
    app.get('/api/v1/audit', log, async (request) => {
      const { limit = PAGE, offset = 0 } = request.query;
      const actor = await actorOf(ctx, request);
      const found = await readAuditLog(ctx, actor, filtersOf(request.query), { limit, offset });
      return { items: found.rows.map(presentAuditEvent), total: found.total };
    });

    const exported = spec(
      '导出审计日志 CSV（审计管理员；筛选同上；导出本身记入审计日志）/ export the audit log',
      { querystring: AuditExportQuery },
      { 200: Type.String({ description: 'text/csv; UTF-8 with BOM' }) },
    );
    app.get('/api/v1/audit/export', exported, async (request, reply) => {
      const actor = await actorOf(ctx, request);
      const rows = await exportAuditLog(ctx, actor, filtersOf(request.query));
      const name = `审计日志-${new Date(ctx.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10)}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="audit-log.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(auditCsv(rows));
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
