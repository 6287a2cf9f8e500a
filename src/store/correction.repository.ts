// The correction aggregate: its row locked for a step, what the state machine reads of it
// (items, extensions, the standing claim), and each step's change written as it is
// (src/domain/correction/decide-correction.ts). The reads of pages and lists are in
// correction.queries.ts.

import type { CorrectionChange } from '../domain/correction/decide-correction.ts';
import type { Conn, Tx } from './transaction.ts';

/**
 * A correction's row with what its reads need of the case, the officer and the unit: the
 * columns of one correction and of each list row (correction.queries.ts).
 */
export const CORRECTION_COLUMNS = [
  'officer.display_name as officer_name',
  'units.name as unit_name',
  'corrections.id',
  'corrections.case_id',
  'corrections.article',
  'corrections.opened_at',
  'corrections.state',
  'corrections.officer_id',
  'corrections.unit_id',
  'corrections.notified_on',
  'corrections.due',
  'corrections.closed_on',
  'corrections.version',
  'cases.number as case_number',
  'cases.title as case_title',
  'cases.policy_id',
  'cases.policy_version',
] as const;

/** The correction with what a step needs of its case, locked until the transaction ends. */
export function lockCorrection(tx: Tx, id: string) {
  return correctionWithCase(tx, id).forUpdate('corrections').executeTakeFirst();
}

export function findCorrection(db: Conn, id: string) {
  return correctionWithCase(db, id).executeTakeFirst();
}

function correctionWithCase(db: Conn, id: string) {
  return db
    .selectFrom('corrections')
    .innerJoin('cases', 'cases.id', 'corrections.case_id')
    .innerJoin('users as officer', 'officer.id', 'corrections.officer_id')
    .innerJoin('units', 'units.id', 'corrections.unit_id')
    .select([...CORRECTION_COLUMNS])
    .where('corrections.id', '=', id);
}

export type CorrectionRow = NonNullable<Awaited<ReturnType<typeof findCorrection>>>;

/** What the state machine reads besides the row, for the given corrections. */
export async function machineRowsOf(db: Conn, ids: readonly string[]) {
  if (ids.length === 0) return { items: [], extensions: [], claims: [] };
  const [items, extensions, claims] = await Promise.all([
    db
      .selectFrom('correction_items')
      .select(['id', 'correction_id', 'done'])
      .where('correction_id', 'in', [...ids])
      .orderBy('position')
      .execute(),
    db
      .selectFrom('correction_extensions')
      .select(['id', 'correction_id', 'state', 'requested_due'])
      .where('correction_id', 'in', [...ids])
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('correction_completions')
      .select(['correction_id', 'claimed_on', 'created_at'])
      .where('correction_id', 'in', [...ids])
      .orderBy('created_at')
      .execute(),
  ]);
  return { items, extensions, claims };
}

export type MachineRows = Awaited<ReturnType<typeof machineRowsOf>>;

export interface CorrectionUpdate {
  readonly state: string;
  readonly due: string | null;
  readonly notifiedOn?: string;
  readonly closedOn?: string;
}

