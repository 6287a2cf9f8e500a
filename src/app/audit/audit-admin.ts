// The audit administrator's work (审计管理员, 三员分立): reading the log and verifying
// its chain against the signed checkpoints. No other role reads it.

import { readAuditEvents } from '../../store/audit.repository.ts';
import type { Actor } from '../account/sessions.ts';
import { requireRole } from '../account/require-role.ts';
import type { AppContext } from '../app-context.ts';
import { verifyAuditLog } from './audit-log.ts';

/** The events after `afterSeq`, `limit` of them at most (1 to 500, as the API checks). */
export async function readAuditLog(ctx: AppContext, actor: Actor, afterSeq = 0, limit = 100) {
  requireRole(actor, 'auditadmin');
  return readAuditEvents(ctx.db, afterSeq, limit);
}

export async function verifyAudit(ctx: AppContext, actor: Actor) {
  requireRole(actor, 'auditadmin');
  return verifyAuditLog(ctx.db, ctx.auditFiles);
}
