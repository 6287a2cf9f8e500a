// Lists of cases: the case list with its filters, and the reader's to-do list (我的待办).
// Each is filtered in SQL by the reader's read scope, the same value `canRead` applies.

import { actingStates, workOn } from '../../domain/case/worklist.ts';
import { versionOf } from '../../domain/policy/policy-registry.ts';
import { viewRowsOf } from '../../store/case.repository.ts';
import {
  caseCandidates,
  listCaseSummaries,
  type CaseListFilter,
  type CaseListLimits,
  type CaseSummaryRow,
} from '../../store/case-list.queries.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { readerOf } from './case-actor.ts';
import { snapshotOf } from './case-snapshot.ts';
import { caseContext } from './case-write.ts';

export interface CaseSummary extends CaseSummaryRow {
  readonly policyTitle: string;
}

function titled(ctx: AppContext, rows: readonly CaseSummaryRow[]): CaseSummary[] {
  return rows.map((r) => ({
    ...r,
    policyTitle: versionOf(ctx.registry, r.policy_id, r.policy_version)?.def.title ?? r.policy_id,
  }));
}

/**
 * The cases the actor may read, newest first, filtered and paged in SQL, and how many:
 * exactly up to the limits' count cap, and `capped` past it.
 */
export async function listCases(
  ctx: AppContext,
  actor: Actor,
  filter: CaseListFilter,
  page: { readonly limit: number; readonly offset: number },
  limits?: CaseListLimits,
) {
  const listed = await listCaseSummaries(ctx.db, readerOf(actor), filter, page, limits);
  return { ...listed, items: titled(ctx, listed.items) };
}

export type { CaseListLimits };

/** The most a to-do list shows; the case list has the rest. */
const WORKLIST_LIMIT = 100;
/** The cases looked at for it: the newest in the states where the reader's roles act. */
const CANDIDATES = 2 * WORKLIST_LIMIT;

/**
 * The cases whose next step is the reader's to take now (a step, a record, a review),
 * newest first, each with the step in words: the domain's own checks, on every
 * candidate's snapshot, read in one query per table for all of them.
 */
export async function worklist(ctx: AppContext, actor: Actor) {
  const states = actingStates(actor.roles);
  if (states.length === 0) return { items: [] };
  const { subtree, rows } = await caseCandidates(ctx.db, readerOf(actor), states, CANDIDATES);
  const parts = await viewRowsOf(
    ctx.db,
    rows.map((row) => row.id),
  );
  const inScope = new Set(subtree);
  const todo = rows
    .flatMap((row) => {
      const { view, policy } = snapshotOf(ctx, row, parts.get(row.id)!);
      const who = { id: actor.id, roles: actor.roles, inUnitScope: inScope.has(row.unit_id) };
      const next = workOn(view, who, caseContext(ctx, policy));
      return next === null ? [] : [{ row, step: next.step }];
    })
    .slice(0, WORKLIST_LIMIT);
  const rowsTitled = titled(
    ctx,
    todo.map((t) => t.row),
  );
  return { items: rowsTitled.map((r, i) => ({ ...r, step: todo[i]!.step })) };
}
