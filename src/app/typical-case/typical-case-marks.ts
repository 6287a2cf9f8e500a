// Marking a published case as typical (典型案例) and withdrawing the mark: each one
// transaction, with the case's row locked (an objection review may not slip in between)
// and one audit event on the case, which its timeline shows.

import { organOf } from '../../domain/account/unit-scope.ts';
import { todayInChina } from '../../domain/calendar-date.ts';
import {
  markingRefusal,
  withdrawalRefusal,
  type MarkingFacts,
  type TypicalCaseError,
} from '../../domain/typical-case/typical-case-marking.ts';
import { trueFactsIn, typicalContent } from '../../domain/typical-case/typical-case-content.ts';
import { deciderUnitId } from '../../store/publication.queries.ts';
import { inTransaction, type Conn } from '../../store/transaction.ts';
import {
  insertTypicalCase,
  latestPublicationOf,
  standingTypicalOf,
  withdrawTypicalCase,
} from '../../store/typical-case.queries.ts';
import { unitLineage } from '../../store/unit.repository.ts';
import type { Actor } from '../account/sessions.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { lockSnapshot, type CaseSnapshot } from '../case/case-snapshot.ts';

async function organOfUnit(db: Conn, unitId: string): Promise<string | null> {
  const lineage = await unitLineage(db, unitId);
  return lineage === null || lineage.units.length === 0 ? null : organOf(lineage.units);
}

/** What the marking rule reads: the reader's organ, the deciding organ, the mark. */
export async function markingFactsOf(
  db: Conn,
  actor: Actor,
  snapshot: CaseSnapshot,
): Promise<MarkingFacts> {
  const { row, view } = snapshot;
  const [actorOrgan, decider, publication, standing] = await Promise.all([
    organOfUnit(db, actor.unitId),
    deciderUnitId(db, row.id),
    latestPublicationOf(db, row.id),
    standingTypicalOf(db, row.id),
  ]);
  return {
    actor: { id: actor.id, roles: actor.roles },
    actorOrganId: actorOrgan ?? actor.unitId,
    decidingOrganId: decider === null ? null : await organOfUnit(db, decider),
    caseView: { ...view, state: view.state },
    published: publication !== undefined,
    typical: standing !== undefined,
  };
}

function refuse(error: TypicalCaseError): never {
  throw new UseCaseError(error.code, error.message);
}

/** Marks the case as typical; the new typical case's id. */
export async function markTypical(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
): Promise<{ readonly id: string }> {
  const now = ctx.now();
  return inTransaction(ctx.db, async (tx) => {
    const { snapshot } = await lockSnapshot(ctx, tx, caseId, actor);
    const refusal = markingRefusal(await markingFactsOf(tx, actor, snapshot));
    if (refusal) refuse(refusal);
    const { row, view, policy, values } = snapshot;
    const publication = (await latestPublicationOf(tx, caseId))!;
    const decision = view.decision!;
    const trueFacts = trueFactsIn(policy, values);
    const content = typicalContent(policy, trueFacts, view.determination, decision.conclusion);
    const id = await insertTypicalCase(tx, {
      case_id: caseId,
      publication_id: publication.id,
      policy_id: policy.id,
      policy_version: policy.version,
      field: row.field,
      error_type: row.error_type,
      conclusion: decision.conclusion,
      engine_outcome: view.determination.outcome,
      ground_citation: content.groundCitation,
      findings: content.findings,
      true_facts: trueFacts,
      articles: [...content.articles],
      decided_on: decision.meetingDate,
      marked_by: actor.id,
      marked_on: todayInChina(now),
      marked_at: now,
    });
    await appendAudit(
      tx,
      {
        actorId: actor.id,
        action: 'case.mark_typical',
        entityType: 'case',
        entityId: caseId,
        data: { typicalCaseId: id, publicationId: publication.id, conclusion: decision.conclusion },
      },
      now,
    );
    return { id };
  });
}

/** Withdraws the case's standing mark, with the reason. */
export async function withdrawTypical(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  reason: string,
): Promise<{ readonly id: string }> {
  const now = ctx.now();
  return inTransaction(ctx.db, async (tx) => {
    const { snapshot } = await lockSnapshot(ctx, tx, caseId, actor);
    const refusal = withdrawalRefusal(await markingFactsOf(tx, actor, snapshot), reason);
    if (refusal) refuse(refusal);
    const standing = (await standingTypicalOf(tx, caseId))!;
    const trimmed = reason.trim();
    await withdrawTypicalCase(tx, standing.id, actor.id, trimmed, now);
    await appendAudit(
      tx,
      {
        actorId: actor.id,
        action: 'case.withdraw_typical',
        entityType: 'case',
        entityId: caseId,
        data: { typicalCaseId: standing.id, reason: trimmed },
      },
      now,
    );
    return { id: standing.id };
  });
}
