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
import { errors } from '../../contract/schema-kit.ts';
import type { Routes } from '../route-plugin.ts';
import { actorOf } from '../session-cookie.ts';
import { toAction } from './case-action.ts';
import { presentCase } from './case.presenter.ts';

const tags = ['案件 cases'];

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
    app.post(
      '/api/v1/cases/:id/actions/:action',
      {
        schema: {
          tags,
          summary: '办理一步程序 / fire a transition',
          params: ActionParams,
          body: ActionBody,
          response: { 200: CaseDetail, ...errors },
        },
      },
      async (request) => {
        const { params, body } = request;
        return thenCase(ctx, await actorOf(ctx, request), (actor) =>
          fireTransition(ctx, actor, params.id, toAction(params.action, body), body.version),
        );
      },
    );

    app.put(
      '/api/v1/cases/:id/facts/:factId',
      {
        schema: {
          tags,
          summary: '记录事实认定 / record a fact',
          params: FactParams,
          body: FactBody,
          response: { 200: CaseDetail, ...errors },
        },
      },
      async (request) => {
        const { params, body } = request;
        const fact = { value: body.value, note: body.note ?? null };
        return thenCase(ctx, await actorOf(ctx, request), (actor) =>
          recordFact(ctx, actor, params.id, params.factId, fact, body.version),
        );
      },
    );

    app.put(
      '/api/v1/cases/:id/assessment/:factor',
      {
        schema: {
          tags,
          summary: '记录综合分析研判 / record an assessment factor',
          params: AssessmentParams,
          body: AssessmentBody,
          response: { 200: CaseDetail, ...errors },
        },
      },
      async (request) => {
        const { params, body } = request;
        return thenCase(ctx, await actorOf(ctx, request), (actor) =>
          recordAssessment(ctx, actor, params.id, params.factor, body.finding, body.version),
        );
      },
    );
  };
}
