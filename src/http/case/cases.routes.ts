// Cases over HTTP: open one, list them, the reader's to-do list, read one, and an
// officer's record. Each handler parses, calls one use case, and presents its answer.

import type { AppContext } from '../../app/app-context.ts';
import { readCase } from '../../app/case/case-detail.ts';
import { caseIdOf } from '../../app/case/case-ref.ts';
import { listCases, worklist, type CaseListLimits } from '../../app/case/case-lists.ts';
import { officerRecord } from '../../app/case/officer-record.ts';
import { openCase } from '../../app/case/open-case.ts';
import {
  CaseAddressParams,
  CaseListQuery,
  CaseReadQuery,
  IdempotencyHeaders,
  OpenCaseBody,
} from '../../contract/case-requests.schemas.ts';
import {
  CaseDetail,
  CaseList,
  CaseRef,
  OfficerRecord,
  Worklist,
} from '../../contract/case.schemas.ts';
import { IdParams } from '../../contract/schema-kit.ts';
import { todayInChina } from '../../domain/calendar-date.ts';
import { specFor, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { caseAnswerKey, CaseAnswerCache } from './case-answer-cache.ts';
import { caseReadOptions, presentCase } from './case.presenter.ts';
import { presentOfficerRecord, presentSummary } from './case-summary.presenter.ts';

const spec = specFor('案件 cases');

export function caseRoutes(
  ctx: AppContext,
  answers: CaseAnswerCache = new CaseAnswerCache(),
  listLimits?: CaseListLimits,
): Routes {
  return async (app) => {
    const listed = spec('案件列表 / list cases', { querystring: CaseListQuery }, { 200: CaseList });
    app.get('/api/v1/cases', listed, async (request) => {
      const { limit = 20, offset = 0, ...filter } = request.query;
      const actor = await actorOf(ctx, request);
      const page = await listCases(ctx, actor, filter, { limit, offset }, listLimits);
      return {
        total: page.total,
        totalCapped: page.capped,
        items: page.items.map(presentSummary),
      };
    });

    const opening = spec(
      '提出申请或启动核查 / open a case (Idempotency-Key supported)',
      { headers: IdempotencyHeaders, body: OpenCaseBody },
      { 200: CaseRef, 201: CaseRef },
    );
    app.post('/api/v1/cases', opening, async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const opened = await openCase(ctx, await actorOf(ctx, request), request.body, key);
      return reply.code(opened.replayed ? 200 : 201).send(opened);
    });

    const todo = spec('我的待办 / the cases where the reader acts next', {}, { 200: Worklist });
    app.get('/api/v1/worklist', todo, async (request) => {
      const { items } = await worklist(ctx, await actorOf(ctx, request));
      return { items: items.map((item) => ({ ...presentSummary(item), step: item.step })) };
    });

    const one = spec(
      '案件详情（按 id 或案号）/ a case, by id or number',
      { params: CaseAddressParams, querystring: CaseReadQuery },
      { 200: CaseDetail },
    );
    app.get('/api/v1/cases/:id', one, async (request, reply) => {
      // The stamp is read before the case, so that a kept answer is never newer than its
      // stamp: with the session, in its statement.
      const actor = await actorOf(ctx, request);
      const stamp = actor.auditStamp;
      const options = caseReadOptions(request.query);
      const day = todayInChina(ctx.now());
      const key = caseAnswerKey(actor, request.params.id, options.nextQuestion === true);
      let answer = answers.get(stamp, day, key);
      if (answer === undefined) {
        const id = await caseIdOf(ctx.db, request.params.id);
        // The route's own serializer (its response schema), as an object answer would get.
        answer = reply.serialize(presentCase(await readCase(ctx, actor, id, options))) as string;
        answers.set(stamp, day, key, answer);
      }
      // Serialized already: a string with a JSON type is sent as it is. The type provider
      // knows only the object form of the schema.
      return reply.type('application/json; charset=utf-8').send(answer as never);
    });

    const record = spec(
      '执法人员履职档案 / an officer’s record',
      { params: IdParams },
      { 200: OfficerRecord },
    );
    app.get('/api/v1/officers/:id/record', record, async (request) =>
      presentOfficerRecord(
        await officerRecord(ctx, await actorOf(ctx, request), request.params.id),
      ),
    );
  };
}
