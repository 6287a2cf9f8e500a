// Cases over HTTP: open one, list them, the reader's to-do list, read one, and an
// officer's record. Each handler parses, calls one use case, and presents its answer.

import type { AppContext } from '../../app/app-context.ts';
import { readCase } from '../../app/case/case-detail.ts';
import { listCases, worklist } from '../../app/case/case-lists.ts';
import { officerRecord } from '../../app/case/officer-record.ts';
import { openCase } from '../../app/case/open-case.ts';
import {
  CaseDetail,
  CaseList,
  CaseRef,
  OfficerRecord,
  Worklist,
} from '../../contract/case.schemas.ts';
import {
  CaseListQuery,
  IdempotencyHeaders,
  OpenCaseBody,
} from '../../contract/case-requests.schemas.ts';
import { errors, IdParams } from '../../contract/schema-kit.ts';
import type { Routes } from '../route-plugin.ts';
import { actorOf } from '../session-cookie.ts';
import { presentCase } from './case.presenter.ts';
import { presentOfficerRecord, presentSummary } from './case-summary.presenter.ts';

const tags = ['案件 cases'];

export function caseRoutes(ctx: AppContext): Routes {
  return async (app) => {
    app.get(
      '/api/v1/cases',
      {
        schema: {
          tags,
          summary: '案件列表 / list cases',
          querystring: CaseListQuery,
          response: { 200: CaseList, ...errors },
        },
      },
      async (request) => {
        const { limit = 20, offset = 0, ...filter } = request.query;
        const page = await listCases(ctx, await actorOf(ctx, request), filter, { limit, offset });
        return { total: page.total, items: page.items.map(presentSummary) };
      },
    );

    app.post(
      '/api/v1/cases',
      {
        schema: {
          tags,
          summary: '提出申请或启动核查 / open a case (Idempotency-Key supported)',
          headers: IdempotencyHeaders,
          body: OpenCaseBody,
          response: { 200: CaseRef, 201: CaseRef, ...errors },
        },
      },
      async (request, reply) => {
        const actor = await actorOf(ctx, request);
        const key = request.headers['idempotency-key'];
        const opened = await openCase(ctx, actor, request.body, key);
        return reply.code(opened.replayed ? 200 : 201).send(opened);
      },
    );

    app.get(
      '/api/v1/worklist',
      {
        schema: {
          tags,
          summary: '我的待办 / the cases where the reader acts next',
          response: { 200: Worklist, ...errors },
        },
      },
      async (request) => {
        const { items } = await worklist(ctx, await actorOf(ctx, request));
        return { items: items.map(presentSummary) };
      },
    );

    app.get(
      '/api/v1/cases/:id',
      {
        schema: {
          tags,
          summary: '案件详情 / a case',
          params: IdParams,
          response: { 200: CaseDetail, ...errors },
        },
      },
      async (request) =>
        presentCase(await readCase(ctx, await actorOf(ctx, request), request.params.id)),
    );

    app.get(
      '/api/v1/officers/:id/record',
      {
        schema: {
          tags,
          summary: '执法人员履职档案 / an officer’s record',
          params: IdParams,
          response: { 200: OfficerRecord, ...errors },
        },
      },
      async (request) =>
        presentOfficerRecord(
          await officerRecord(ctx, await actorOf(ctx, request), request.params.id),
        ),
    );
  };
}
