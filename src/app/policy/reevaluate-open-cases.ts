// `rongcuo policy reevaluate`: every open case's facts evaluated again, against the
// regime's version in force on the case's conduct day as the registry now holds it, and
// compared with what the case shows today (issue 13).
//
// What it changes: nothing. A case is pinned to the version it was opened under
// (case-snapshot.ts): before 提请研究决定 its determination is the live one under that
// version, after it the one recorded then stands, and a new version may not move a case
// off its pinned one. So the command says, case by case, what a new version (or a
// corrected policy file) would decide differently, and how fast the engine goes through
// them: the report a secretary needs before adopting the version. The live determination
// stored with a case's facts (case-evaluation.ts) needs no walk: one computed from another
// text of the pinned version no longer matches its digest, and the read computes afresh.

import { isTerminalState } from '../../domain/case/case-state.ts';
import { conductDay } from '../../domain/case/decide-opening.ts';
import { evaluate } from '../../domain/policy/evaluate.ts';
import { versionInForce, versionOf } from '../../domain/policy/policy-registry.ts';
import { CASE_STATES } from '../../domain/vocabulary.ts';
import { countOpenCases, openCasesAfter } from '../../store/reevaluation.queries.ts';
import { UseCaseError, type AppContext } from '../app-context.ts';
import { factVector } from '../case/case-snapshot.ts';

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

/** The states a case ends in: the walk skips them. */
const TERMINAL = CASE_STATES.filter(isTerminalState);

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
  const total = await countOpenCases(ctx.db, TERMINAL, options.policyId);
  const changed: ReevaluationChange[] = [];
  let after: string | null = null;
  let done = 0;
  let live = 0;
  let withoutVersion = 0;
  for (;;) {
    const page = await openCasesAfter(ctx.db, TERMINAL, after, options.pageSize, options.policyId);
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
