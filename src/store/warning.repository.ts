// Warning rules and warnings as rows (migration 0010): the rule set and its version, the
// warnings raised with their cases and recipient units, and the units' acknowledgements.

import type { WarningRule, WarningRuleInput } from '../domain/warning/warning-rule.ts';
import type { FiringWarning } from '../domain/warning/warning-evaluation.ts';
import type { WarningRuleKind } from '../domain/vocabulary.ts';
import { sql } from 'kysely';
import type { Conn, Tx } from './transaction.ts';

/** Arbitrary constant naming the warnings' lock among the application's advisory locks. */
const WARNINGS_LOCK = 73_201_003;

/**
 * Serialises evaluations, so that two decisions committed at once cannot each miss the
 * other's case, or both raise one warning: taken before the cases are read and held to
 * the commit, an evaluation that waited sees what the one before it committed (each
 * statement of READ COMMITTED reads what was committed when it began). A lock of its own:
 * since migration 0018 no writer holds an audit lock (the chainer takes its lock in a
 * transaction of its own, and no other), so this one cannot deadlock with it.
 */
export async function lockWarnings(tx: Tx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${WARNINGS_LOCK})`.execute(tx);
}

function ruleOf(row: {
  id: string;
  kind: string;
  policy_id: string | null;
  threshold: number;
  months: number;
  enabled: boolean;
}): WarningRule {
  return {
    id: row.id,
    kind: row.kind as WarningRuleKind,
    policyId: row.policy_id,
    threshold: row.threshold,
    months: row.months,
    enabled: row.enabled,
  };
}

/** The rules in force (not taken out of the set), in the order they were made. */
export async function listRules(db: Conn): Promise<WarningRule[]> {
  const rows = await db
    .selectFrom('warning_rules')
    .select(['id', 'kind', 'policy_id', 'threshold', 'months', 'enabled'])
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('kind')
    .orderBy('id')
    .execute();
  return rows.map(ruleOf);
}

/** The rule set's version, read with the row locked when a change is to follow. */
export async function ruleSetVersion(db: Conn, lock = false): Promise<number> {
  const query = db.selectFrom('warning_rule_sets').select('version');
  const row = await (lock ? query.forUpdate() : query).executeTakeFirstOrThrow();
  return row.version;
}

/**
 * Writes the set as given: rules named by id are changed, the others added, and those in
 * force but not in the set taken out. Returns the new version and the rules as written.
 */
export async function writeRuleSet(
  tx: Tx,
  rules: readonly WarningRuleInput[],
  actorId: string,
  at: Date,
): Promise<number> {
  const kept = rules.flatMap((r) => (r.id === undefined ? [] : [r.id]));
  let removal = tx
    .updateTable('warning_rules')
    .set({ removed_at: at, updated_at: at, updated_by: actorId })
    .where('removed_at', 'is', null);
  if (kept.length > 0) removal = removal.where('id', 'not in', kept);
  await removal.execute();
  for (const rule of rules) {
    const values = {
      kind: rule.kind,
      policy_id: rule.policyId,
      threshold: rule.threshold,
      months: rule.months,
      enabled: rule.enabled,
      updated_at: at,
      updated_by: actorId,
    };
    if (rule.id === undefined)
      await tx
        .insertInto('warning_rules')
        .values({ ...values, created_at: at })
        .execute();
    else await tx.updateTable('warning_rules').set(values).where('id', '=', rule.id).execute();
  }
  const row = await tx
    .updateTable('warning_rule_sets')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

/** Writes one warning, its cases and its recipients; returns its id. */
export async function insertWarning(tx: Tx, w: FiringWarning, at: Date): Promise<string> {
  const key = w.key;
  const row = await tx
    .insertInto('warnings')
    .values({
      rule_id: w.ruleId,
      kind: key.kind,
      policy_id: key.policyId,
      unit_id: key.kind === 'same_error_type_in_unit' ? key.unitId : null,
      error_type: key.kind === 'same_error_type_in_unit' ? key.errorType : null,
      field: key.kind === 'same_field_across_units' ? key.field : null,
      key: w.keyText,
      threshold: w.threshold,
      months: w.months,
      window_from: w.windowFrom,
      window_to: w.windowTo,
      raised_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('warning_cases')
    .values(w.caseIds.map((caseId) => ({ warning_id: row.id, rule_id: w.ruleId, case_id: caseId })))
    .execute();
  await tx
    .insertInto('warning_recipients')
    .values(w.unitIds.map((unitId) => ({ warning_id: row.id, unit_id: unitId })))
    .execute();
  return row.id;
}

/** The recipients of a warning, locked for an acknowledgement. */
export function lockRecipients(tx: Tx, warningId: string) {
  return tx
    .selectFrom('warning_recipients')
    .select(['unit_id', 'acknowledged_at'])
    .where('warning_id', '=', warningId)
    .orderBy('unit_id')
    .forUpdate()
    .execute();
}

/** Records a unit's acknowledgement, once: false when it was already acknowledged. */
export async function acknowledge(
  tx: Tx,
  ack: { warningId: string; unitId: string; by: string; at: Date; measures: string },
): Promise<boolean> {
  const result = await tx
    .updateTable('warning_recipients')
    .set({ acknowledged_by: ack.by, acknowledged_at: ack.at, measures: ack.measures })
    .where('warning_id', '=', ack.warningId)
    .where('unit_id', '=', ack.unitId)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
