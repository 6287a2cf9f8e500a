// The system administrator sets the prefix of a unit's case numbers (锡盟应急容): cases
// opened afterwards in the unit and the units below it without their own are numbered in
// its series; the cases already opened keep their numbers.

import { prefixProblem } from '../../domain/case/case-number.ts';
import { setCaseNumberPrefix } from '../../store/case-number.repository.ts';
import { inTransaction } from '../../store/transaction.ts';
import { listUnits } from '../../store/unit.repository.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { requireRole } from './require-role.ts';
import type { Actor } from './sessions.ts';

/** Sets (null: clears) the unit's prefix; the unit tree afterwards, as GET /units reads it. */
export async function setUnitCaseNumberPrefix(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  input: string | null,
) {
  requireRole(actor, 'sysadmin');
  const prefix = input === null ? null : input.trim();
  if (prefix !== null) {
    const problem = prefixProblem(prefix);
    if (problem) throw new UseCaseError('INVALID_INPUT', problem);
  }
  return inTransaction(ctx.db, async (trx) => {
    const set = await setCaseNumberPrefix(trx, unitId, prefix);
    if (set === undefined) throw new UseCaseError('NOT_FOUND', '单位不存在');
    if (set === 'taken')
      throw new UseCaseError('CASE_NUMBER_PREFIX_TAKEN', `案号前缀已由其他单位使用：${prefix}`);
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        action: 'unit_case_number_prefix_set',
        entityType: 'unit',
        entityId: unitId,
        data: { prefix },
      },
      ctx.now(),
    );
    return listUnits(trx);
  });
}
