// Time limits coming up (due_soon) or passed (overdue): the reader's own (an officer's
// objection period) and their unit subtree's, against today in China.

import { todayInChina } from '../../domain/calendar-date.ts';
import { openDeadlinesOf, STATES_WITH_DEADLINES } from '../../domain/case/case-deadlines.ts';
import {
  deadlinesForUnits,
  deadlinesForUser,
  mergeDeadlines,
  watchDeadlines,
} from '../../domain/deadline/deadline-watch.ts';
import { casesWithDeadlines } from '../../store/deadline.queries.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { readerOf } from '../case/case-actor.ts';
import type { CaseState } from '../../domain/vocabulary.ts';

export async function listDeadlines(ctx: AppContext, actor: Actor) {
  const { cases, unsent } = await casesWithDeadlines(
    ctx.db,
    readerOf(actor),
    STATES_WITH_DEADLINES,
  );
  const open = cases.flatMap((c) =>
    openDeadlinesOf({
      id: c.id,
      unitId: c.unit_id,
      state: c.state as CaseState,
      officerId: c.officer_id,
      objectionDue: c.objection_due,
      notifications: unsent
        .filter((n) => n.case_id === c.id)
        .map((n) => ({ id: n.id, due: n.due, sent: false })),
    }),
  );
  const watched = watchDeadlines(open, todayInChina(ctx.now()));
  const unitIds = new Set(cases.filter((c) => c.in_unit_scope).map((c) => c.unit_id));
  const mine = deadlinesForUser(watched, actor.id);
  const unit = deadlinesForUnits(watched, unitIds);
  return { mine, unit, all: mergeDeadlines(mine, unit), cases };
}
