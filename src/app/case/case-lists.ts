// Lists of cases: the case list with its filters, and the reader's to-do list (我的待办).
// Each is filtered in SQL by the reader's read scope, the same value `canRead` applies.

import { actingStates, hasWorkOn } from '../../domain/case/worklist.ts';
import { versionOf } from '../../domain/policy/policy-registry.ts';
import { casesByIds, viewRowsOf } from '../../store/case.repository.ts';
import {
  listCaseSummaries,
  type CaseListFilter,
  type CaseSummaryRow,
} from '../../store/case-list.queries.ts';
import { allOf } from '../../store/all-of.ts';
import { subtreeIds } from '../../store/unit.repository.ts';
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

/** The cases the actor may read, newest first, filtered and paged in SQL. */
export async function listCases(
  ctx: AppContext,
  actor: Actor,
  filter: CaseListFilter,
  page: { readonly limit: number; readonly offset: number },
) {
  const { total, items } = await listCaseSummaries(ctx.db, readerOf(actor), filter, page);
  return { total, items: titled(ctx, items) };
}

/** The most a to-do list shows; the case list has the rest. */
const WORKLIST_LIMIT = 100;
/** The cases looked at for it: the newest in the states where the reader's roles act. */
const CANDIDATES = 2 * WORKLIST_LIMIT;

/**
 * The cases on which the reader has a step to take or a record to keep now, newest
 * first: the domain's own checks, on every candidate's snapshot, read in one query per
 * table for all of them.
 */
export async function worklist(ctx: AppContext, actor: Actor) {
  const states = actingStates(actor.roles);
  if (states.length === 0) return { items: [] };
  const { items } = await listCaseSummaries(
    ctx.db,
    readerOf(actor),
    { states },
    { limit: CANDIDATES, offset: 0 },
  );
  const ids = items.map((c) => c.id);
  const { rows, parts, subtree } = await allOf({
    rows: casesByIds(ctx.db, ids),
    parts: viewRowsOf(ctx.db, ids),
    subtree: subtreeIds(ctx.db, actor.unitId),
  });
  const inScope = new Set(subtree);
  const working = new Set(
    rows
      .filter((row) => {
        const { view, policy } = snapshotOf(ctx, row, parts.get(row.id)!);
        const who = { id: actor.id, roles: actor.roles, inUnitScope: inScope.has(row.unit_id) };
        return hasWorkOn(view, who, caseContext(ctx, policy));
      })
      .map((row) => row.id),
  );
  const todo = items.filter((c) => working.has(c.id)).slice(0, WORKLIST_LIMIT);
  return { items: titled(ctx, todo) };
}
