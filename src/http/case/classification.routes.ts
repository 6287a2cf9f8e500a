// A case's classification over HTTP: PUT /api/v1/cases/:id/classification sets its field
// of enforcement and error type before the decision; the answer is the case (write-answer.ts).
// GET /api/v1/classification-choices?unitId= gives a new case's form the unit's choices.

import type { AppContext } from '../../app/app-context.ts';
import { classificationChoices, classifyCase } from '../../app/case/classify-case.ts';
import {
  ClassificationBody,
  ClassificationChoices,
  ClassificationChoicesQuery,
} from '../../contract/classification.schemas.ts';
import { IdParams } from '../../contract/schema-kit.ts';
import { specFor, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { answerWrite, WRITE_ANSWER } from './write-answer.ts';

const spec = specFor('案件 cases');

export function classificationRoutes(ctx: AppContext): Routes {
  return async (app) => {
    const choices = spec(
      '新案件的执法领域和错误类型可选项 / the classification choices of a unit’s regime',
      { querystring: ClassificationChoicesQuery },
      { 200: ClassificationChoices },
    );
    app.get('/api/v1/classification-choices', choices, async (request) => {
      await actorOf(ctx, request);
      const { policy, taxonomy } = await classificationChoices(ctx, request.query.unitId);
      const list = (entries: typeof taxonomy.fields) =>
        entries.map((e) => ({ value: e.code, label: e.label }));
      return {
        policy: { id: policy.id, version: policy.version, title: policy.def.title },
        fields: list(taxonomy.fields),
        errorTypes: list(taxonomy.errorTypes),
      };
    });

    const classify = spec(
      '设置执法领域和错误类型 / classify a case before its decision',
      { params: IdParams, body: ClassificationBody },
      WRITE_ANSWER,
    );
    app.put('/api/v1/cases/:id/classification', classify, async (request, reply) => {
      const { params, body } = request;
      const input = { field: body.field, errorType: body.errorType };
      return answerWrite(ctx, request, reply, 200, (actor) =>
        classifyCase(ctx, actor, params.id, input, body.version),
      );
    });
  };
}
