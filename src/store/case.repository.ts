// The case aggregate: the case row, what the state machine needs to know about it, its
// version (optimistic concurrency), and the records kept on it (facts, assessment).
// Effects of a transition are written by case-effects.writer.ts.

import { sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { preparedQuery } from './prepared-statement.ts';
import type { CaseRow } from './schema.ts';
import type { Conn, Tx } from './transaction.ts';
import { unitIsWithin } from './unit.repository.ts';

/**
 * The case, locked until the transaction ends, and whether its unit is `readerUnitId` or
 * below it (the reader's unit scope), in one statement; undefined when there is none.
 */
export async function lockCaseFor(
  tx: Tx,
  caseId: string,
  readerUnitId: string,
): Promise<{ row: CaseRow; inReaderUnit: boolean } | undefined> {
  const [found] = await caseLockStatement(tx, { caseId, readerUnitId });
  if (!found) return undefined;
  const { in_reader_unit, ...row } = found;
  return { row, inReaderUnit: in_reader_unit };
}

/** Every write to a case starts with it: prepared, planned once per connection. */
const caseLockStatement = preparedQuery(
  'case_lock',
  ['caseId', 'readerUnitId'],
  (db, { caseId, readerUnitId }: { caseId: string; readerUnitId: string }) =>
    db
      .selectFrom('cases')
      .selectAll('cases')
      .select(unitIsWithin(sql.ref('cases.unit_id'), readerUnitId).as('in_reader_unit'))
      .where('cases.id', '=', caseId)
      .forUpdate(),
);

export function findCase(db: Conn, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The rows below a case that the state machine reads (CaseView). */
export interface CaseViewRows {
  readonly facts: { fact_id: string; value: boolean | null }[];
  readonly factors: string[];
  /** The committee's latest decision. */
  readonly latestDecision: { conclusion: string; meeting_date: string } | undefined;
  readonly notifications: {
    id: string;
    recipient_kind: string;
    recipient: string;
    due: string;
    sent_on: string | null;
    sent_at: Date | null;
  }[];
  /** The objection not yet reviewed. */
  readonly openObjection: { return_to: string } | undefined;
  /** The people recused from the case (回避). */
  readonly recusedIds: string[];
  /** The review opinions recorded (法制审核, 纪检监察). */
  readonly reviews: { kind: string; agrees: boolean }[];
}

/**
 * Those rows as columns of JSON beside each case's id: one statement for any number of
 * cases, where a query per table would be seven round trips (for a write, seven of the
 * some twenty statements it sends).
 */
function viewRowsQuery(db: Conn) {
  return db.selectFrom('cases').select((eb) => [
    'cases.id',
    jsonArrayFrom(
      eb
        .selectFrom('case_facts')
        .select(['case_facts.fact_id', 'case_facts.value'])
        .whereRef('case_facts.case_id', '=', 'cases.id'),
    ).as('facts'),
    jsonArrayFrom(
      eb
        .selectFrom('assessments')
        .select('assessments.factor')
        .whereRef('assessments.case_id', '=', 'cases.id'),
    ).as('factors'),
    // Decisions in the order they were taken: the last one stands.
    jsonObjectFrom(
      eb
        .selectFrom('decisions')
        .select(['decisions.conclusion', 'decisions.meeting_date'])
        .whereRef('decisions.case_id', '=', 'cases.id')
        .orderBy('decisions.decided_at', 'desc')
        .orderBy('decisions.id', 'desc')
        .limit(1),
    ).as('latest_decision'),
    jsonArrayFrom(
      eb
        .selectFrom('notifications')
        .select([
          'notifications.id',
          'notifications.recipient_kind',
          'notifications.recipient',
          'notifications.due',
          'notifications.sent_on',
          'notifications.sent_at',
        ])
        .whereRef('notifications.case_id', '=', 'cases.id')
        .orderBy('notifications.due')
        .orderBy('notifications.recipient_kind')
        .orderBy('notifications.recipient'),
    ).as('notifications'),
    jsonObjectFrom(
      eb
        .selectFrom('objections')
        .select('objections.return_to')
        .whereRef('objections.case_id', '=', 'cases.id')
        .where('objections.result', 'is', null)
        .orderBy('objections.raised_at', 'desc')
        .limit(1),
    ).as('open_objection'),
    jsonArrayFrom(
      eb
        .selectFrom('case_recusals')
        .select('case_recusals.user_id')
        .whereRef('case_recusals.case_id', '=', 'cases.id'),
    ).as('recusals'),
    jsonArrayFrom(
      eb
        .selectFrom('case_reviews')
        .select(['case_reviews.kind', 'case_reviews.agrees'])
        .whereRef('case_reviews.case_id', '=', 'cases.id'),
    ).as('reviews'),
  ]);
}

type ViewRowsRecord = Awaited<ReturnType<ReturnType<typeof viewRowsQuery>['execute']>>[number];

function viewRowsOfJson(r: ViewRowsRecord): CaseViewRows {
  return {
    facts: r.facts,
    factors: r.factors.map((a) => a.factor),
    latestDecision: r.latest_decision ?? undefined,
    // JSON carries a timestamp as text; a date (due, sent_on) is the text pg-types.ts keeps.
    notifications: r.notifications.map((n) => ({
      ...n,
      sent_at: n.sent_at === null ? null : new Date(n.sent_at),
    })),
    openObjection: r.open_objection ?? undefined,
    recusedIds: r.recusals.map((u) => u.user_id),
    reviews: r.reviews,
  };
}

/** Those rows for many cases at once, in one statement. */
export async function viewRowsOf(
  db: Conn,
  caseIds: readonly string[],
): Promise<Map<string, CaseViewRows>> {
  if (caseIds.length === 0) return new Map();
  const rows = await viewRowsQuery(db)
    .where('cases.id', 'in', [...caseIds])
    .execute();
  return new Map(rows.map((r) => [r.id, viewRowsOfJson(r)]));
}

/** The rows of one case; a write reads them right after locking it. */
export async function viewRows(db: Conn, caseId: string): Promise<CaseViewRows> {
  const [found] = await viewRowsStatement(db, { caseId });
  if (!found) throw new Error(`case ${caseId}: no such case`);
  return viewRowsOfJson(found);
}

const viewRowsStatement = preparedQuery(
  'case_view_rows',
  ['caseId'],
  (db, { caseId }: { caseId: string }) => viewRowsQuery(db).where('cases.id', '=', caseId),
);

export interface NewCase {
  /** 锡盟应急容〔2026〕5号, taken in the same transaction (allocateCaseNumber). */
  readonly number: string;
  readonly unitId: string;
  readonly officerId: string;
  readonly applicantId: string | null;
  readonly origin: string;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly state: string;
  readonly title: string;
  readonly conduct: string;
  readonly conductDate: string;
  readonly conductEndDate: string | null;
  readonly enforcementAction: string;
  readonly field: string | null;
  readonly errorType: string | null;
  readonly at: Date;
}

export function insertCase(tx: Tx, c: NewCase) {
  return tx
    .insertInto('cases')
    .values({
      number: c.number,
      unit_id: c.unitId,
      officer_id: c.officerId,
      applicant_id: c.applicantId,
      origin: c.origin,
      policy_id: c.policyId,
      policy_version: c.policyVersion,
      state: c.state,
      title: c.title,
      conduct: c.conduct,
      conduct_date: c.conductDate,
      conduct_end_date: c.conductEndDate,
      enforcement_action: c.enforcementAction,
      field: c.field,
      error_type: c.errorType,
      created_at: c.at,
      updated_at: c.at,
    })
    .returning(['id', 'number', 'version'])
    .executeTakeFirstOrThrow();
}

/** Moves the locked case (lockCaseFor) to `state` and its version on from `version`; the new version. */
export async function bumpVersion(
  tx: Tx,
  id: string,
  version: number,
  state: string,
  at: Date,
): Promise<number> {
  const updated = await tx
    .updateTable('cases')
    .set({ state, version: version + 1, updated_at: at })
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return updated.version;
}

export interface FactRecord {
  readonly caseId: string;
  readonly factId: string;
  readonly value: boolean | null;
  readonly note: string | null;
  readonly recordedBy: string;
  readonly at: Date;
}

/** A fact finding; a later one on the same fact replaces it. */
export async function upsertFact(tx: Tx, f: FactRecord): Promise<void> {
  const values = { value: f.value, note: f.note, recorded_by: f.recordedBy, recorded_at: f.at };
  await tx
    .insertInto('case_facts')
    .values({ case_id: f.caseId, fact_id: f.factId, ...values })
    .onConflict((oc) => oc.columns(['case_id', 'fact_id', 'tenant_unit_id']).doUpdateSet(values))
    .execute();
}

export interface AssessmentRecord {
  readonly caseId: string;
  readonly factor: string;
  readonly finding: string;
  readonly recordedBy: string;
  readonly at: Date;
}

/** One factor of 综合分析研判; a later finding on the same factor replaces it. */
export async function upsertAssessment(tx: Tx, a: AssessmentRecord): Promise<void> {
  const values = { finding: a.finding, recorded_by: a.recordedBy, recorded_at: a.at };
  await tx
    .insertInto('assessments')
    .values({ case_id: a.caseId, factor: a.factor, ...values })
    .onConflict((oc) => oc.columns(['case_id', 'factor', 'tenant_unit_id']).doUpdateSet(values))
    .execute();
}

/** A case's field of enforcement and error type (migration 0008), as classified. */
export async function setClassification(
  tx: Tx,
  c: { readonly caseId: string; readonly field: string; readonly errorType: string },
): Promise<void> {
  await tx
    .updateTable('cases')
    .set({ field: c.field, error_type: c.errorType })
    .where('id', '=', c.caseId)
    .execute();
}
