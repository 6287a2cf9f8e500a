// GET /api/v1/deadlines: time limits near and past, for the workbench.

import type { AppContext } from '../../app/app-context.ts';
import { listDeadlines } from '../../app/deadline/list-deadlines.ts';
import { Deadlines, type WatchedDeadline } from '../../contract/deadline.schemas.ts';
import { type WatchedDeadline as Watched } from '../../domain/deadline/deadline-watch.ts';
import { specFor, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { DEADLINE_KIND_LABELS, DEADLINE_STATUS_LABELS } from '../../domain/vocabulary.ts';

export function deadlineRoutes(ctx: AppContext): Routes {
  return async (app) => {
    const near = specFor('案件 cases')(
      '临近和逾期的期限 / deadlines near and overdue',
      {},
      {
        200: Deadlines,
      },
    );
    app.get('/api/v1/deadlines', near, async (request) => {
      const { mine, unit, all, cases } = await listDeadlines(ctx, await actorOf(ctx, request));
      const byId = new Map(cases.map((c) => [c.id, c]));
      const present = (d: Watched): WatchedDeadline => ({
        kind: d.kind,
        kindLabel: DEADLINE_KIND_LABELS[d.kind],
        caseId: d.caseId,
        caseNumber: byId.get(d.caseId)?.number ?? '',
        caseTitle: byId.get(d.caseId)?.title ?? '',
        due: d.due,
        status: d.status,
        statusLabel: DEADLINE_STATUS_LABELS[d.status],
        daysLeft: d.daysLeft,
        notificationId: d.notificationId,
      });
      return { mine: mine.map(present), unit: unit.map(present), all: all.map(present) };
    });
  };
}
