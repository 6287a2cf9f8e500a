// An officer's record (履职档案): their cases with the conclusion in force, and enforcement
// errors only where a conclusion made one (第十五条), with that article quoted from the
// policy and marked on each case it applied to. Read by the officer, and by whoever reads
// the cases of the officer's unit; each lists only the cases its reader may read.

import { canReadOfficerRecord, readScopeOf } from '../../domain/case/case-access.ts';
import { notEnforcementErrorRule, ruleApplied } from '../../domain/case/officer-record.ts';
import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import { versionOf } from '../../domain/policy/policy-registry.ts';
import { resolveReader } from '../../store/case-read-scope.sql.ts';
import { clearancesAbout } from '../../store/clearance.queries.ts';
import { casesAbout, standingErrorRecords, unitName } from '../../store/officer-record.queries.ts';
import { isWithinUnit, unitLineage } from '../../store/unit.repository.ts';
import { findAccount } from '../../store/user.repository.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { readerOf } from './case-actor.ts';

export async function officerRecord(ctx: AppContext, actor: Actor, officerId: string) {
  const found = await findAccount(ctx.db, officerId);
  // Only an officer (执法人员) has a record of enforcement.
  const officer = found?.roles.includes('officer') ? found : undefined;
  const mayRead =
    officer !== undefined &&
    canReadOfficerRecord(
      readScopeOf(actor.roles),
      actor.id,
      officerId,
      await isWithinUnit(ctx.db, officer.unit_id, actor.unitId),
    );
  if (!officer || !mayRead) throw new UseCaseError('NOT_FOUND', '执法人员不存在');
  const reader = await resolveReader(ctx.db, readerOf(actor));
  const [rows, errorRecords, unit, lineage, clearances] = await Promise.all([
    casesAbout(ctx.db, officerId, reader),
    standingErrorRecords(ctx.db, officerId, reader),
    unitName(ctx.db, officer.unit_id),
    unitLineage(ctx.db, officer.unit_id),
    // 澄清正名 (第十九条): as far as the reader may read them (clearance.queries.ts).
    clearancesAbout(ctx.db, officerId, reader),
  ]);

  // The policy versions the cases were decided under; with no case, the unit's own.
  const versions = new Map<string, CompiledPolicy>();
  const policyOf = (id: string, version?: number) => {
    const policy = versionOf(ctx.registry, id, version);
    if (policy) versions.set(`${policy.id}@${policy.version}`, policy);
    return policy;
  };
  const cases = rows.map((c) => {
    const policy = policyOf(c.policy_id, c.policy_version);
    return { ...c, ruleApplied: policy !== null && ruleApplied(policy, c.conclusion) };
  });
  if (versions.size === 0 && lineage?.policyId) policyOf(lineage.policyId);
  const rules = [...versions.values()].map(notEnforcementErrorRule);

  return { officer, unitName: unit, cases, errorRecords, rules, clearances };
}
