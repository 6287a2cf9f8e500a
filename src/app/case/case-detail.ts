// A case as its reader sees it: everything recorded on it, the engine on its facts, and
// what the reader may do next. A case the reader may not read is NOT_FOUND, so its
// existence does not leak. The interview's next question only for whoever asks for it.

import { todayInChina, type CalendarDate } from '../../domain/calendar-date.ts';
import { allowedActions } from '../../domain/case/case-guards.ts';
import { checkClassify } from '../../domain/case/classification.ts';
import {
  recordRefusals,
  recordsAllowedDespite,
  type RecordKind,
} from '../../domain/case/case-records.ts';
import type { TransitionName } from '../../domain/case/case-transitions.ts';
import type { CaseDetermination, Actor as DomainActor } from '../../domain/case/case-view.ts';
import { allowedReviews } from '../../domain/case/case-reviews.ts';
import { recusalKindFor } from '../../domain/case/recusal.ts';
import type { ReviewKind } from '../../domain/vocabulary.ts';
import { nextStep, stepFor, type NextStep } from '../../domain/case/next-step.ts';
import { suggestNextQuestion, type NextQuestion } from '../../domain/policy/evaluate.ts';
import { findCase } from '../../store/case.repository.ts';
import { caseDetailOf, viewRowsFrom, type CaseRecords } from '../../store/case-detail.queries.ts';
import type { Conn } from '../../store/transaction.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { caseNotFound, mayRead, readingActor } from './case-actor.ts';
import { liveDetermination } from './case-evaluation.ts';
import { snapshotOf, type CaseSnapshot, type LiveDetermination } from './case-snapshot.ts';
import { caseContext } from './case-write.ts';
import { publicationDraft } from '../publication/publication-source.ts';
import type { RedactedText } from '../../domain/case/redaction.ts';

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
  /**
   * Every fact in the order the interview asks them (interview-order.ts), for the article
   * checklist; with the next question, and null when it is not asked for.
   */
  readonly interviewOrder: readonly string[] | null;
  readonly allowedActions: readonly TransitionName[];
  readonly allowedRecords: readonly RecordKind[];
  readonly recordRefusals: Partial<Record<RecordKind, string>>;
  readonly today: CalendarDate;
  /** The text a publication would publish, redacted; null unless the reader may publish. */
  readonly publicationDraft: RedactedText | null;
  /** The review opinions the reader may record now (法制审核, 纪检监察). */
  readonly allowedReviews: readonly ReviewKind[];
  /** Whether the reader may record a recusal now, and as what. */
  readonly recusal: 'requested' | 'unit' | null;
  /** What comes next on the case, and of it what the reader may take now. */
  readonly nextStep: NextStep;
  /** Whether the reader may set the field and error type now (classification.ts). */
  readonly mayClassify: boolean;
  readonly readersStep: ReturnType<typeof stepFor>;
}

/** The case's row and the reader, if the reader may read it; NOT_FOUND otherwise. */
export async function readableCase(db: Conn, actor: Actor, caseId: string) {
  const row = await findCase(db, caseId);
  if (!row) throw caseNotFound();
  return { row, who: await readingActor(db, actor, row) };
}

/** What a reader asks beyond the case itself. */
export interface CaseReadOptions {
  /**
   * The interview's next question (suggestNextQuestion), for a reader who may record facts:
   * the search costs more than the rest of the case together, and only the interview asks.
   */
  readonly nextQuestion?: boolean;
}

/**
 * The case as `actor` reads it. One statement reads the row, every record, the names, the
 * reader's scope and the stored evaluation (caseDetailOf); the engine runs only when the
 * stored evaluation does not hold for the facts as they are (case-evaluation.ts).
 */
export async function readCase(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  options: CaseReadOptions = {},
): Promise<CaseReading> {
  const found = await caseDetailOf(ctx.db, caseId, actor.unitId);
  if (!found) throw caseNotFound();
  const { row, records } = found;
  const who = mayRead(actor, row, found.inReaderUnit);
  const live: LiveDetermination = (policy, values) =>
    liveDetermination(found.evaluation, row, policy, values);
  const snapshot = snapshotOf(ctx, row, viewRowsFrom(records), live);
  return readingOf(ctx, who, {
    snapshot,
    // Before submit_for_decision the view's determination is the live one already.
    live:
      row.determination === null
        ? snapshot.view.determination
        : live(snapshot.policy, snapshot.values),
    records,
    names: { units: found.units, people: found.people },
    nextQuestionAsked: options.nextQuestion === true,
  });
}

/** What a case read has loaded: the case, the engine on it, its records and names. */
export interface LoadedCase {
  readonly snapshot: CaseSnapshot;
  readonly live: CaseDetermination;
  readonly records: CaseRecords;
  readonly names: CaseNames;
  /** Whether the reader asked for the interview's next question (CaseReadOptions). */
  readonly nextQuestionAsked: boolean;
}

/**
 * The reading of a loaded case: what the domain lets `who` do on it now, and what comes
 * next. The same however the case was loaded (test/support/case-read-oracle.ts loads it
 * the way it was loaded before the one-statement read).
 */
export async function readingOf(
  ctx: AppContext,
  who: DomainActor,
  loaded: LoadedCase,
): Promise<CaseReading> {
  const { snapshot, records } = loaded;
  const refusals = recordRefusals(snapshot.view, who);
  const mayRecord = recordsAllowedDespite(refusals);
  const context = caseContext(ctx, snapshot.policy);
  const next = nextStep(snapshot.view, context, {
    publishedOn: records.publications.at(-1)?.published_on ?? null,
  });
  const allowed = allowedActions(snapshot.view, who, context);
  // The publication's draft, for whoever may publish now: composed and redacted.
  const draft = allowed.includes('publish') ? await publicationDraft(ctx.db, snapshot) : null;
  // The interview's search costs more than the rest of the case together: only for
  // whoever asks and may answer it, ordered by the chances of the case's unit.
  const guide =
    loaded.nextQuestionAsked && mayRecord.includes('fact')
      ? await ctx.interviewGuides.forUnit(
          ctx.db,
          snapshot.view.unitId,
          snapshot.policy,
          ctx.now().getTime(),
        )
      : null;
  return {
    snapshot,
    live: loaded.live,
    records,
    names: loaded.names,
    nextQuestion:
      guide === null ? null : suggestNextQuestion(snapshot.policy, snapshot.values, guide.estimate),
    interviewOrder: guide?.order ?? null,
    allowedActions: allowed,
    publicationDraft: draft,
    allowedRecords: mayRecord,
    recordRefusals: refusals,
    today: todayInChina(ctx.now()),
    allowedReviews: allowedReviews(snapshot.view, who),
    recusal: recusalKindFor(snapshot.view, who),
    nextStep: next,
    readersStep: stepFor(next, snapshot.view, who, context),
    mayClassify: checkClassify(snapshot.view, who).ok,
  };
}
