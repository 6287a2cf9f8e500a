// What every write to an existing case shares: one transaction that locks the case,
// asks the domain, checks the version the client read (optimistic concurrency), writes,
// moves the version on and appends one audit event. A refusal writes nothing. The
// answer is the case as the writer now sees it.

import { todayInChina } from '../../domain/calendar-date.ts';
import type { CaseError } from '../../domain/case/case-errors.ts';
import {
  outcomeCodesOf,
  type Actor as CaseActor,
  type CaseContext,
} from '../../domain/case/case-view.ts';
import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import { bumpVersion } from '../../store/case.repository.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, staleVersion, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { AuditAction } from '../../domain/audit/audit-actions.ts';
import { lockSnapshot, type CaseSnapshot } from './case-snapshot.ts';

export function refuse(error: CaseError): never {
  throw new UseCaseError(error.code, error.message);
}

/** What only the decision reads (decisionContext in fire-transition.ts); nothing otherwise. */
export type DecisionContext = Pick<CaseContext, 'systemUnitIds' | 'excludedMembers'>;

const NO_DECISION: DecisionContext = { systemUnitIds: new Set(), excludedMembers: [] };

export function caseContext(
  ctx: AppContext,
  policy: CompiledPolicy,
  knownUnitIds: ReadonlySet<string> = new Set(),
  decision: DecisionContext = NO_DECISION,
): CaseContext {
  return {
    today: todayInChina(ctx.now()),
    procedure: policy.def.procedure,
    outcomes: outcomeCodesOf(policy),
    calendar: ctx.calendar,
    knownUnitIds,
    ...decision,
  };
}

/** The case after a write: read it again (readCase) to answer with what the writer sees. */
export interface WrittenCase {
  readonly id: string;
  readonly version: number;
}

/** A write the domain has allowed, to be made once the version is checked. */
export interface PlannedWrite {
  /** The audit event's action, e.g. `case.accept`. */
  readonly action: AuditAction;
  /** The case's state after the write. */
  readonly state: string;
  /** Writes the change; returns the audit event's data. */
  write(tx: Tx, at: Date): Promise<Record<string, unknown>>;
}

export async function writeOnCase(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  expectedVersion: number,
  plan: (snapshot: CaseSnapshot, who: CaseActor, tx: Tx) => Promise<PlannedWrite>,
): Promise<WrittenCase> {
  const now = ctx.now();
  return inTransaction(ctx.db, async (tx) => {
    // A case the actor may not read answers as one that does not exist, to a write too.
    const { snapshot, who } = await lockSnapshot(ctx, tx, caseId, actor);
    const planned = await plan(snapshot, who, tx);
    const { version } = snapshot.row;
    if (version !== expectedVersion) {
      throw staleVersion('案件', version, expectedVersion);
    }
    const data = await planned.write(tx, now);
    // The row is locked and its version checked above: no other write can come between.
    const next = await bumpVersion(tx, caseId, version, planned.state, now);
    await appendAudit(
      tx,
      { actorId: actor.id, action: planned.action, entityType: 'case', entityId: caseId, data },
      now,
    );
    return { id: caseId, version: next };
  });
}
