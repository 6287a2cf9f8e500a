// 信访举报 over HTTP (/api/v1/reports, .local/report-api.md): the list, the intake, one
// report, the reporter's identity (petitions staff only, each read audited), and one route
// per step. Every step answers the report as the writer now sees it, so the page never
// reads it again.

import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../app/account/sessions.ts';
import type { AppContext } from '../../app/app-context.ts';
import { receiveReport } from '../../app/report/receive-report.ts';
import { attachToReport, reportAttachmentFile } from '../../app/report/report-attachments.ts';
import { listReportsFor, readReport, readReporterIdentity } from '../../app/report/report-reads.ts';
import { takeReportStep, type ReportStepRequest } from '../../app/report/report-steps.ts';
import {
  CloseReportBody,
  ExplanationBody,
  FeedbackBody,
  FindingBody,
  LinkCaseBody,
  ReceiveReportBody,
  ReferralBody,
  ReportAttachmentParams,
  ReportAttachmentQuery,
  ReportAttachmentRow,
  ReportDetail,
  ReporterIdentity,
  ReportList,
  ReportListQuery,
  ReportParams,
} from '../../contract/report.schemas.ts';
import { BinaryFile } from '../../contract/schema-kit.ts';
import {
  acceptFileBodies,
  fileUploadSlots,
  sendStoredFile,
  uploadedFile,
} from '../case/evidence.routes.ts';
import { specWithCodes, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { presentReport, presentReportSummary } from './report.presenter.ts';

/** Every route's options: its summary, then the codes it may refuse with and their statuses. */
const spec = specWithCodes('信访举报 reports', ['REPORT_NOT_FOUND', 'FORBIDDEN']);

/** The codes every step after the intake may answer. */
const STEP_CODES = ['INVALID_TRANSITION', 'STALE_VERSION', 'INVALID_INPUT', 'INVALID_DATE'];

export function reportRoutes(ctx: AppContext): Routes {
  return async (app) => {
    const answer = async (actor: Actor, id: string) =>
      presentReport(await readReport(ctx, actor, id));
    const take = async (
      request: FastifyRequest,
      id: string,
      expectedVersion: number,
      step: ReportStepRequest,
    ) => {
      const actor = await actorOf(ctx, request);
      const written = await takeReportStep(ctx, actor, id, expectedVersion, step);
      return answer(actor, written.id);
    };
    const Answer = { 200: ReportDetail };

    const list = spec(
      '信访举报列表 / reports the reader may read',
      { querystring: ReportListQuery },
      { 200: ReportList },
    );
    app.get('/api/v1/reports', list, async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const { total, items } = await listReportsFor(ctx, await actorOf(ctx, request), {
        ...filter,
        page,
        pageSize,
      });
      return {
        total,
        items: items.map((i) => presentReportSummary(i.row, i.officers, i.row.case_number, i)),
      };
    });

    const receive = spec(
      '受理信访举报（实名须填写举报人信息，加密保存）/ receive a report',
      { body: ReceiveReportBody },
      { 201: ReportDetail },
      ['REPORTER_REQUIRED', 'INVALID_INPUT', 'INVALID_DATE', 'NOT_FOUND', 'POLICY_NOT_IN_FORCE'],
    );
    app.post('/api/v1/reports', receive, async (request, reply) => {
      const actor = await actorOf(ctx, request);
      const { reporter, unitId, caseId, ...body } = request.body;
      const received = await receiveReport(ctx, actor, {
        ...body,
        reporter: reporter ?? null,
        unitId: unitId ?? null,
        caseId: caseId ?? null,
      });
      return reply.code(201).send(await answer(actor, received.id));
    });

    const read = spec('信访举报详情 / one report', { params: ReportParams }, Answer);
    app.get('/api/v1/reports/:id', read, async (request) =>
      answer(await actorOf(ctx, request), request.params.id),
    );

    const reporter = spec(
      '查阅举报人身份信息（仅信访举报工作人员，记入审计）/ the reporter’s identity',
      { params: ReportParams },
      { 200: ReporterIdentity },
      ['IDENTITY_FORBIDDEN', 'NOT_NAMED'],
    );
    app.get('/api/v1/reports/:id/reporter', reporter, async (request) =>
      readReporterIdentity(ctx, await actorOf(ctx, request), request.params.id),
    );

    const linkCase = spec(
      '关联容错案件（caseId 为 null 时解除关联）/ link a case',
      { params: ReportParams, body: LinkCaseBody },
      Answer,
      [...STEP_CODES, 'NOT_FOUND'],
    );
    app.put('/api/v1/reports/:id/case', linkCase, async (request) => {
      const { expectedVersion, caseId } = request.body;
      return take(request, request.params.id, expectedVersion, { kind: 'link_case', caseId });
    });

    const finding = spec(
      '记录查处结论 / record the finding',
      { params: ReportParams, body: FindingBody },
      Answer,
      [...STEP_CODES, 'DECIDED_CASE_REQUIRED', 'NOT_FOUND'],
    );
    app.post('/api/v1/reports/:id/finding', finding, async (request) => {
      const { expectedVersion, ...body } = request.body;
      return take(request, request.params.id, expectedVersion, {
        kind: 'record_finding',
        ...body,
      });
    });

    const feedback = spec(
      '向实名举报人反馈结果 / feedback to a named reporter',
      { params: ReportParams, body: FeedbackBody },
      Answer,
      [...STEP_CODES, 'NOT_NAMED', 'FEEDBACK_LATE_REASON_REQUIRED'],
    );
    app.post('/api/v1/reports/:id/feedback', feedback, async (request) => {
      const { expectedVersion, ...body } = request.body;
      return take(request, request.params.id, expectedVersion, { kind: 'give_feedback', ...body });
    });

    const explanation = spec(
      '匿名举报在一定范围内说明情况 / explain an anonymous report',
      { params: ReportParams, body: ExplanationBody },
      Answer,
      [...STEP_CODES, 'NOT_ANONYMOUS'],
    );
    app.post('/api/v1/reports/:id/explanation', explanation, async (request) => {
      const { expectedVersion, ...body } = request.body;
      return take(request, request.params.id, expectedVersion, { kind: 'explain', ...body });
    });

    const close = spec(
      '办结（查处属实或部分属实的匿名举报）/ close',
      { params: ReportParams, body: CloseReportBody },
      Answer,
      [...STEP_CODES, 'FEEDBACK_REQUIRED', 'EXPLANATION_REQUIRED'],
    );
    app.post('/api/v1/reports/:id/close', close, async (request) => {
      const { expectedVersion, ...body } = request.body;
      return take(request, request.params.id, expectedVersion, { kind: 'close', ...body });
    });

    const referral = spec(
      '移送纪检监察（恶意举报）/ refer a malicious report',
      { params: ReportParams, body: ReferralBody },
      Answer,
      [...STEP_CODES, 'REFERRAL_NOT_ALLOWED', 'ALREADY_REFERRED'],
    );
    app.post('/api/v1/reports/:id/referral', referral, async (request) => {
      const { expectedVersion, ...body } = request.body;
      return take(request, request.params.id, expectedVersion, { kind: 'refer', ...body });
    });

    const uploadRoutes: Routes = async (uploads) => {
      acceptFileBodies(uploads);
      const upload = spec(
        '上传举报材料（请求体为文件本身，文件名在 filename 查询参数）/ attach a file',
        { params: ReportParams, querystring: ReportAttachmentQuery },
        { 201: ReportAttachmentRow },
        ['INVALID_TRANSITION', 'EVIDENCE_TYPE_NOT_ALLOWED', 'EVIDENCE_TOO_LARGE'],
      );
      uploads.post(
        '/api/v1/reports/:id/attachments',
        { ...upload, onRequest: fileUploadSlots(uploads.server) },
        async (request, reply) => {
          const file = uploadedFile(request, request.query.filename);
          const row = await attachToReport(
            ctx,
            await actorOf(ctx, request),
            request.params.id,
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
      '下载举报材料 / download a file',
      { params: ReportAttachmentParams },
      { 200: BinaryFile },
      ['NOT_FOUND'],
    );
    app.get('/api/v1/reports/:id/attachments/:attachmentId', download, async (request, reply) => {
      const { id, attachmentId } = request.params;
      const file = await reportAttachmentFile(ctx, await actorOf(ctx, request), id, attachmentId);
      return sendStoredFile(reply, file);
    });
  };
}
