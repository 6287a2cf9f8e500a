// The steps of the procedure and the records kept on a case, over HTTP. Every write
// answers with the case as the writer now sees it, so the page need not read it again.

import type { Actor } from '../../app/account/sessions.ts';
import type { AppContext } from '../../app/app-context.ts';
import { readCase } from '../../app/case/case-detail.ts';
import { fireTransition } from '../../app/case/fire-transition.ts';
import { recordAssessment, recordFact } from '../../app/case/record-on-case.ts';
import { CaseDetail } from '../../contract/case.schemas.ts';
import {
  ActionBody,
  ActionParams,
  AssessmentBody,
  AssessmentParams,
  FactBody,
  FactParams,
} from '../../contract/case-requests.schemas.ts';
import { specFor, type Routes } from '../route-plugin.ts';
import { actorOf } from '../session-cookie.ts';
import { toAction } from './case-action.ts';
import { presentCase } from './case.presenter.ts';

const spec = specFor('案件 cases');

/** Runs a write as the request's actor, then answers with the case as they now see it. */
export async function thenCase(
  ctx: AppContext,
  actor: Actor,
  write: (actor: Actor) => Promise<{ readonly id: string }>,
) {
  const { id } = await write(actor);
  return presentCase(await readCase(ctx, actor, id));
}

export function caseActionRoutes(ctx: AppContext): Routes {
  return async (app) => {
    const step = spec(
      '办理一步程序 / fire a transition',
      { params: ActionParams, body: ActionBody },
      { 200: CaseDetail },
    );
    app.post('/api/v1/cases/:id/actions/:action', step, async (request) => {
      const { params, body } = request;
      const action = toAction(params.action, body);
      return thenCase(ctx, await actorOf(ctx, request), (actor) =>
        fireTransition(ctx, actor, params.id, action, body.version),
      );
    });

    const fact = spec(
      '记录事实认定 / record a fact',
      { params: FactParams, body: FactBody },
      { 200: CaseDetail },
    );
    app.put('/api/v1/cases/:id/facts/:factId', fact, async (request) => {
      const { params, body } = request;
      const value = { value: body.value, note: body.note ?? null };
      return thenCase(ctx, await actorOf(ctx, request), (actor) =>
        recordFact(ctx, actor, params.id, params.factId, value, body.version),
      );
    });

    const factor = spec(
      '记录综合分析研判 / record an assessment factor',
      { params: AssessmentParams, body: AssessmentBody },
      { 200: CaseDetail },
    );
    app.put('/api/v1/cases/:id/assessment/:factor', factor, async (request) => {
      const { params, body } = request;
      return thenCase(ctx, await actorOf(ctx, request), (actor) =>
        recordAssessment(ctx, actor, params.id, params.factor, body.finding, body.version),
      );
    });
  };
}
