// The case aggregate: the case row, what the state machine needs to know about it, its
// version (optimistic concurrency), and the records kept on it (facts, assessment).
// Effects of a transition are written by case-effects.writer.ts.

import { allOf } from './all-of.ts';
import type { CaseRow } from './schema.ts';
import type { Conn, Tx } from './transaction.ts';

/** The case, locked until the transaction ends; undefined when there is none. */
export function lockCase(tx: Tx, id: string): Promise<CaseRow | undefined> {
  return tx.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findCase(db: Conn, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The rows below a case that the state machine reads (CaseView), in one round of queries. */
export function snapshotRows(db: Conn, caseId: string) {
  return allOf({
    facts: db
      .selectFrom('case_facts')
      .select(['fact_id', 'value'])
      .where('case_id', '=', caseId)
      .execute(),
    factors: db.selectFrom('assessments').select('factor').where('case_id', '=', caseId).execute(),
    decision: db
      .selectFrom('decisions')
      .select(['conclusion', 'meeting_date'])
      .where('case_id', '=', caseId)
      .orderBy('decided_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    notifications: db
      .selectFrom('notifications')
      .select(['id', 'recipient_kind', 'recipient', 'due', 'sent_at'])
      .where('case_id', '=', caseId)
      .orderBy('due')
      .execute(),
    objection: db
      .selectFrom('objections')
      .select('return_to')
      .where('case_id', '=', caseId)
      .where('result', 'is', null)
      .executeTakeFirst(),
  });
}

export type SnapshotRows = Awaited<ReturnType<typeof snapshotRows>>;

export interface NewCase {
  readonly unitId: string;
  readonly officerId: string;
  readonly applicantId: string | null;
  readonly origin: string;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly state: string;
  readonly title: string;
  readonly conduct: string;
  readonly enforcementAction: string;
  readonly at: Date;
}

export function insertCase(tx: Tx, c: NewCase) {
  return tx
    .insertInto('cases')
    .values({
      unit_id: c.unitId,
      officer_id: c.officerId,
      applicant_id: c.applicantId,
      origin: c.origin,
      policy_id: c.policyId,
      policy_version: c.policyVersion,
      state: c.state,
      title: c.title,
      conduct: c.conduct,
      enforcement_action: c.enforcementAction,
      created_at: c.at,
      updated_at: c.at,
    })
    .returning(['id', 'number', 'version'])
    .executeTakeFirstOrThrow();
}

/**
 * Moves the case to `state` and its version on by one, if it is still at `version`;
 * the new version, or undefined when another write got there first.
 */
export async function bumpVersion(
  tx: Tx,
  id: string,
  version: number,
  state: string,
  at: Date,
): Promise<number | undefined> {
  const updated = await tx
    .updateTable('cases')
    .set({ state, version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return updated?.version;
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
    .onConflict((oc) => oc.columns(['case_id', 'fact_id']).doUpdateSet(values))
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
    .onConflict((oc) => oc.columns(['case_id', 'factor']).doUpdateSet(values))
    .execute();
}
