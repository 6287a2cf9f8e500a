// Fairness of the procedure over HTTP: record a recusal (回避) or a review opinion
// (法制审核意见, 纪检监察意见) on a case, and read what their forms and the decision's
// related-unit picker choose from. Writes answer with the case (write-answer.ts).

import type { AppContext } from '../../app/app-context.ts';
import {
  recordRecusal,
  recordReview,
  recusalChoices,
  relatedUnitChoices,
} from '../../app/case/case-fairness.ts';
import {
  RecusalBody,
  RecusalChoices,
  ReviewBody,
  ReviewParams,
  UnitChoices,
} from '../../contract/fairness.schemas.ts';
import { IdParams } from '../../contract/schema-kit.ts';
import { specFor, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { answerWrite, WRITE_ANSWER } from './write-answer.ts';

const spec = specFor('案件 cases');

export function fairnessRoutes(ctx: AppContext): Routes {
  return async (app) => {
    const recusal = spec(
      '申请或记录回避 / record a recusal',
      { params: IdParams, body: RecusalBody },
      WRITE_ANSWER,
    );
    app.post('/api/v1/cases/:id/recusals', recusal, async (request, reply) => {
      const { params, body } = request;
      const input = { userId: body.userId, reason: body.reason };
      return answerWrite(ctx, request, reply, 201, (actor) =>
        recordRecusal(ctx, actor, params.id, input, body.version),
      );
    });

    const review = spec(
      '记录法制审核意见或纪检监察意见 / record a review opinion',
      { params: ReviewParams, body: ReviewBody },
      WRITE_ANSWER,
    );
    app.put('/api/v1/cases/:id/reviews/:kind', review, async (request, reply) => {
      const { params, body } = request;
      const input = { opinion: body.opinion, agrees: body.agrees, reviewedOn: body.reviewedOn };
      return answerWrite(ctx, request, reply, 200, (actor) =>
        recordReview(ctx, actor, params.id, params.kind, input, body.version),
      );
    });

    const people = spec(
      '可要求回避的人员 / the people who may be recused',
      { params: IdParams },
      { 200: RecusalChoices },
    );
    app.get('/api/v1/cases/:id/recusal-choices', people, async (request) =>
      recusalChoices(ctx, await actorOf(ctx, request), request.params.id).then((list) =>
        list.map((p) => ({ ...p, roles: [...p.roles] })),
      ),
    );

    const units = spec(
      '相关单位可选范围（本系统）/ the units a decision may name',
      { params: IdParams },
      { 200: UnitChoices },
    );
    app.get('/api/v1/cases/:id/related-unit-choices', units, async (request) =>
      relatedUnitChoices(ctx, await actorOf(ctx, request), request.params.id),
    );
  };
}
