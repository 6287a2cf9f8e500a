// What every use case of the correction procedure shares: the policy of the correction's
// case, the domain's view of a correction (its row and the records the machine reads), the
// actor as the machine sees them, and the one answer for a correction one may not read.

import { todayInChina } from '../../domain/calendar-date.ts';
import {
  canReadCorrection,
  type Actor as CorrectionActor,
  type CorrectionContext,
  type CorrectionView,
} from '../../domain/correction/correction-machine.ts';
import type { CorrectionState } from '../../domain/vocabulary.ts';
import type { MachineRows } from '../../store/correction.repository.ts';
import type { Conn } from '../../store/transaction.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { pinnedPolicy } from '../policy/pinned-policy.ts';
import { caseActor } from '../case/case-actor.ts';

/** Does not exist, or the reader may not read it: the same answer, so that it does not leak. */
export const correctionNotFound = () => new UseCaseError('CORRECTION_NOT_FOUND', '纠错记录不存在');

export function correctionContext(
  ctx: AppContext,
  row: { policy_id: string; policy_version: number },
): CorrectionContext {
  return {
    today: todayInChina(ctx.now()),
    params: pinnedPolicy(ctx, row).def.procedure.correction,
    calendar: ctx.calendar,
  };
}

interface ViewedRow {
  readonly id: string;
  readonly state: string;
  readonly officer_id: string;
  readonly opened_at: Date;
  readonly notified_on: string | null;
  readonly due: string | null;
}

/** The domain's view of each correction, from its row and the records read for all of them. */
export function viewsOf(
  rows: readonly ViewedRow[],
  records: MachineRows,
): Map<string, CorrectionView> {
  const views = new Map<string, CorrectionView>();
  for (const row of rows) {
    const claims = records.claims.filter((c) => c.correction_id === row.id);
    const state = row.state as CorrectionState;
    views.set(row.id, {
      id: row.id,
      state,
      officerId: row.officer_id,
      openedOn: todayInChina(row.opened_at),
      notifiedOn: row.notified_on,
      due: row.due,
      items: records.items
        .filter((i) => i.correction_id === row.id)
        .map((i) => ({ id: i.id, done: i.done })),
      extensions: records.extensions
        .filter((e) => e.correction_id === row.id)
        .map((e) => ({
          id: e.id,
          state: e.state as 'pending' | 'approved' | 'refused',
          requestedDue: e.requested_due,
        })),
      claimedOn:
        state === 'completion_claimed' || state === 'completed'
          ? (claims.at(-1)?.claimed_on ?? null)
          : null,
    });
  }
  return views;
}

/** The actor for a correction they may read; CORRECTION_NOT_FOUND otherwise. */
export async function readingCorrectionActor(
  conn: Conn,
  actor: Actor,
  row: { unit_id: string; officer_id: string },
): Promise<CorrectionActor> {
  const who = await caseActor(conn, actor, row.unit_id);
  if (!canReadCorrection({ officerId: row.officer_id }, who)) throw correctionNotFound();
  return who;
}
