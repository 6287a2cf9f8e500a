// Time limits coming up (due_soon) or passed (overdue): the reader's own (an officer's
// objection period) and their unit subtree's, against today in China.

import { todayInChina } from '../../domain/calendar-date.ts';
import { openDeadlinesOf, STATES_WITH_DEADLINES } from '../../domain/case/case-deadlines.ts';
import {
  byUrgency,
  deadlinesForUnits,
  deadlinesForUser,
  deadlinesForUserOrUnits,
  watchDeadlines,
} from '../../domain/deadline/deadline-watch.ts';
import { casesWithDeadlines } from '../../store/deadline.queries.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { readerOf } from '../case/case-actor.ts';
import type { CaseState } from '../../domain/vocabulary.ts';
import { correctionDeadlines } from '../correction/correction-deadlines.ts';
import { reportDeadlines } from '../report/report-deadlines.ts';

export async function listDeadlines(ctx: AppContext, actor: Actor) {
  // 信访举报工作人员 read the unit's cases (and so its corrections) only to link reports to
  // them: those time limits are for whoever works on cases; theirs are the reports' (below).
  const watchesCases = actor.roles.some((role) => role !== 'petitions');
  const { cases, unsent } = watchesCases
    ? await casesWithDeadlines(ctx.db, readerOf(actor), STATES_WITH_DEADLINES)
    : { cases: [], unsent: [] };
  const unsentOf = new Map<string, { id: string; due: string; sent: false }[]>();
  for (const n of unsent) {
    const list = unsentOf.get(n.case_id) ?? [];
    list.push({ id: n.id, due: n.due, sent: false });
    unsentOf.set(n.case_id, list);
  }
  const open = cases.flatMap((c) =>
    openDeadlinesOf({
      id: c.id,
      unitId: c.unit_id,
      state: c.state as CaseState,
      officerId: c.officer_id,
      objectionDue: c.objection_due,
      notifications: unsentOf.get(c.id) ?? [],
    }),
  );
  const caseDeadlines = watchDeadlines(open, todayInChina(ctx.now()));
  // 整改期限: the corrections at work near or past their deadline, by the policy's reminder.
  const corrections = watchesCases
    ? await correctionDeadlines(ctx, actor)
    : { watched: [], unitIds: [], cases: [] };
  // 反馈期限: named reports near or past their feedback deadline, for the petitions staff.
  const reports = await reportDeadlines(ctx, actor);
  const watched = [...caseDeadlines, ...corrections.watched, ...reports.watched].sort(byUrgency);
  const unitIds = new Set([
    ...cases.filter((c) => c.in_unit_scope).map((c) => c.unit_id),
    ...corrections.unitIds,
    ...reports.unitIds,
  ]);
  return {
    mine: deadlinesForUser(watched, actor.id),
    unit: deadlinesForUnits(watched, unitIds),
    all: deadlinesForUserOrUnits(watched, actor.id, unitIds),
    cases,
    correctionCases: corrections.cases,
    reports: reports.reports,
  };
}
