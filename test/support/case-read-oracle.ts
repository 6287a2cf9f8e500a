// The case page as it was loaded before issue 13, kept as the oracle of the one-statement
// read (test/api/case-read-oracle.test.ts). What is under test is how the case is loaded,
// so this keeps a copy of the old loading on purpose: the row and the reader's scope
// (readableCase, by unitLineage), one query per record, the timeline from the audit log
// (auditRowsOf), the names in two more queries, and the engine computed on every read.
// What the domain then makes of the loaded case is not under test, and is the read's own
// (readingOf), the next question asked for. Reachable from the tests only.

import type { Actor } from '../../src/app/account/sessions.ts';
import type { AppContext } from '../../src/app/app-context.ts';
import { readableCase, readingOf, type CaseReading } from '../../src/app/case/case-detail.ts';
import { determinationDay, snapshotOf } from '../../src/app/case/case-snapshot.ts';
import { determineCase } from '../../src/domain/case/case-determination.ts';
import { auditRowsOf } from '../../src/store/audit.repository.ts';
import { caseRecords, namesOf, viewRowsFrom } from '../../src/store/case-detail.queries.ts';

export async function oracleReadCase(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
): Promise<CaseReading> {
  const { row, who } = await readableCase(ctx.db, actor, caseId);
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
  return readingOf(ctx, who, {
    snapshot,
    live:
      row.determination === null
        ? snapshot.view.determination
        : determineCase(snapshot.policy, snapshot.values, determinationDay(row)),
    records,
    names: await namesOf(ctx.db, unitIds, people),
    nextQuestionAsked: true,
  });
}
