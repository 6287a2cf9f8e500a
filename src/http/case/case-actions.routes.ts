// The steps of the procedure and the records kept on a case, over HTTP. Every write
// answers with the case as the writer now sees it, so the page need not read it again;
// a client that asks `Prefer: return=minimal` (RFC 7240) gets 204 and the new version
// as the ETag instead, without the case read back.

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../app/account/sessions.ts';
import type { AppContext } from '../../app/app-context.ts';
import { readCase } from '../../app/case/case-detail.ts';
import type { WrittenCase } from '../../app/case/case-write.ts';
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
import { Type } from '../../contract/schema-kit.ts';
import { specFor, type Routes } from '../route-plugin.ts';
import { actorOf } from '../session-cookie.ts';
import { toAction } from './case-action.ts';
import { presentCase } from './case.presenter.ts';

const spec = specFor('案件 cases');

function prefersMinimal(request: FastifyRequest): boolean {
  const prefer = request.headers.prefer;
  return typeof prefer === 'string' && /(^|[,;\s])return=minimal\b/i.test(prefer);
}

/**
 * Runs a write as the request's actor, then answers with `status` and the case as they
 * now see it, or with 204 when the client prefers the minimal answer. Either way the
 * ETag is the case's new version.
 */
export async function answerWrite(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  status: 200 | 201,
  write: (actor: Actor) => Promise<WrittenCase>,
) {
  const actor = await actorOf(ctx, request);
  const written = await write(actor);
  void reply.header('etag', `"${written.version}"`);
  if (prefersMinimal(request))
    return reply.code(204).header('preference-applied', 'return=minimal').send();
  return reply.code(status).send(presentCase(await readCase(ctx, actor, written.id)));
}

/** What a write answers: the case, or nothing when the client prefers it. */
const WRITE_ANSWER = { 200: CaseDetail, 204: Type.Null() };

export function caseActionRoutes(ctx: AppContext): Routes {
  return async (app) => {
    const step = spec(
      '办理一步程序 / fire a transition',
      { params: ActionParams, body: ActionBody },
      WRITE_ANSWER,
    );
    app.post('/api/v1/cases/:id/actions/:action', step, async (request, reply) => {
      const { params, body } = request;
      const action = toAction(params.action, body);
      return answerWrite(ctx, request, reply, 200, (actor) =>
        fireTransition(ctx, actor, params.id, action, body.version),
      );
    });

    const fact = spec(
      '记录事实认定 / record a fact',
      { params: FactParams, body: FactBody },
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
      { params: AssessmentParams, body: AssessmentBody },
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
