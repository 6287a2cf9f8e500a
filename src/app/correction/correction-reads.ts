// Reading corrections: one as its reader sees it now (what the reader may do, its deadline
// against today), and the lists: the reader's own or their units', filtered, and the
// to-do list (the step the domain says is the reader's to take now).

import { todayInChina } from '../../domain/calendar-date.ts';
import type { CorrectionAction } from '../../domain/correction/correction-actions.ts';
import { correctionDueStatus } from '../../domain/correction/correction-deadline.ts';
import {
  allowedCorrectionActions,
  correctionTodo,
  pendingExtension,
  TODO_STATES,
  type CorrectionView,
} from '../../domain/correction/correction-machine.ts';
import { daysBetween } from '../../domain/deadline/deadline-watch.ts';
import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import type { DeadlineStatus } from '../../domain/vocabulary.ts';
import {
  findCorrection,
  machineRowsOf,
  type CorrectionRow,
} from '../../store/correction.repository.ts';
import {
  correctionRecords,
  listCorrections,
  type CorrectionFilter,
  type CorrectionRecords,
} from '../../store/correction.queries.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { readerOf } from '../case/case-actor.ts';
import {
  correctionContext,
  correctionNotFound,
  readingCorrectionActor,
  viewsOf,
} from './correction-context.ts';
import { pinnedPolicy } from '../policy/pinned-policy.ts';

/** What a correction's deadline is against today. */
export interface DueWatch {
  readonly dueStatus: DeadlineStatus | null;
  readonly daysLeft: number | null;
}

export function dueWatch(
  ctx: AppContext,
  policy: CompiledPolicy,
  view: Pick<CorrectionView, 'state' | 'due'>,
  today: string,
): DueWatch {
  return {
    dueStatus: correctionDueStatus(
      ctx.calendar,
      policy.def.procedure.correction.reminder,
      view,
      today,
    ),
    daysLeft: view.due === null ? null : daysBetween(today, view.due),
  };
}

export interface CorrectionReading extends DueWatch {
  readonly row: CorrectionRow;
  readonly records: CorrectionRecords;
  readonly policy: CompiledPolicy;
  readonly today: string;
  readonly allowedActions: readonly CorrectionAction[];
  readonly pendingExtensionId: string | null;
}

/** One correction as the reader sees it now; CORRECTION_NOT_FOUND if they may not read it. */
export async function readCorrection(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<CorrectionReading> {
  const row = await findCorrection(ctx.db, id);
  if (!row) throw correctionNotFound();
  const who = await readingCorrectionActor(ctx.db, actor, row);
  const [machine, records] = await Promise.all([
    machineRowsOf(ctx.db, [row.id]),
    correctionRecords(ctx.db, row.id),
  ]);
  const view = viewsOf([row], machine).get(row.id)!;
  const cctx = correctionContext(ctx, row);
  const policy = pinnedPolicy(ctx, row);
  return {
    row,
    records,
    policy,
    today: cctx.today,
    allowedActions: allowedCorrectionActions(view, who, cctx),
    pendingExtensionId: pendingExtension(view)?.id ?? null,
    ...dueWatch(ctx, policy, view, cctx.today),
  };
}

export interface CorrectionListQuery {
  readonly state?: string;
  readonly overdue?: boolean;
  readonly mine?: boolean;
  readonly todo?: boolean;
  readonly caseId?: string;
  readonly page: number;
  readonly pageSize: number;
}

/** The most a to-do list shows. */
const TODO_LIMIT = 200;

/** The corrections the reader may read, filtered; with `todo`, those with a step that is theirs now. */
export async function listCorrectionsFor(
  ctx: AppContext,
  actor: Actor,
  query: CorrectionListQuery,
) {
  const today = todayInChina(ctx.now());
  const filter: CorrectionFilter = {
    ...(query.state !== undefined
      ? { states: [query.state] }
      : query.todo
        ? { states: TODO_STATES }
        : {}),
    ...(query.overdue ? { overdueOn: today } : {}),
    ...(query.mine ? { mine: true } : {}),
    ...(query.caseId !== undefined ? { caseId: query.caseId } : {}),
    ...(query.todo
      ? {}
      : { page: { limit: query.pageSize, offset: (query.page - 1) * query.pageSize } }),
  };
  const { total, rows } = await listCorrections(ctx.db, readerOf(actor), filter);
  const views = viewsOf(
    rows,
    await machineRowsOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
  );
  const items = rows.map((row) => {
    const view = views.get(row.id)!;
    const policy = pinnedPolicy(ctx, row);
    const who = { id: actor.id, roles: actor.roles, inUnitScope: Boolean(row.in_unit_scope) };
    const todo: CorrectionAction | null = query.todo
      ? correctionTodo(view, who, correctionContext(ctx, row))
      : null;
    return {
      row,
      todo,
      pendingExtension: pendingExtension(view) !== null,
      ...dueWatch(ctx, policy, view, today),
    };
  });
  if (!query.todo) return { total, items };
  const todos = items.filter((i) => i.todo !== null);
  const start = (query.page - 1) * query.pageSize;
  const capped = todos.slice(0, TODO_LIMIT);
  return { total: capped.length, items: capped.slice(start, start + query.pageSize) };
}
