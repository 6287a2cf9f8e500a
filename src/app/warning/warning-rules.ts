// The warning rules (警示规则) as the system administrator reads and sets them: the whole
// set at once, against the version read (STALE_VERSION otherwise), in one transaction
// with one audit event that keeps each rule before and after the change. The rules as
// changed are then evaluated in the same transaction (raise-warnings.ts says why).

import { todayInChina } from '../../domain/calendar-date.ts';
import {
  checkRuleSet,
  ruleText,
  type WarningRule,
  type WarningRuleInput,
} from '../../domain/warning/warning-rule.ts';
import { inTransaction } from '../../store/transaction.ts';
import { listRules, ruleSetVersion, writeRuleSet } from '../../store/warning.repository.ts';
import { requireRole } from '../account/require-role.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, staleVersion, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { raiseWarningsForRules } from './raise-warnings.ts';

export interface RuleSet {
  readonly version: number;
  readonly rules: readonly WarningRule[];
}

export async function readRules(ctx: AppContext, actor: Actor): Promise<RuleSet> {
  requireRole(actor, 'sysadmin');
  return inTransaction(ctx.db, async (tx) => ({
    version: await ruleSetVersion(tx),
    rules: await listRules(tx),
  }));
}

/** A rule as the audit log keeps it: its numbers and, for the reader, in words. */
function audited(rule: WarningRule | WarningRuleInput) {
  const { kind, policyId, threshold, months, enabled } = rule;
  return { kind, policyId, threshold, months, enabled, text: ruleText(rule) };
}

function same(a: WarningRule, b: WarningRuleInput): boolean {
  return (
    a.kind === b.kind &&
    a.policyId === b.policyId &&
    a.threshold === b.threshold &&
    a.months === b.months &&
    a.enabled === b.enabled
  );
}

/**
 * Sets the rules to `rules`: those with an id are changed, those without added, those in
 * force but left out taken out. A set that changes nothing writes nothing.
 */
export async function setRules(
  ctx: AppContext,
  actor: Actor,
  input: { readonly expectedVersion: number; readonly rules: readonly WarningRuleInput[] },
): Promise<RuleSet> {
  requireRole(actor, 'sysadmin');
  const now = ctx.now();
  return inTransaction(ctx.db, async (tx) => {
    const version = await ruleSetVersion(tx, true);
    const before = await listRules(tx);
    const refused = checkRuleSet(
      input.rules,
      new Set(before.map((r) => r.id)),
      new Set(ctx.registry.byId.keys()),
    );
    if (refused) throw new UseCaseError(refused.code, refused.message);
    if (version !== input.expectedVersion)
      throw staleVersion('警示规则', version, input.expectedVersion);
    const byId = new Map(before.map((r) => [r.id, r]));
    const changes = [
      ...input.rules.flatMap((r) => {
        const old = r.id === undefined ? undefined : byId.get(r.id);
        if (old && same(old, r)) return [];
        return [{ rule: r.id ?? null, before: old ? audited(old) : null, after: audited(r) }];
      }),
      ...before
        .filter((old) => !input.rules.some((r) => r.id === old.id))
        .map((old) => ({ rule: old.id, before: audited(old), after: null })),
    ];
    if (changes.length === 0) return { version, rules: before };
    const next = await writeRuleSet(tx, input.rules, actor.id, now);
    await appendAudit(
      tx,
      {
        actorId: actor.id,
        action: 'warning_rules.set',
        entityType: 'warning_rules',
        entityId: 'rules',
        data: { version: next, changes },
      },
      now,
    );
    await raiseWarningsForRules(tx, todayInChina(now), actor.id, now);
    return { version: next, rules: await listRules(tx) };
  });
}
