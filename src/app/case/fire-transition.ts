// Fires a step of the procedure on a case: the domain decides (decideTransition) and
// its effects are written as they are, in the case's one write transaction.

import type { CaseAction } from '../../domain/case/case-actions.ts';
import { unitsNamedBy } from '../../domain/case/case-actions.ts';
import { decideTransition } from '../../domain/case/decide-transition.ts';
import { writeCaseChange } from '../../store/case-effects.writer.ts';
import { existingUnitIds } from '../../store/unit.repository.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { withPublication } from '../publication/publication-source.ts';
import { raiseWarningsOnDecision } from '../warning/raise-warnings.ts';
import { decisionContext } from './case-fairness.ts';
import { caseContext, refuse, writeOnCase } from './case-write.ts';

export function fireTransition(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  action: CaseAction,
  expectedVersion: number,
) {
  return writeOnCase(ctx, actor, caseId, expectedVersion, async (snapshot, who, tx) => {
    const known = await existingUnitIds(tx, unitsNamedBy(action));
    // The decision (and a review that changes it) reads who may sit on it and its units.
    const decides = action.kind === 'record_decision' || action.kind === 'review_objection';
    const decision = decides ? await decisionContext(tx, snapshot.row, snapshot.view) : undefined;
    const base = caseContext(ctx, snapshot.policy, known, decision);
    // A publication is composed from the case and reaches the circles of its unit.
    const context = action.kind === 'publish' ? await withPublication(tx, snapshot, base) : base;
    const result = decideTransition(snapshot.view, action, who, context);
    if (!result.ok) refuse(result.error);
    const { effects } = result;
    return {
      action: `case.${effects.action}`,
      state: effects.state,
      async write(trx, at) {
        for (const change of effects.changes)
          await writeCaseChange(trx, change, { caseId, actorId: actor.id, at });
        // A decided case starts to count toward warnings (第十八条): raised with the decision.
        if (action.kind === 'record_decision')
          await raiseWarningsOnDecision(trx, snapshot.row, context.today, actor.id, at);
        const { kind: _kind, ...payload } = action;
        return { from: effects.from, to: effects.state, reason: effects.reason, payload };
      },
    };
  });
}
