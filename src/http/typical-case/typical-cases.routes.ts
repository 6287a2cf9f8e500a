// 典型案例 and 类案参考 over HTTP: the library (GET /api/v1/typical-cases, one typical case,
// the filters' choices), a case's mark (read, mark, withdraw) and its alike cases. Each
// handler parses, calls one use case, and presents its answer.

import type { AppContext } from '../../app/app-context.ts';
import { caseIdOf } from '../../app/case/case-ref.ts';
import { similarCases } from '../../app/typical-case/similar-cases.ts';
import { markTypical, withdrawTypical } from '../../app/typical-case/typical-case-marks.ts';
import {
  readTypicalCase,
  searchTypicalCases,
  typicalCaseFilterChoices,
  typicalStatusOf,
} from '../../app/typical-case/typical-case-reads.ts';
import { CaseAddressParams } from '../../contract/case-requests.schemas.ts';
import { IdParams } from '../../contract/schema-kit.ts';
import {
  CaseTypicalStatus,
  SimilarCases,
  SimilarCasesQuery,
  TypicalCase,
  TypicalCaseFilters,
  TypicalCaseList,
  TypicalCaseQuery,
  WithdrawTypicalBody,
} from '../../contract/typical-case.schemas.ts';
import { specFor, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { presentSimilarCases } from './similar-cases.presenter.ts';
import {
  presentFilterChoices,
  presentStatus,
  presentTypicalCase,
} from './typical-case.presenter.ts';

const spec = specFor('典型案例 typical cases');

export function typicalCaseRoutes(ctx: AppContext): Routes {
  return async (app) => {
    const list = spec(
      '典型案例库（按执法领域、错误类型、条款、认定结论、关键词检索）/ search the typical cases',
      { querystring: TypicalCaseQuery },
      { 200: TypicalCaseList },
    );
    app.get('/api/v1/typical-cases', list, async (request) => {
      const { limit = 20, offset = 0, policy, ...rest } = request.query;
      const filter = { ...rest, ...(policy === undefined ? {} : { policyId: policy }) };
      const actor = await actorOf(ctx, request);
      const page = await searchTypicalCases(ctx, actor, filter, { limit, offset });
      return { total: page.total, items: page.items.map(presentTypicalCase) };
    });

    const filters = spec(
      '典型案例检索条件 / the choices of the library’s filters',
      {},
      { 200: TypicalCaseFilters },
    );
    app.get('/api/v1/typical-cases/filters', filters, async (request) => {
      await actorOf(ctx, request);
      return presentFilterChoices(typicalCaseFilterChoices(ctx));
    });

    const one = spec('典型案例 / a typical case', { params: IdParams }, { 200: TypicalCase });
    app.get('/api/v1/typical-cases/:id', one, async (request) =>
      presentTypicalCase(
        await readTypicalCase(ctx, await actorOf(ctx, request), request.params.id),
      ),
    );

    const status = spec(
      '案件的典型案例标记 / the case’s mark and whether the reader may mark it',
      { params: CaseAddressParams },
      { 200: CaseTypicalStatus },
    );
    app.get('/api/v1/cases/:id/typical', status, async (request) => {
      const actor = await actorOf(ctx, request);
      const caseId = await caseIdOf(ctx.db, request.params.id);
      return presentStatus(await typicalStatusOf(ctx, actor, caseId));
    });

    const mark = spec(
      '标记为典型案例 / mark a published case as typical',
      { params: CaseAddressParams },
      { 201: CaseTypicalStatus },
    );
    app.post('/api/v1/cases/:id/typical', mark, async (request, reply) => {
      const actor = await actorOf(ctx, request);
      const caseId = await caseIdOf(ctx.db, request.params.id);
      await markTypical(ctx, actor, caseId);
      return reply.code(201).send(presentStatus(await typicalStatusOf(ctx, actor, caseId)));
    });

    const withdraw = spec(
      '撤销典型案例标记 / withdraw the mark, with a reason',
      { params: CaseAddressParams, body: WithdrawTypicalBody },
      { 200: CaseTypicalStatus },
    );
    app.delete('/api/v1/cases/:id/typical', withdraw, async (request) => {
      const actor = await actorOf(ctx, request);
      const caseId = await caseIdOf(ctx.db, request.params.id);
      await withdrawTypical(ctx, actor, caseId, request.body.reason ?? '');
      return presentStatus(await typicalStatusOf(ctx, actor, caseId));
    });

    const similar = spec(
      '类案参考（同案同判）/ the typical and decided cases like this one',
      { params: CaseAddressParams, querystring: SimilarCasesQuery },
      { 200: SimilarCases },
    );
    app.get('/api/v1/cases/:id/similar-cases', similar, async (request) => {
      const actor = await actorOf(ctx, request);
      const caseId = await caseIdOf(ctx.db, request.params.id);
      const { limit } = request.query;
      return presentSimilarCases(await similarCases(ctx, actor, caseId, limit));
    });
  };
}
