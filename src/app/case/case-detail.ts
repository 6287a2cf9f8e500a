// A case as its reader sees it: everything recorded on it, the engine on its facts, and
// what the reader may do next. A case the reader may not read is NOT_FOUND, so its
// existence does not leak.

import { todayInChina, type CalendarDate } from '../../domain/calendar-date.ts';
import { determineCase } from '../../domain/case/case-determination.ts';
import { allowedActions } from '../../domain/case/case-guards.ts';
import {
  recordRefusals,
  recordsAllowedDespite,
  type RecordKind,
} from '../../domain/case/case-records.ts';
import type { TransitionName } from '../../domain/case/case-transitions.ts';
import type { CaseDetermination } from '../../domain/case/case-view.ts';
import { suggestNextQuestion, type NextQuestion } from '../../domain/policy/evaluate.ts';
import { findCase } from '../../store/case.repository.ts';
import {
  caseRecords,
  namesOf,
  viewRowsFrom,
  type CaseRecords,
} from '../../store/case-detail.queries.ts';
import type { Conn } from '../../store/transaction.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { caseNotFound, readingActor } from './case-actor.ts';
import { snapshotOf, type CaseSnapshot } from './case-snapshot.ts';
import { caseContext } from './case-write.ts';

export interface CaseNames {
  readonly units: ReadonlyMap<string, string>;
  readonly people: ReadonlyMap<string, { readonly name: string; readonly badge: string | null }>;
}

/** What the case page shows, before it is put in the API's shape (http/case/case.presenter.ts). */
export interface CaseReading {
  readonly snapshot: CaseSnapshot;
  /** The engine on the facts as they are now, whatever the case's state. */
  readonly live: CaseDetermination;
  readonly records: CaseRecords;
  readonly names: CaseNames;
  readonly nextQuestion: NextQuestion | null;
  readonly allowedActions: readonly TransitionName[];
  readonly allowedRecords: readonly RecordKind[];
  readonly recordRefusals: Partial<Record<RecordKind, string>>;
  readonly today: CalendarDate;
}

/** The case's row and the reader, if the reader may read it; NOT_FOUND otherwise. */
export async function readableCase(db: Conn, actor: Actor, caseId: string) {
  const row = await findCase(db, caseId);
  if (!row) throw caseNotFound();
  return { row, who: await readingActor(db, actor, row) };
}

export async function readCase(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
): Promise<CaseReading> {
  const { row, who } = await readableCase(ctx.db, actor, caseId);
  const records = await caseRecords(ctx.db, caseId);
  const snapshot = snapshotOf(ctx, row, viewRowsFrom(records));
  const unitIds = [
    row.unit_id,
    ...records.notifications.filter((n) => n.recipient_kind === 'unit').map((n) => n.recipient),
  ];
  const people = [
    row.officer_id,
    ...records.timeline.map((e) => e.actor_id).filter((id): id is string => id !== null),
  ];
  const names = await namesOf(ctx.db, unitIds, people);
  const refusals = recordRefusals(snapshot.view, who);
  const mayRecord = recordsAllowedDespite(refusals);
  const today = todayInChina(ctx.now());
  return {
    snapshot,
    // Before submit_for_decision the view's determination is the live one already.
    live:
      row.determination === null
        ? snapshot.view.determination
        : determineCase(snapshot.policy, snapshot.values, today),
    records,
    names,
    // The interview's next question, for whoever may answer it: the search costs more
    // than the rest of the case together, and no one else reads it.
    nextQuestion: mayRecord.includes('fact')
      ? suggestNextQuestion(snapshot.policy, snapshot.values)
      : null,
    allowedActions: allowedActions(snapshot.view, who, caseContext(ctx, snapshot.policy)),
    allowedRecords: mayRecord,
    recordRefusals: refusals,
    today,
  };
}
