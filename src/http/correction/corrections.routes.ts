// The correction procedure over HTTP (/api/v1/corrections, .local/correction-api.md): the
// list and to-do list, one correction, and one route per step. Every step answers the
// correction as the writer now sees it (the progress report also its id), so the page
// never reads it again.

import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import type { Actor } from '../../app/account/sessions.ts';
import {
  attachCorrectionEvidence,
  correctionEvidenceFile,
} from '../../app/correction/correction-evidence.ts';
import { listCorrectionsFor, readCorrection } from '../../app/correction/correction-reads.ts';
import {
  takeCorrectionStep,
  type WrittenCorrection,
} from '../../app/correction/correction-steps.ts';
import {
  CloseBody,
  CompletionBody,
  CorrectionDetail,
  CorrectionEvidenceQuery,
  CorrectionEvidenceRow,
  CorrectionList,
  CorrectionListQuery,
  CorrectionParams,
  ExtensionBody,
  ExtensionDecisionBody,
  ExtensionParams,
  FollowUpBody,
  IssueNoticeBody,
  ProgressAnswer,
  ProgressBody,
  ReportParams,
  SendBackBody,
} from '../../contract/correction.schemas.ts';
import { BinaryFile, Type, Uuid } from '../../contract/schema-kit.ts';
import type { CorrectionCommand } from '../../domain/correction/decide-correction.ts';
import {
  acceptFileBodies,
  fileUploadSlots,
  sendStoredFile,
  uploadedFile,
} from '../case/evidence.routes.ts';
import { specWithCodes, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { presentCorrection, presentCorrectionSummary } from './correction.presenter.ts';

/** Every route's options: its summary, then the codes it may refuse with and their statuses. */
const spec = specWithCodes('纠错 corrections', [
  'CORRECTION_NOT_FOUND',
  'FORBIDDEN',
  'INVALID_TRANSITION',
  'STALE_VERSION',
]);

type Step = (actor: Actor) => Promise<WrittenCorrection>;

async function answerStep(ctx: AppContext, request: FastifyRequest, step: Step) {
  const actor = await actorOf(ctx, request);
  const written = await step(actor);
  return presentCorrection(await readCorrection(ctx, actor, written.id));
}

export function correctionRoutes(ctx: AppContext): Routes {
  return async (app) => {
    const take = (
      request: FastifyRequest,
      id: string,
      version: number,
      command: CorrectionCommand,
    ) => answerStep(ctx, request, (actor) => takeCorrectionStep(ctx, actor, id, version, command));
    const Answer = { 200: CorrectionDetail };

    const list = spec(
      '纠错列表（todo=true 为本人待办）/ corrections, or the reader’s to-do list',
      { querystring: CorrectionListQuery },
      { 200: CorrectionList },
    );
    app.get('/api/v1/corrections', list, async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const { total, items } = await listCorrectionsFor(ctx, await actorOf(ctx, request), {
        ...filter,
        page,
        pageSize,
      });
      return { total, items: items.map((i) => presentCorrectionSummary(i.row, i)) };
    });

    const read = spec('纠错详情 / one correction', { params: CorrectionParams }, Answer);
    app.get('/api/v1/corrections/:id', read, async (request) =>
      presentCorrection(await readCorrection(ctx, await actorOf(ctx, request), request.params.id)),
    );

    const notice = spec(
      '下发纠错通知 / issue the notice',
      { params: CorrectionParams, body: IssueNoticeBody },
      Answer,
      ['INVALID_INPUT', 'INVALID_DATE'],
    );
    app.post('/api/v1/corrections/:id/notice', notice, async (request) => {
      const { expectedVersion, days, notifiedOn, ...body } = request.body;
      return take(request, request.params.id, expectedVersion, {
        kind: 'issue_notice',
        ...body,
        days: days ?? null,
        notifiedOn: notifiedOn ?? null,
      });
    });

    const progress = spec(
      '报告整改进展 / report progress',
      { params: CorrectionParams, body: ProgressBody },
      { 200: ProgressAnswer },
      ['ITEM_NOT_FOUND', 'INVALID_DATE'],
    );
    app.post('/api/v1/corrections/:id/progress', progress, async (request) => {
      const { expectedVersion, text, itemIds = [], reportedOn } = request.body;
      const actor = await actorOf(ctx, request);
      const written = await takeCorrectionStep(ctx, actor, request.params.id, expectedVersion, {
        kind: 'report_progress',
        text,
        itemIds,
        reportedOn: reportedOn ?? null,
      });
      const correction = presentCorrection(await readCorrection(ctx, actor, written.id));
      return { reportId: written.createdId ?? '', version: written.version, correction };
    });

    const completion = spec(
      '报告整改完成 / claim completion',
      { params: CorrectionParams, body: CompletionBody },
      Answer,
      ['ITEMS_NOT_DONE', 'ITEM_NOT_FOUND'],
    );
    app.post('/api/v1/corrections/:id/completion', completion, async (request) => {
      const { expectedVersion, summary, items } = request.body;
      return take(request, request.params.id, expectedVersion, {
        kind: 'claim_completion',
        summary,
        items: items.map((i) => ({ id: i.id, note: i.note ?? null })),
      });
    });

    const close = spec(
      '验收办结（记录原因分析和完善制度措施）/ close with the lessons',
      { params: CorrectionParams, body: CloseBody },
      Answer,
      ['ITEMS_NOT_DONE', 'INVALID_INPUT', 'INVALID_DATE'],
    );
    app.post('/api/v1/corrections/:id/close', close, async (request) => {
      const { expectedVersion, closedOn, ...body } = request.body;
      return take(request, request.params.id, expectedVersion, {
        kind: 'close',
        ...body,
        closedOn: closedOn ?? null,
      });
    });

    const sendBack = spec(
      '退回整改 / send back',
      { params: CorrectionParams, body: SendBackBody },
      Answer,
      ['REASON_REQUIRED'],
    );
    app.post('/api/v1/corrections/:id/send-back', sendBack, async (request) => {
      const { expectedVersion, reason } = request.body;
      return take(request, request.params.id, expectedVersion, { kind: 'send_back', reason });
    });

    const extension = spec(
      '申请延长整改期限 / ask for an extension',
      { params: CorrectionParams, body: ExtensionBody },
      Answer,
      [
        'DEADLINE_PASSED',
        'EXTENSION_PENDING',
        'EXTENSION_NOT_ALLOWED',
        'NEW_DUE_NOT_LATER',
        'REASON_REQUIRED',
      ],
    );
    app.post('/api/v1/corrections/:id/extensions', extension, async (request) => {
      const { expectedVersion, reason, requestedDue } = request.body;
      return take(request, request.params.id, expectedVersion, {
        kind: 'request_extension',
        reason,
        requestedDue,
      });
    });

    const decision = spec(
      '审批延期申请 / decide an extension',
      { params: ExtensionParams, body: ExtensionDecisionBody },
      Answer,
      ['EXTENSION_NOT_FOUND', 'EXTENSION_NOT_PENDING', 'NEW_DUE_NOT_LATER', 'REASON_REQUIRED'],
    );
    app.post(
      '/api/v1/corrections/:id/extensions/:extensionId/decision',
      decision,
      async (request) => {
        const { expectedVersion, approved, newDue, reason } = request.body;
        return take(request, request.params.id, expectedVersion, {
          kind: 'decide_extension',
          extensionId: request.params.extensionId,
          approved,
          newDue: newDue ?? null,
          reason: reason ?? null,
        });
      },
    );

    const followUp = spec(
      '记录跟踪了解 / record a follow-up',
      { params: CorrectionParams, body: FollowUpBody },
      Answer,
      ['INVALID_INPUT', 'INVALID_DATE'],
    );
    app.post('/api/v1/corrections/:id/follow-ups', followUp, async (request) => {
      const { expectedVersion, ...body } = request.body;
      return take(request, request.params.id, expectedVersion, { kind: 'follow_up', ...body });
    });

    const uploadRoutes: Routes = async (uploads) => {
      acceptFileBodies(uploads);
      const upload = spec(
        '上传整改证明材料（请求体为文件本身）/ attach a file to a progress report',
        { params: ReportParams, querystring: CorrectionEvidenceQuery },
        { 201: CorrectionEvidenceRow },
        ['REPORT_NOT_FOUND', 'EVIDENCE_TYPE_NOT_ALLOWED', 'EVIDENCE_TOO_LARGE'],
      );
      uploads.post(
        '/api/v1/corrections/:id/progress/:reportId/evidence',
        { ...upload, onRequest: fileUploadSlots(uploads.server) },
        async (request, reply) => {
          const file = uploadedFile(request, request.query.filename);
          const { id, reportId } = request.params;
          const row = await attachCorrectionEvidence(
            ctx,
            await actorOf(ctx, request),
            id,
            reportId,
            file,
          );
          return reply.code(201).send({
            id: row.id,
            fileName: row.filename,
            contentType: row.content_type,
            sha256: row.sha256,
            size: row.size,
            version: row.version,
          });
        },
      );
    };
    await app.register(uploadRoutes);

    const download = spec(
      '下载整改证明材料 / download a file',
      { params: Type.Object({ id: Uuid, evidenceId: Uuid }) },
      { 200: BinaryFile },
    );
    app.get('/api/v1/corrections/:id/evidence/:evidenceId', download, async (request, reply) => {
      const { id, evidenceId } = request.params;
      const file = await correctionEvidenceFile(ctx, await actorOf(ctx, request), id, evidenceId);
      return sendStoredFile(reply, file);
    });
  };
}
