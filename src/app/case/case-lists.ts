// Lists of cases: the case list with its filters, and the reader's to-do list (我的待办).
// Each is filtered in SQL by the reader's read scope, the same value `canRead` applies.

import { actingStates } from '../../domain/case/worklist.ts';
import {
  listCaseSummaries,
  type CaseListFilter,
  type CaseSummaryRow,
} from '../../store/case-list.queries.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { readerOf } from './case-actor.ts';

export interface CaseSummary extends CaseSummaryRow {
  readonly policyTitle: string;
}

function titled(ctx: AppContext, rows: readonly CaseSummaryRow[]): CaseSummary[] {
  return rows.map((r) => ({
    ...r,
    policyTitle:
      ctx.registry.byId.get(r.policy_id)?.find((p) => p.version === r.policy_version)?.def.title ??
      r.policy_id,
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

/** The cases in a state where one of the reader's roles acts, newest first. */
export async function worklist(ctx: AppContext, actor: Actor) {
  const states = actingStates(actor.roles);
  if (states.length === 0) return { items: [] };
  const { items } = await listCaseSummaries(
    ctx.db,
    readerOf(actor),
    { states },
    { limit: WORKLIST_LIMIT, offset: 0 },
  );
  return { items: titled(ctx, items) };
}
