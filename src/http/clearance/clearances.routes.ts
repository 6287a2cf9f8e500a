// 澄清正名 over HTTP (第十九条; .local/report-api.md): deciding a clearance on a report (and
// drafting its notice first), the list, one clearance, and recording it carried out. Every
// write answers the clearance as the writer now sees it.

import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../app/account/sessions.ts';
import type { AppContext } from '../../app/app-context.ts';
import { listClearancesFor, readClearance } from '../../app/clearance/clearance-reads.ts';
import {
  carryOutClearance,
  decideReportClearance,
  draftClearanceNotice,
  type WrittenClearance,
} from '../../app/clearance/clearance-steps.ts';
import {
  CarryOutBody,
  ClearanceDetail,
  ClearanceList,
  ClearanceListQuery,
  ClearanceNoticeDraft,
  ClearanceParams,
  DecideClearanceBody,
  DraftNoticeBody,
  ReportClearanceParams,
} from '../../contract/clearance.schemas.ts';
import { specWithCodes, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { presentClearance, presentClearanceSummary } from './clearance.presenter.ts';

/** A route's options: its summary, then the codes it may refuse with and their statuses. */
const spec = specWithCodes('澄清正名 clearances');

/** What deciding may refuse with. */
const DECISION_CODES = [
  'REPORT_NOT_FOUND',
  'FORBIDDEN',
  'CLEARANCE_NOT_ALLOWED',
  'CLEARANCE_EXISTS',
  'SCOPE_TOO_NARROW',
  'METHODS_SCOPE_MISMATCH',
  'INVALID_INPUT',
  'INVALID_DATE',
];

async function answerWrite(
  ctx: AppContext,
  request: FastifyRequest,
  write: (actor: Actor) => Promise<WrittenClearance>,
) {
  const actor = await actorOf(ctx, request);
  const written = await write(actor);
  return presentClearance(await readClearance(ctx, actor, written.id));
}

export function clearanceRoutes(ctx: AppContext): Routes {
  return async (app) => {
    const decide = spec(
      '作出澄清正名决定 / decide a clearance',
      { params: ReportClearanceParams, body: DecideClearanceBody },
      { 201: ClearanceDetail },
      DECISION_CODES,
    );
    app.post('/api/v1/reports/:id/clearances', decide, async (request, reply) => {
      const { requestedOn, noticeText, ...body } = request.body;
      const detail = await answerWrite(ctx, request, (actor) =>
        decideReportClearance(ctx, actor, request.params.id, {
          ...body,
          requestedOn: requestedOn ?? null,
          noticeText: noticeText ?? null,
        }),
      );
      return reply.code(201).send(detail);
    });

    const draft = spec(
      '生成澄清正名通报草稿（不保存）/ draft the notice of a clearance, writing nothing',
      { params: ReportClearanceParams, body: DraftNoticeBody },
      { 200: ClearanceNoticeDraft },
      DECISION_CODES,
    );
    app.post('/api/v1/reports/:id/clearances/draft', draft, async (request) => {
      const { requestedOn, ...body } = request.body;
      const actor = await actorOf(ctx, request);
      const noticeText = await draftClearanceNotice(ctx, actor, request.params.id, {
        ...body,
        requestedOn: requestedOn ?? null,
      });
      return { noticeText };
    });

    const list = spec(
      '澄清正名列表 / clearances the reader may read',
      { querystring: ClearanceListQuery },
      { 200: ClearanceList },
    );
    app.get('/api/v1/clearances', list, async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const { total, rows } = await listClearancesFor(ctx, await actorOf(ctx, request), {
        ...filter,
        page,
        pageSize,
      });
      return { total, items: rows.map(presentClearanceSummary) };
    });

    const read = spec(
      '澄清正名详情 / one clearance',
      { params: ClearanceParams },
      { 200: ClearanceDetail },
      ['CLEARANCE_NOT_FOUND'],
    );
    app.get('/api/v1/clearances/:id', read, async (request) =>
      presentClearance(await readClearance(ctx, await actorOf(ctx, request), request.params.id)),
    );

    const carryOut = spec(
      '登记澄清正名已实施 / record the clearance carried out',
      { params: ClearanceParams, body: CarryOutBody },
      { 200: ClearanceDetail },
      [
        'CLEARANCE_NOT_FOUND',
        'FORBIDDEN',
        'INVALID_TRANSITION',
        'STALE_VERSION',
        'INVALID_INPUT',
        'INVALID_DATE',
      ],
    );
    app.post('/api/v1/clearances/:id/carried-out', carryOut, async (request) => {
      const { expectedVersion, ...body } = request.body;
      return answerWrite(ctx, request, (actor) =>
        carryOutClearance(ctx, actor, request.params.id, expectedVersion, body),
      );
    });
  };
}
