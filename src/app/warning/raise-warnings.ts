// When warnings are raised: in the transaction that records a decision (the only moment a
// case starts to count, warning-evaluation.ts), for that case's unit, error type and field;
// and in the transaction that changes the rules, for every key of the rules as changed, so
// that a lowered threshold warns of what it now finds without waiting for the next
// decision of that kind. Both inside the writer's transaction: a warning is raised with
// the decision or the change that reaches its threshold, or not at all, and once, since
// evaluations take one lock (lockWarnings) and a case is behind at most one warning of a
// rule (the database's unique key). No job is needed: nothing fires with the passing of
// time alone, since a window only ever gains cases at a decision.

import { assertNever } from '../../domain/assert-never.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import {
  firingWarnings,
  keyText,
  type FiringWarning,
} from '../../domain/warning/warning-evaluation.ts';
import { monthsBefore, type WarningRule } from '../../domain/warning/warning-rule.ts';
import { insertWarning, listRules, lockWarnings } from '../../store/warning.repository.ts';
import { decidedCases, type DecidedCaseFilter } from '../../store/warning.queries.ts';
import type { CaseRow } from '../../store/schema.ts';
import type { Tx } from '../../store/transaction.ts';
import { appendAudit } from '../audit/audit-log.ts';

/**
 * Raises what each rule finds among the cases it has not yet warned of (read per rule,
 * so a rule's earlier warnings keep the read small), of the key given or of every key.
 */
async function raise(
  tx: Tx,
  rules: readonly WarningRule[],
  key: (rule: WarningRule) => Partial<Omit<DecidedCaseFilter, 'notWarnedBy'>> | null,
  asOf: CalendarDate,
  actorId: string | null,
  at: Date,
): Promise<string[]> {
  const ids: string[] = [];
  for (const rule of rules) {
    const of = rule.enabled ? key(rule) : null;
    if (of === null) continue;
    // A window ends within the rule's months before today and spans as many before it.
    const since = monthsBefore(asOf, 2 * rule.months);
    const filter = { policyId: rule.policyId, ...of, notWarnedBy: rule.id };
    const cases = await decidedCases(tx, filter, since);
    for (const warning of firingWarnings([rule], cases, [], asOf)) {
      const id = await insertWarning(tx, warning, at);
      await appendAudit(
        tx,
        {
          actorId,
          action: 'warning.raised',
          entityType: 'warning',
          entityId: id,
          data: auditData(warning),
        },
        at,
      );
      ids.push(id);
    }
  }
  return ids;
}

function auditData(w: FiringWarning): Record<string, unknown> {
  return {
    rule: w.ruleId,
    key: keyText(w.key),
    threshold: w.threshold,
    months: w.months,
    cases: w.caseIds,
    units: w.unitIds,
    windowFrom: w.windowFrom,
    windowTo: w.windowTo,
  };
}

/**
 * The hook of the decision (fire-transition.ts): the warnings the case just decided brings
 * to their threshold, in the decision's transaction, after its decision row is written.
 */
export async function raiseWarningsOnDecision(
  tx: Tx,
  decided: Pick<CaseRow, 'policy_id' | 'unit_id' | 'field' | 'error_type'>,
  asOf: CalendarDate,
  actorId: string,
  at: Date,
): Promise<string[]> {
  const { policy_id: policyId, unit_id: unitId, field, error_type: errorType } = decided;
  // An unclassified case counts for nothing (the decision requires the classification).
  if (field === null || errorType === null) return [];
  await lockWarnings(tx);
  const rules = (await listRules(tx)).filter((r) => r.policyId === null || r.policyId === policyId);
  // The decided case's own keys: its unit and error type, its field; in its regime.
  const key = (rule: WarningRule) => {
    switch (rule.kind) {
      case 'same_error_type_in_unit':
        return { unitId, errorType };
      case 'same_field_across_units':
        return { field };
      default:
        return assertNever(rule.kind);
    }
  };
  return raise(tx, rules, (rule) => ({ ...key(rule), policyId }), asOf, actorId, at);
}

/** After the rules changed: every key of every rule, in the change's transaction. */
export async function raiseWarningsForRules(
  tx: Tx,
  asOf: CalendarDate,
  actorId: string,
  at: Date,
): Promise<string[]> {
  await lockWarnings(tx);
  return raise(tx, await listRules(tx), () => ({}), asOf, actorId, at);
}
