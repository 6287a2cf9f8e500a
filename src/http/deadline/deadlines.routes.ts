// GET /api/v1/deadlines: time limits near and past, for the workbench.

import type { AppContext } from '../../app/app-context.ts';
import { listDeadlines } from '../../app/deadline/list-deadlines.ts';
import { Deadlines } from '../../contract/deadline.schemas.ts';
import { specFor, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { presentDeadlines } from './deadline.presenter.ts';

const spec = specFor('案件 cases');

export function deadlineRoutes(ctx: AppContext): Routes {
  return async (app) => {
    const near = spec('临近和逾期的期限 / deadlines near and overdue', {}, { 200: Deadlines });
    app.get('/api/v1/deadlines', near, async (request) =>
      presentDeadlines(await listDeadlines(ctx, await actorOf(ctx, request))),
    );
  };
}
