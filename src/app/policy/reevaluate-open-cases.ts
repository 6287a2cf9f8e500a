// `rongcuo policy reevaluate`: every open case's facts evaluated again, against the
// regime's version in force on the case's conduct day as the registry now holds it, and
// compared with what the case shows today (issue 13).
//
// What it changes: nothing, today. A case is pinned to the version it was opened under
// (case-snapshot.ts): before 提请研究决定 its determination is computed on every read under
// that version, after it the one recorded then stands; neither is stored for the open
// stages, and a new version may not move a case off its pinned one. So the command says,
// case by case, what a new version (or a corrected policy file) would decide differently,
// and how fast the engine goes through them: the report a secretary needs before adopting
// the version. Where the determination comes to be stored (issue 13's stored
// determinations), this walk is the one that refreshes it: one transaction per page, one
// audit event per case whose stored determination changes.

import { conductDay } from '../../domain/case/decide-opening.ts';
import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import { Tri } from '../../domain/policy/decision-diagram.ts';
import { evaluate, type FactVector } from '../../domain/policy/evaluate.ts';
import { versionInForce, versionOf } from '../../domain/policy/policy-registry.ts';
import { countOpenCases, openCasesAfter } from '../../store/reevaluation.queries.ts';
import { UseCaseError, type AppContext } from '../app-context.ts';

export interface ReevaluationChange {
  readonly caseId: string;
  readonly state: string;
  /** What the case shows now: its pinned version's live outcome, or the recorded one. */
  readonly before: {
    readonly version: number;
    readonly status: string;
    readonly outcome: string | null;
  };
  readonly after: {
    readonly version: number;
    readonly status: string;
    readonly outcome: string | null;
  };
}

export interface ReevaluationResult {
  readonly open: number;
  /** Before 提请研究决定: evaluated live under the pinned version today. */
  readonly live: number;
  /** After it: the recorded determination stands. */
  readonly recorded: number;
  /** Cases whose pinned version, or a version in force on their day, is no longer loaded. */
  readonly withoutVersion: number;
  readonly changed: readonly ReevaluationChange[];
  readonly seconds: number;
}

function factVector(
  policy: CompiledPolicy,
  facts: readonly { readonly factId: string; readonly value: boolean | null }[],
): FactVector {
  const values = new Uint8Array(policy.facts.length).fill(Tri.Unknown);
  for (const f of facts) {
    const i = policy.factIndex.get(f.factId);
    if (i !== undefined && f.value !== null) values[i] = f.value ? Tri.True : Tri.False;
  }
  return values;
}

export async function reevaluateOpenCases(
  ctx: AppContext,
  options: {
    readonly policyId: string | null;
    readonly pageSize: number;
    readonly progress?: (done: number, total: number) => void;
  },
): Promise<ReevaluationResult> {
  if (options.policyId !== null && !ctx.registry.byId.has(options.policyId))
    throw new UseCaseError('UNKNOWN_POLICY', `未载入制度 ${options.policyId}`);
  const started = Date.now();
  const total = await countOpenCases(ctx.db, options.policyId);
  const changed: ReevaluationChange[] = [];
  let after: string | null = null;
  let done = 0;
  let live = 0;
  let withoutVersion = 0;
  for (;;) {
    const page = await openCasesAfter(ctx.db, after, options.pageSize, options.policyId);
    if (page.length === 0) break;
    for (const c of page) {
      const pinned = versionOf(ctx.registry, c.policyId, c.policyVersion);
      const day = conductDay({ conductDate: c.conductDate, conductEndDate: c.conductEndDate });
      const inForce = versionInForce(ctx.registry.byId.get(c.policyId) ?? [], day);
      // A case is opened under the version in force on its conduct day, so both exist
      // unless the policy files were changed since: such a case is counted, not judged.
      if (!pinned || !inForce) {
        withoutVersion++;
        continue;
      }
      const next = evaluate(inForce, factVector(inForce, c.facts));
      let before: ReevaluationChange['before'];
      if (c.recorded) {
        before = { version: c.policyVersion, status: 'determined', outcome: c.recordedOutcome };
      } else {
        live++;
        const now = evaluate(pinned, factVector(pinned, c.facts));
        before = { version: pinned.version, status: now.status, outcome: now.outcome };
      }
      const afterValue = { version: inForce.version, status: next.status, outcome: next.outcome };
      if (before.status !== afterValue.status || before.outcome !== afterValue.outcome)
        changed.push({ caseId: c.id, state: c.state, before, after: afterValue });
    }
    done += page.length;
    after = page.at(-1)!.id;
    options.progress?.(done, total);
  }
  return {
    open: done,
    live,
    recorded: done - live - withoutVersion,
    withoutVersion,
    changed,
    seconds: (Date.now() - started) / 1000,
  };
}
