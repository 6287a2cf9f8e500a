// Loads a case and what the state machine needs about it (CaseView): the facts recorded
// are evaluated under the case's own policy version, the version pinned when the case
// was opened, never a later one.

import type { CalendarDate } from '../../domain/calendar-date.ts';
import { determineCase } from '../../domain/case/case-determination.ts';
import type { ObjectionReturnState } from '../../domain/case/case-state.ts';
import { conductDay } from '../../domain/case/decide-opening.ts';
import type {
  Actor as DomainActor,
  CaseDetermination,
  CaseView,
  ReviewView,
} from '../../domain/case/case-view.ts';
import { isReviewKind } from '../../domain/vocabulary.ts';
import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import { Tri } from '../../domain/policy/decision-diagram.ts';
import type { FactVector } from '../../domain/policy/evaluate.ts';
import type { OutcomeCode } from '../../domain/policy/policy-model.ts';
import { lockCaseFor, viewRows, type CaseViewRows } from '../../store/case.repository.ts';
import type { CaseRow } from '../../store/schema.ts';
import type { Tx } from '../../store/transaction.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../account/sessions.ts';
import { caseNotFound, mayRead } from './case-actor.ts';
import type {
  AssessmentFactor,
  CaseOrigin,
  CaseState,
  RecipientKind,
} from '../../domain/vocabulary.ts';
import { pinnedPolicy } from '../policy/pinned-policy.ts';

/**
 * The day a case's determination is taken on: the last day of its conduct, the day whose
 * version of the regime is pinned to the case (conductDay, decide-opening.ts), not the
 * day it is read.
 */
export function determinationDay(
  row: Pick<CaseRow, 'conduct_date' | 'conduct_end_date'>,
): CalendarDate {
  return conductDay({ conductDate: row.conduct_date, conductEndDate: row.conduct_end_date });
}

/** A recorded finding as the engine reads it: null (not established) is unknown. */
export function triOf(value: boolean | null): Tri {
  return value === null ? Tri.Unknown : value ? Tri.True : Tri.False;
}

/** The fact vector of a case's recorded facts; facts never recorded are unknown. */
export function factVector(policy: CompiledPolicy, facts: CaseViewRows['facts']): FactVector {
  const values = new Uint8Array(policy.facts.length).fill(Tri.Unknown);
  for (const r of facts) {
    const index = policy.factIndex.get(r.fact_id);
    if (index !== undefined) values[index] = triOf(r.value);
  }
  return values;
}

export interface CaseSnapshot {
  readonly row: CaseRow;
  readonly policy: CompiledPolicy;
  readonly values: FactVector;
  readonly view: CaseView;
}

/** The engine on the case's facts as they are now (case-evaluation.ts may have it stored). */
export type LiveDetermination = (policy: CompiledPolicy, values: FactVector) => CaseDetermination;

/**
 * Builds the snapshot from the case row and the rows below it; `live` gives the live
 * determination when the snapshot needs it (computed, unless the reader has it stored).
 */
export function snapshotOf(
  ctx: AppContext,
  row: CaseRow,
  parts: CaseViewRows,
  live: LiveDetermination = (policy, values) =>
    determineCase(policy, values, determinationDay(row)),
): CaseSnapshot {
  const policy = pinnedPolicy(ctx, row);
  const values = factVector(policy, parts.facts);
  // After submit_for_decision the recorded determination stands; before, the live one,
  // asked for only then (explaining it costs more than the rest of the snapshot).
  const recorded = row.determination as CaseDetermination | null;
  const { latestDecision: decision, openObjection } = parts;
  const view: CaseView = {
    id: row.id,
    state: row.state as CaseState,
    origin: row.origin as CaseOrigin,
    unitId: row.unit_id,
    officerId: row.officer_id,
    applicantId: row.applicant_id,
    recordedFactors: parts.factors as AssessmentFactor[],
    determination: recorded ?? live(policy, values),
    decision: decision
      ? { conclusion: decision.conclusion as OutcomeCode, meetingDate: decision.meeting_date }
      : null,
    notifications: parts.notifications.map((n) => ({
      id: n.id,
      recipientKind: n.recipient_kind as RecipientKind,
      recipient: n.recipient,
      due: n.due,
      sent: n.sent_at !== null,
      sentOn: n.sent_on,
    })),
    objectionDue: row.objection_due,
    stateBeforeObjection: (openObjection?.return_to as ObjectionReturnState | undefined) ?? null,
    submittedForDecisionOn: row.submitted_for_decision_on,
    recusedIds: parts.recusedIds,
    reviews: parts.reviews.filter((r): r is ReviewView => isReviewKind(r.kind)),
    field: row.field,
    errorType: row.error_type,
  };
  return { row, policy, values, view };
}

/**
 * The case with the state machine's view of it, the row locked for a write, and the actor
 * as its reader: two statements (the lock with the reader's unit scope, then the rows below
 * the case, read after the lock so that they include the last writer's). NOT_FOUND when
 * there is no such case or the actor may not read it, to a write as to a read.
 */
export async function lockSnapshot(
  ctx: AppContext,
  tx: Tx,
  caseId: string,
  actor: Actor,
): Promise<{ snapshot: CaseSnapshot; who: DomainActor }> {
  const locked = await lockCaseFor(tx, caseId, actor.unitId);
  if (!locked) throw caseNotFound();
  const who = mayRead(actor, locked.row, locked.inReaderUnit);
  return { snapshot: snapshotOf(ctx, locked.row, await viewRows(tx, caseId)), who };
}
