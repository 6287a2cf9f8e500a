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

/** Those rows for many cases at once: one query per table, whatever the number of cases. */
export async function viewRowsOf(
  db: Conn,
  caseIds: readonly string[],
): Promise<Map<string, CaseViewRows>> {
  const byCase = new Map<string, CaseViewRows>();
  if (caseIds.length === 0) return byCase;
  const ids = [...caseIds];
  const rows = await allOf({
    facts: db
      .selectFrom('case_facts')
      .select(['case_id', 'fact_id', 'value'])
      .where('case_id', 'in', ids)
      .execute(),
    factors: db
      .selectFrom('assessments')
      .select(['case_id', 'factor'])
      .where('case_id', 'in', ids)
      .execute(),
    decisions: db
      .selectFrom('decisions')
      .select(['case_id', 'conclusion', 'meeting_date'])
      .where('case_id', 'in', ids)
      .orderBy('decided_at')
      .execute(),
    notifications: db
      .selectFrom('notifications')
      .select(['case_id', 'id', 'recipient_kind', 'recipient', 'due', 'sent_on', 'sent_at'])
      .where('case_id', 'in', ids)
      .orderBy('due')
      .execute(),
    objections: db
      .selectFrom('objections')
      .select(['case_id', 'return_to'])
      .where('case_id', 'in', ids)
      .where('result', 'is', null)
      .execute(),
    recusals: db
      .selectFrom('case_recusals')
      .select(['case_id', 'user_id'])
      .where('case_id', 'in', ids)
      .execute(),
    reviews: db
      .selectFrom('case_reviews')
      .select(['case_id', 'kind', 'agrees'])
      .where('case_id', 'in', ids)
      .execute(),
  });
  const of = (id: string) => byCase.get(id)!;
  for (const id of ids)
    byCase.set(id, {
      facts: [],
      factors: [],
      latestDecision: undefined,
      notifications: [],
      openObjection: undefined,
      recusedIds: [],
      reviews: [],
    });
  for (const f of rows.facts) of(f.case_id).facts.push(f);
  for (const a of rows.factors) of(a.case_id).factors.push(a.factor);
  for (const n of rows.notifications) of(n.case_id).notifications.push(n);
  for (const r of rows.recusals) of(r.case_id).recusedIds.push(r.user_id);
  for (const r of rows.reviews) of(r.case_id).reviews.push({ kind: r.kind, agrees: r.agrees });
  // In order of decision: the last one stands.
  for (const d of rows.decisions) byCase.set(d.case_id, { ...of(d.case_id), latestDecision: d });
  for (const o of rows.objections) byCase.set(o.case_id, { ...of(o.case_id), openObjection: o });
  return byCase;
}

/** The rows of one case. */
export async function viewRows(db: Conn, caseId: string): Promise<CaseViewRows> {
  return (await viewRowsOf(db, [caseId])).get(caseId)!;
}

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

/** Moves the locked case (lockCase) to `state` and its version on from `version`; the new version. */
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
