// Classifies a case: its field of enforcement (执法领域) and error type (错误类型), codes of
// its own policy version's taxonomy, set or changed before the decision by the case's
// investigator or secretary (classification.ts). A write like the others: the case's lock,
// its version checked, one audit event with the classification before and after.

import { checkClassification, checkClassify } from '../../domain/case/classification.ts';
import { todayInChina } from '../../domain/calendar-date.ts';
import { versionInForce } from '../../domain/policy/policy-registry.ts';
import { setClassification } from '../../store/case.repository.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { refuse, writeOnCase } from './case-write.ts';
import { unitRegime } from '../policy/pinned-policy.ts';

export interface ClassificationInput {
  readonly field: string;
  readonly errorType: string;
}

export function classifyCase(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: ClassificationInput,
  expectedVersion: number,
) {
  return writeOnCase(ctx, actor, caseId, expectedVersion, async (snapshot, who) => {
    const check = checkClassify(snapshot.view, who);
    if (!check.ok) refuse(check.error);
    const unknown = checkClassification(snapshot.policy.def.taxonomy, input);
    if (unknown) refuse(unknown);
    const before = { field: snapshot.row.field, errorType: snapshot.row.error_type };
    return {
      action: 'case.classify',
      state: snapshot.row.state,
      async write(tx) {
        await setClassification(tx, { caseId, ...input });
        return { before, after: { field: input.field, errorType: input.errorType } };
      },
    };
  });
}

/**
 * The choices of a new case's classification in a unit: the taxonomy of its regime's
 * version in force today (codes are kept across versions, and the version pinned at
 * opening checks them again).
 */
export async function classificationChoices(ctx: AppContext, unitId: string) {
  const { versions } = await unitRegime(ctx.db, ctx, unitId);
  const policy = versionInForce(versions, todayInChina(ctx.now())) ?? versions.at(-1)!;
  return { policy, taxonomy: policy.def.taxonomy };
}
