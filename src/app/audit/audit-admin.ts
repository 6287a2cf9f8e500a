// The audit administrator's work (审计管理员, 三员分立): reading the log, narrowed by
// actor, action, case and dates, exporting what was found, and verifying the chain
// against the signed checkpoints. No other role reads it. An export is itself audited.

import { addDays, type CalendarDate } from '../../domain/calendar-date.ts';
import {
  searchAuditEvents,
  type AuditListedRow,
  type AuditSearch,
} from '../../store/audit.repository.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { Actor } from '../account/sessions.ts';
import { requireRole } from '../account/require-role.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { flushAuditChain } from './audit-chainer.ts';
import { appendAudit, verifyAuditLog } from './audit-log.ts';

export type { AuditListedRow };

/** The filters as the API takes them: days in China, names as typed. */
export interface AuditFilters {
  readonly after?: number;
  readonly actor?: string;
  readonly action?: string;
  readonly caseNumber?: string;
  /** The first day, in China (inclusive). */
  readonly from?: CalendarDate;
  /** The last day, in China (inclusive). */
  readonly to?: CalendarDate;
}

/** The start of a day in China (UTC+8 all year), as an instant. */
const startOfChinaDay = (day: CalendarDate) => new Date(`${day}T00:00:00+08:00`);

function searchOf(filters: AuditFilters): AuditSearch {
  if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to) {
    throw new UseCaseError('INVALID_INPUT', '起始日期不能晚于截止日期');
  }
  const text = (value: string | undefined) => {
    const trimmed = value?.trim();
    return trimmed === '' ? undefined : trimmed;
  };
  return {
    afterSeq: filters.after,
    actor: text(filters.actor),
    action: text(filters.action),
    caseNumber: text(filters.caseNumber),
    from: filters.from === undefined ? undefined : startOfChinaDay(filters.from),
    until: filters.to === undefined ? undefined : startOfChinaDay(addDays(filters.to, 1)),
  };
}

/** A page of the events found, newest first, with how many were found in all. */
export async function readAuditLog(
  ctx: AppContext,
  actor: Actor,
  filters: AuditFilters,
  page: { readonly limit: number; readonly offset: number },
) {
  requireRole(actor, 'auditadmin');
  const search = searchOf(filters);
  // The pages show seq and hash: every event committed before now is chained first.
  await flushAuditChain(ctx.db);
  return searchAuditEvents(ctx.db, search, page);
}

/** How many events one export holds at most; the filters narrow a larger log. */
export const AUDIT_EXPORT_MAX = 100_000;

/**
 * Every event found (AUDIT_EXPORT_MAX at most), newest first, read and recorded as
 * exported in one transaction: the export's own event names the filters and the count.
 */
export async function exportAuditLog(
  ctx: AppContext,
  actor: Actor,
  filters: AuditFilters,
): Promise<AuditListedRow[]> {
  requireRole(actor, 'auditadmin');
  const search = searchOf(filters);
  await flushAuditChain(ctx.db);
  return inTransaction(ctx.db, async (trx) => {
    const { rows } = await searchAuditEvents(trx, search, { limit: AUDIT_EXPORT_MAX, offset: 0 });
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        action: 'audit.export',
        entityType: 'system',
        entityId: 'audit_log',
        data: { filters: { ...filters }, rows: rows.length },
      },
      ctx.now(),
    );
    return rows;
  });
}

export async function verifyAudit(ctx: AppContext, actor: Actor) {
  requireRole(actor, 'auditadmin');
  return verifyAuditLog(ctx.db, ctx.auditFiles);
}
