// The steps of the correction procedure as use cases: each in one transaction that locks
// the correction, asks the domain (decideCorrection), checks the version the client read,
// writes the change, moves the state, deadline and version on, and appends one audit event
// (`correction.<step>`). A refusal writes nothing.

import type { CorrectionAction } from '../../domain/correction/correction-actions.ts';
import {
  decideCorrection,
  type CorrectionCommand,
} from '../../domain/correction/decide-correction.ts';
import {
  lockCorrection,
  machineRowsOf,
  updateCorrection,
  writeCorrectionChange,
} from '../../store/correction.repository.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, staleVersion, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import {
  correctionContext,
  correctionNotFound,
  readingCorrectionActor,
  viewsOf,
} from './correction-context.ts';

/** A correction after a step: read it again to answer with what the writer sees. */
export interface WrittenCorrection {
  readonly id: string;
  readonly version: number;
  /** What the step created: the report, the extension request, the follow-up…; null otherwise. */
  readonly createdId: string | null;
}

/** Takes one step of the procedure on a correction, as `actor`, on the version they read. */
export async function takeCorrectionStep(
  ctx: AppContext,
  actor: Actor,
  correctionId: string,
  expectedVersion: number,
  command: CorrectionCommand,
): Promise<WrittenCorrection> {
  const now = ctx.now();
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCorrection(tx, correctionId);
    if (!row) throw correctionNotFound();
    const who = await readingCorrectionActor(tx, actor, row);
    const view = viewsOf([row], await machineRowsOf(tx, [row.id])).get(row.id)!;
    const decided = decideCorrection(view, who, command, correctionContext(ctx, row));
    if (!decided.ok) throw new UseCaseError(decided.error.code, decided.error.message);
    if (row.version !== expectedVersion)
      throw staleVersion('纠错记录', row.version, expectedVersion);
    const { change } = decided;
    const createdId = await writeCorrectionChange(tx, row.id, change, actor.id, now);
    const version = await updateCorrection(tx, row.id, row.version, {
      state: decided.state,
      due: decided.due,
      ...(change.kind === 'issue_notice' ? { notifiedOn: change.notifiedOn } : {}),
      ...(change.kind === 'close' ? { closedOn: change.closedOn } : {}),
    });
    const action: `correction.${CorrectionAction}` = `correction.${command.kind}`;
    await appendAudit(
      tx,
      {
        actorId: actor.id,
        action,
        entityType: 'correction',
        entityId: row.id,
        data: {
          case: row.case_number,
          caseId: row.case_id,
          from: row.state,
          to: decided.state,
          due: decided.due,
          change: { ...change },
          createdId,
        },
      },
      now,
    );
    return { id: row.id, version, createdId };
  });
}
