// The case page as it was read before issue 13, kept as the oracle of the one-statement
// read (test/api/case-read-oracle.test.ts): the row, then one query per record, the
// timeline from the audit log (auditRowsOf), the names in two more queries, the reader's
// scope by unitLineage, and the engine computed on every read, with the next question for
// whoever may record facts. Reachable from the tests only.

import type { Actor } from '../../src/app/account/sessions.ts';
import type { AppContext } from '../../src/app/app-context.ts';
import type { CaseReading } from '../../src/app/case/case-detail.ts';
import { readingActor } from '../../src/app/case/case-actor.ts';
import { caseNotFound } from '../../src/app/case/case-actor.ts';
import { determinationDay, snapshotOf } from '../../src/app/case/case-snapshot.ts';
import { caseContext } from '../../src/app/case/case-write.ts';
import { publicationDraft } from '../../src/app/publication/publication-source.ts';
import { todayInChina } from '../../src/domain/calendar-date.ts';
import { determineCase } from '../../src/domain/case/case-determination.ts';
import { allowedActions } from '../../src/domain/case/case-guards.ts';
import { recordRefusals, recordsAllowedDespite } from '../../src/domain/case/case-records.ts';
import { allowedReviews } from '../../src/domain/case/case-reviews.ts';
import { checkClassify } from '../../src/domain/case/classification.ts';
import { nextStep, stepFor } from '../../src/domain/case/next-step.ts';
import { recusalKindFor } from '../../src/domain/case/recusal.ts';
import { suggestNextQuestion } from '../../src/domain/policy/evaluate.ts';
import { auditRowsOf } from '../../src/store/audit.repository.ts';
import { caseRecords, namesOf, viewRowsFrom } from '../../src/store/case-detail.queries.ts';
import { findCase } from '../../src/store/case.repository.ts';

export async function oracleReadCase(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
): Promise<CaseReading> {
  const row = await findCase(ctx.db, caseId);
  if (!row) throw caseNotFound();
  const who = await readingActor(ctx.db, actor, row);
  const records = {
    ...(await caseRecords(ctx.db, caseId)),
    timeline: await auditRowsOf(ctx.db, 'case', caseId),
  };
  const snapshot = snapshotOf(ctx, row, viewRowsFrom(records));
  const unitIds = [
    row.unit_id,
    ...records.notifications.filter((n) => n.recipient_kind === 'unit').map((n) => n.recipient),
  ];
  const people = [
    row.officer_id,
    ...records.timeline.map((e) => e.actor_id).filter((id): id is string => id !== null),
    ...records.evidence.map((e) => e.uploaded_by),
    ...records.recusals.map((r) => r.user_id),
    ...records.reviews.map((r) => r.reviewed_by),
  ];
  const names = await namesOf(ctx.db, unitIds, people);
  const refusals = recordRefusals(snapshot.view, who);
  const mayRecord = recordsAllowedDespite(refusals);
  const today = todayInChina(ctx.now());
  const context = caseContext(ctx, snapshot.policy);
  const next = nextStep(snapshot.view, context, {
    publishedOn: records.publications.at(-1)?.published_on ?? null,
  });
  const allowed = allowedActions(snapshot.view, who, context);
  const draft = allowed.includes('publish') ? await publicationDraft(ctx.db, snapshot) : null;
  return {
    snapshot,
    live:
      row.determination === null
        ? snapshot.view.determination
        : determineCase(snapshot.policy, snapshot.values, determinationDay(row)),
    records,
    names,
    nextQuestion: mayRecord.includes('fact')
      ? suggestNextQuestion(snapshot.policy, snapshot.values)
      : null,
    allowedActions: allowed,
    publicationDraft: draft,
    allowedRecords: mayRecord,
    recordRefusals: refusals,
    today,
    allowedReviews: allowedReviews(snapshot.view, who),
    recusal: recusalKindFor(snapshot.view, who),
    nextStep: next,
    readersStep: stepFor(next, snapshot.view, who, context),
    mayClassify: checkClassify(snapshot.view, who).ok,
  };
}
