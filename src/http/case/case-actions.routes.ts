// The steps of the procedure and the records kept on a case, over HTTP. Every write
// answers with the case as the writer now sees it (write-answer.ts).

import type { AppContext } from '../../app/app-context.ts';
import { fireTransition } from '../../app/case/fire-transition.ts';
import { recordAssessment, recordFact } from '../../app/case/record-on-case.ts';
import {
  ActionBody,
  ActionParams,
  AssessmentBody,
  AssessmentParams,
  CaseReadQuery,
  FactBody,
  FactParams,
} from '../../contract/case-requests.schemas.ts';
import { specFor, type Routes } from '../route-kit.ts';
import { toAction } from './action-request.ts';
import { answerWrite, WRITE_ANSWER } from './write-answer.ts';

const spec = specFor('案件 cases');

export function caseActionRoutes(ctx: AppContext): Routes {
  return async (app) => {
    const step = spec(
      '办理一步程序 / fire a transition',
      { params: ActionParams, querystring: CaseReadQuery, body: ActionBody },
      WRITE_ANSWER,
    );
    app.post('/api/v1/cases/:id/actions/:action', step, async (request, reply) => {
      const { params, body } = request;
      return answerWrite(ctx, request, reply, 200, (actor) =>
        fireTransition(ctx, actor, params.id, toAction(params.action, body), body.version),
      );
    });

    const fact = spec(
      '记录事实认定 / record a fact',
      { params: FactParams, querystring: CaseReadQuery, body: FactBody },
      WRITE_ANSWER,
    );
    app.put('/api/v1/cases/:id/facts/:factId', fact, async (request, reply) => {
      const { params, body } = request;
      const value = { value: body.value, note: body.note ?? null };
      return answerWrite(ctx, request, reply, 200, (actor) =>
        recordFact(ctx, actor, params.id, params.factId, value, body.version),
      );
    });

    const factor = spec(
      '记录综合分析研判 / record an assessment factor',
      { params: AssessmentParams, querystring: CaseReadQuery, body: AssessmentBody },
      WRITE_ANSWER,
    );
    app.put('/api/v1/cases/:id/assessment/:factor', factor, async (request, reply) => {
      const { params, body } = request;
      return answerWrite(ctx, request, reply, 200, (actor) =>
        recordAssessment(ctx, actor, params.id, params.factor, body.finding, body.version),
      );
    });
  };
}
