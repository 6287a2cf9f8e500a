// Opens a case: the officer's own application (in their own unit) or a unit's
// initiative about one of its officers. The version of the unit's regime in force on the
// last day of the conduct is pinned to the case (`conductDay` in
// src/domain/case/decide-opening.ts says why), not the one in force on the day the case is
// recorded. At most once per idempotency key: a repeated request gets the first one's
// answer.

import { createHash } from 'node:crypto';
import { todayInChina } from '../../domain/calendar-date.ts';
import type { CaseAction } from '../../domain/case/case-actions.ts';
import {
  checkConductPeriod,
  versionForConduct,
  type ConductPeriod,
} from '../../domain/case/decide-opening.ts';
import { checkClassification } from '../../domain/case/classification.ts';
import { decideTransition } from '../../domain/case/decide-transition.ts';
import { insertCase } from '../../store/case.repository.ts';
import { storeEvaluation } from './case-evaluation.ts';
import { factVector } from './case-snapshot.ts';
import { allocateCaseNumber } from './case-number.ts';
import { claimIdempotencyKey, saveIdempotentResponse } from '../../store/idempotency.repository.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import { isWithinUnit } from '../../store/unit.repository.ts';
import { findAccount } from '../../store/user.repository.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { caseContext, refuse } from './case-write.ts';
import type { EnforcementAction } from '../../domain/vocabulary.ts';
import { unitRegime } from '../policy/pinned-policy.ts';

export interface OpenCaseInput extends ConductPeriod {
  readonly origin: 'application' | 'initiation';
  readonly unitId: string;
  /** For an initiated case: the officer whose conduct is in question. */
  readonly officerId?: string;
  readonly title: string;
  readonly conduct: string;
  readonly enforcementAction: EnforcementAction;
  /** 执法领域 and 错误类型: codes of the pinned version's taxonomy, or left for the investigator. */
  readonly field?: string | null;
  readonly errorType?: string | null;
}

export interface OpenedCase {
  readonly id: string;
  readonly number: string;
  readonly version: number;
  /** True when this answers a repeated request with an idempotency key already used. */
  readonly replayed: boolean;
}

function actionOf(input: OpenCaseInput): CaseAction {
  const opening = {
    unitId: input.unitId,
    title: input.title,
    conduct: input.conduct,
    conductDate: input.conductDate,
    conductEndDate: input.conductEndDate ?? null,
    enforcementAction: input.enforcementAction,
    field: input.field ?? null,
    errorType: input.errorType ?? null,
  };
  return input.origin === 'application'
    ? { kind: 'submit_application', ...opening }
    : { kind: 'initiate', officerId: input.officerId ?? '', ...opening };
}

/**
 * Whether an initiated case may be about this officer: one of the initiator's own unit or
 * a unit below it (those GET /officers lists). One elsewhere answers as one that does not
 * exist, after the initiator's own right to initiate is checked.
 */
async function mayConcern(tx: Tx, actor: Actor, officerId: string | undefined) {
  const officer = officerId === undefined ? undefined : await findAccount(tx, officerId);
  return (
    officer !== undefined &&
    officer.roles.includes('officer') &&
    (await isWithinUnit(tx, officer.unit_id, actor.unitId))
  );
}

export async function openCase(
  ctx: AppContext,
  actor: Actor,
  input: OpenCaseInput,
  idempotencyKey?: string,
): Promise<OpenedCase> {
  const now = ctx.now();
  const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  return inTransaction(ctx.db, async (trx) => {
    if (idempotencyKey !== undefined) {
      const claim = await claimIdempotencyKey<Omit<OpenedCase, 'replayed'>>(
        trx,
        actor.id,
        idempotencyKey,
        requestHash,
      );
      if (!claim.fresh) {
        if (claim.requestHash !== requestHash || claim.response === null) {
          throw new UseCaseError('IDEMPOTENCY_KEY_REUSED', '该幂等键已用于另一请求');
        }
        return { ...claim.response, replayed: true };
      }
    }

    const { lineage, versions } = await unitRegime(trx, ctx, input.unitId);
    // The dates first: which version applies depends on them.
    const dates = checkConductPeriod(input, todayInChina(now));
    if (dates) refuse(dates);
    const policy = versionForConduct(versions, input);
    if ('code' in policy) refuse(policy);
    const classification = checkClassification(policy.def.taxonomy, input);
    if (classification) refuse(classification);

    if (input.origin === 'initiation') {
      if (input.officerId === undefined) {
        throw new UseCaseError('INVALID_INPUT', '单位启动核查须指明被核查的执法人员');
      }
    } else if (input.unitId !== actor.unitId) {
      throw new UseCaseError('FORBIDDEN', '执法人员只能向本单位提出申请');
    }
    const who = {
      id: actor.id,
      roles: actor.roles,
      inUnitScope: lineage.ids.includes(actor.unitId),
    };
    const result = decideTransition(null, actionOf(input), who, caseContext(ctx, policy));
    if (!result.ok) refuse(result.error);
    if (input.origin === 'initiation' && !(await mayConcern(trx, actor, input.officerId))) {
      throw new UseCaseError('NOT_FOUND', '被核查的执法人员不存在');
    }
    const opening = result.effects.changes.find((c) => c.kind === 'create_case');
    if (opening?.kind !== 'create_case') throw new Error('the state machine opened no case');

    const row = await insertCase(trx, {
      ...opening,
      number: await allocateCaseNumber(trx, input.unitId, now),
      policyId: policy.id,
      policyVersion: policy.version,
      state: result.effects.state,
      at: now,
    });
    // The engine on no facts yet, stored with the case (case-evaluation.ts).
    const dated = { conduct_date: opening.conductDate, conduct_end_date: opening.conductEndDate };
    await storeEvaluation(trx, row.id, dated, policy, factVector(policy, []), now);
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        action: `case.${result.effects.action}`,
        entityType: 'case',
        entityId: row.id,
        data: {
          number: row.number,
          state: result.effects.state,
          policy: policy.id,
          policyVersion: policy.version,
          title: opening.title,
          conductDate: opening.conductDate,
          conductEndDate: opening.conductEndDate,
          field: opening.field,
          errorType: opening.errorType,
        },
      },
      now,
    );
    const opened = { id: row.id, number: row.number, version: row.version };
    if (idempotencyKey !== undefined)
      await saveIdempotentResponse(trx, actor.id, idempotencyKey, opened);
    return { ...opened, replayed: false };
  });
}
