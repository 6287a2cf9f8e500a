// Reading and answering warnings (警示提醒): a reader sees those addressed to a unit of
// their subtree (warning-access.ts says who reads them); any other is not found. A unit
// acknowledges one with the measures it will take, once, in one transaction and one
// audit event.

import {
  acknowledgementTarget,
  mayAcknowledge,
  mayReadWarnings,
  type AcknowledgementRequest,
} from '../../domain/warning/warning-access.ts';
import { unitNames } from '../../store/publication.queries.ts';
import { inTransaction } from '../../store/transaction.ts';
import { subtreeIds } from '../../store/unit.repository.ts';
import { acknowledge, lockRecipients } from '../../store/warning.repository.ts';
import {
  casesOfWarning,
  findWarning,
  listWarnings,
  recipientsOf,
  type WarningListFilter,
  type WarningRow,
} from '../../store/warning.queries.ts';
import type { Conn } from '../../store/transaction.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';

/** The units whose warnings the actor reads: their subtree, or none. */
async function readersUnits(db: Conn, actor: Actor): Promise<string[]> {
  return mayReadWarnings(actor.roles) ? subtreeIds(db, actor.unitId) : [];
}

export type RecipientRow = Awaited<ReturnType<typeof recipientsOf>>[number];

export interface WarningSummary {
  readonly row: WarningRow;
  /** The unit of a same_error_type_in_unit warning, by name. */
  readonly unitName: string | null;
  readonly recipients: readonly RecipientRow[];
  /** The recipients the reader may acknowledge for, not yet acknowledged. */
  readonly waitingForReader: readonly string[];
}

async function summaries(
  db: Conn,
  actor: Actor,
  units: readonly string[],
  rows: readonly WarningRow[],
): Promise<WarningSummary[]> {
  const recipients = await recipientsOf(
    db,
    rows.map((r) => r.id),
  );
  const names = await unitNames(
    db,
    rows.flatMap((r) => (r.unit_id === null ? [] : [r.unit_id])),
  );
  const mine = new Set(units);
  const acknowledging = mayAcknowledge(actor.roles);
  return rows.map((row) => {
    const own = recipients.filter((r) => r.warning_id === row.id);
    return {
      row,
      unitName: row.unit_id === null ? null : (names.get(row.unit_id) ?? null),
      recipients: own,
      waitingForReader: acknowledging
        ? own.filter((r) => mine.has(r.unit_id) && r.acknowledged_at === null).map((r) => r.unit_id)
        : [],
    };
  });
}

export async function readWarnings(ctx: AppContext, actor: Actor, filter: WarningListFilter) {
  const units = await readersUnits(ctx.db, actor);
  const { total, rows } = await listWarnings(ctx.db, units, filter);
  return { total, items: await summaries(ctx.db, actor, units, rows) };
}

export type WarningCaseRow = Awaited<ReturnType<typeof casesOfWarning>>[number];

export interface WarningDetail extends WarningSummary {
  readonly cases: readonly (WarningCaseRow & { readonly readable: boolean })[];
}

function notFound(): UseCaseError {
  return new UseCaseError('NOT_FOUND', '警示提醒不存在或不是发给本单位的');
}

export async function readWarning(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<WarningDetail> {
  const units = await readersUnits(ctx.db, actor);
  const row = await findWarning(ctx.db, units, id);
  if (!row) throw notFound();
  const [summary] = await summaries(ctx.db, actor, units, [row]);
  // A case of another unit (a field's warning spans units) is listed without its link:
  // the reader reads the cases of their own subtree only.
  const mine = new Set(units);
  const cases = (await casesOfWarning(ctx.db, id)).map((c) => ({
    ...c,
    readable: mine.has(c.unit_id),
  }));
  return { ...summary!, cases };
}

export async function acknowledgeWarning(
  ctx: AppContext,
  actor: Actor,
  id: string,
  request: AcknowledgementRequest,
): Promise<WarningDetail> {
  const now = ctx.now();
  await inTransaction(ctx.db, async (tx) => {
    const units = new Set(await readersUnits(tx, actor));
    const recipients = await lockRecipients(tx, id);
    const target = acknowledgementTarget(
      actor.roles,
      actor.unitId,
      recipients.map((r) => ({ unitId: r.unit_id, acknowledged: r.acknowledged_at !== null })),
      (unitId) => units.has(unitId),
      request,
    );
    if (!target.ok) throw new UseCaseError(target.error.code, target.error.message);
    const measures = request.measures.trim();
    const done = await acknowledge(tx, {
      warningId: id,
      unitId: target.unitId,
      by: actor.id,
      at: now,
      measures,
    });
    if (!done) throw new UseCaseError('ALREADY_ACKNOWLEDGED', '该单位已签收本警示提醒');
    await appendAudit(
      tx,
      {
        actorId: actor.id,
        action: 'warning.acknowledged',
        entityType: 'warning',
        entityId: id,
        data: { unit: target.unitId, measures },
      },
      now,
    );
  });
  return readWarning(ctx, actor, id);
}