/** Moves the state, deadline and dates on, and the version with them; the new version. */
export async function updateCorrection(
  tx: Tx,
  id: string,
  version: number,
  update: CorrectionUpdate,
): Promise<number> {
  const row = await tx
    .updateTable('corrections')
    .set((eb) => ({
      state: update.state,
      due: update.due,
      ...(update.notifiedOn === undefined ? {} : { notified_on: update.notifiedOn }),
      ...(update.closedOn === undefined ? {} : { closed_on: update.closedOn }),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

/** Writes one step's change; answers the id of what it created, if anything. */
export async function writeCorrectionChange(
  tx: Tx,
  correctionId: string,
  change: CorrectionChange,
  by: string,
  at: Date,
): Promise<string | null> {
  const correction_id = correctionId;
  switch (change.kind) {
    case 'issue_notice': {
      await tx
        .insertInto('correction_notices')
        .values({
          correction_id,
          reason: change.reason,
          requirements: change.requirements,
          responsible: change.responsible,
          days: change.days,
          counting: change.counting,
          notified_on: change.notifiedOn,
          due: change.due,
          extended_from: change.extendedFrom,
          issued_by: by,
          issued_at: at,
        })
        .execute();
      await tx
        .insertInto('correction_items')
        .values(
          change.items.map((text, position) => ({
            correction_id,
            position,
            text,
            note: null,
            done_on: null,
          })),
        )
        .execute();
      return null;
    }
    case 'report_progress': {
      const report = await tx
        .insertInto('correction_progress_reports')
        .values({
          correction_id,
          reported_on: change.reportedOn,
          text: change.text,
          item_ids: [...change.itemIds],
          reported_by: by,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (change.itemIds.length > 0)
        await tx
          .updateTable('correction_items')
          .set({ done: true, done_on: change.reportedOn })
          .where('correction_id', '=', correction_id)
          .where('id', 'in', [...change.itemIds])
          .where('done', '=', false)
          .execute();
      return report.id;
    }
    case 'claim_completion': {
      for (const item of change.items)
        await tx
          .updateTable('correction_items')
          .set((eb) => ({
            done: true,
            note: item.note,
            done_on: eb.fn.coalesce('done_on', eb.val(change.claimedOn)),
          }))
          .where('correction_id', '=', correction_id)
          .where('id', '=', item.id)
          .execute();
      const claim = await tx
        .insertInto('correction_completions')
        .values({
          correction_id,
          summary: change.summary,
          claimed_on: change.claimedOn,
          claimed_by: by,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return claim.id;
    }
    case 'close':
      await tx
        .insertInto('correction_closings')
        .values({
          correction_id,
          closed_on: change.closedOn,
          result: change.result,
          cause_analysis: change.causeAnalysis,
          improvements: change.improvements,
          closed_by: by,
          created_at: at,
        })
        .execute();
      return null;
    case 'send_back': {
      const row = await tx
        .insertInto('correction_send_backs')
        .values({
          correction_id,
          reason: change.reason,
          sent_back_on: change.on,
          sent_back_by: by,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }
    case 'request_extension': {
      const row = await tx
        .insertInto('correction_extensions')
        .values({
          correction_id,
          reason: change.reason,
          requested_due: change.requestedDue,
          requested_on: change.requestedOn,
          requested_by: by,
          decided_on: null,
          new_due: null,
          decision_reason: null,
          decided_by: null,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }
    case 'decide_extension':
      await tx
        .updateTable('correction_extensions')
        .set({
          state: change.approved ? 'approved' : 'refused',
          decided_on: change.decidedOn,
          new_due: change.newDue,
          decision_reason: change.reason,
          decided_by: by,
        })
        .where('id', '=', change.extensionId)
        .where('correction_id', '=', correction_id)
        .where('state', '=', 'pending')
        .executeTakeFirstOrThrow();
      return change.extensionId;
    case 'follow_up': {
      const row = await tx
        .insertInto('correction_follow_ups')
        .values({
          correction_id,
          method: change.method,
          checked_on: change.checkedOn,
          findings: change.findings,
          recorded_by: by,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }
  }
}

/** The progress report, if it is the correction's. */
export function findReport(db: Conn, correctionId: string, reportId: string) {
  return db
    .selectFrom('correction_progress_reports')
    .select(['id', 'reported_by'])
    .where('id', '=', reportId)
    .where('correction_id', '=', correctionId)
    .executeTakeFirst();
}

export interface NewCorrectionEvidence {
  readonly reportId: string;
  readonly correctionId: string;
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
  readonly sha256: string;
  readonly uploadedBy: string;
  readonly at: Date;
}

export function insertCorrectionEvidence(tx: Tx, e: NewCorrectionEvidence) {
  return tx
    .insertInto('correction_evidence')
    .values({
      report_id: e.reportId,
      correction_id: e.correctionId,
      filename: e.filename,
      content_type: e.contentType,
      size: e.content.length,
      sha256: e.sha256,
      content: e.content,
      uploaded_by: e.uploadedBy,
      uploaded_at: e.at,
    })
    .returning(['id', 'filename', 'content_type', 'size', 'sha256'])
    .executeTakeFirstOrThrow();
}

/** One file of one correction, or undefined. */
export function findCorrectionEvidenceFile(db: Conn, correctionId: string, evidenceId: string) {
  return db
    .selectFrom('correction_evidence')
    .select(['filename', 'content_type', 'content', 'sha256'])
    .where('id', '=', evidenceId)
    .where('correction_id', '=', correctionId)
    .executeTakeFirst();
}

/**
 * Records a reminder (due_soon) or an overdue warning for a correction on a day; false
 * when one is already recorded that day (the job may run again, or on another instance).
 */
export async function recordReminder(
  tx: Tx,
  r: { correctionId: string; kind: 'due_soon' | 'overdue'; onDay: string; due: string; at: Date },
): Promise<boolean> {
  const row = await tx
    .insertInto('correction_reminders')
    .values({
      correction_id: r.correctionId,
      kind: r.kind,
      on_day: r.onDay,
      due: r.due,
      created_at: r.at,
    })
    .onConflict((oc) => oc.columns(['correction_id', 'on_day', 'tenant_unit_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
