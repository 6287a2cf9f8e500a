// The case procedure over HTTP: open, read, list, fire transitions, record facts,
// assessment and evidence; deadlines and officer records. Each handler parses, calls one
// use case, and returns what it gives.

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { UseCaseError } from '../../app/app-context.ts';
import {
  attachEvidence,
  fireTransition,
  openCase,
  recordAssessment,
  recordFact,
} from '../../app/cases/case-commands.ts';
import {
  getCase,
  listCases,
  listDeadlines,
  listOfficers,
  officerRecord,
  readableSnapshot,
} from '../../app/cases/case-queries.ts';
import { EVIDENCE_CONTENT_TYPES, EVIDENCE_MAX_BYTES } from '../../domain/case/case-records.ts';
import {
  ASSESSMENT_FACTORS,
  ENFORCEMENT_ACTIONS,
  type AssessmentFactor,
} from '../../domain/case/case-state.ts';
import {
  TRANSITION_NAMES,
  type CaseAction,
  type TransitionName,
} from '../../domain/case/case-transitions.ts';
import * as R from '../response-schemas.ts';
import { actorOf } from '../session-cookie.ts';

const uuid = { type: 'string', format: 'uuid' } as const;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
const idParams = { type: 'object', required: ['id'], properties: { id: uuid } } as const;

interface ActionBody {
  version: number;
  reason?: string | null;
  meetingDate?: string;
  members?: string[];
  conclusion?: string;
  departureReason?: string | null;
  relatedUnitIds?: string[];
  notificationId?: string;
  scope?: string;
  result?: 'confirm' | 'change';
}

/** The domain's action from the route's name and body; payload checks are the domain's. */
function toAction(name: TransitionName, b: ActionBody): CaseAction {
  const decision = {
    meetingDate: b.meetingDate ?? '',
    members: b.members ?? [],
    conclusion: b.conclusion ?? '',
  };
  switch (name) {
    case 'submit_application':
    case 'initiate':
      throw new UseCaseError('INVALID_TRANSITION', '新建案件请使用 POST /api/v1/cases');
    case 'accept':
    case 'complete_investigation':
    case 'submit_for_decision':
      return { kind: name };
    case 'refuse':
    case 'raise_objection':
      return { kind: name, reason: b.reason ?? '' };
    case 'close':
    case 'withdraw':
      return { kind: name, reason: b.reason ?? null };
    case 'record_decision':
      return {
        kind: name,
        ...decision,
        departureReason: b.departureReason ?? null,
        relatedUnitIds: b.relatedUnitIds ?? [],
      };
    case 'send_notification':
      return { kind: name, notificationId: b.notificationId ?? '' };
    case 'publish':
      return { kind: name, scope: b.scope ?? '' };
    case 'review_objection':
      return b.result === 'change'
        ? { kind: name, result: 'change', reason: b.reason ?? '', ...decision }
        : { kind: name, result: 'confirm' };
    default: {
      const unreachable: never = name;
      throw new Error(`unhandled transition ${String(unreachable)}`);
    }
  }
}

export function caseRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const tags = ['案件 cases'];

    // Evidence arrives as the file's own bytes with its own content type.
    app.addContentTypeParser(
      Object.keys(EVIDENCE_CONTENT_TYPES),
      { parseAs: 'buffer', bodyLimit: EVIDENCE_MAX_BYTES + 1 },
      (_req, body, done) => done(null, body),
    );

    app.get<{
      Querystring: {
        state?: string;
        unitId?: string;
        policyId?: string;
        officerId?: string;
        q?: string;
        from?: string;
        to?: string;
        limit?: number;
        offset?: number;
      };
    }>(
      '/api/v1/cases',
      {
        schema: {
          tags,
          summary: '案件列表 / list cases',
          response: { 200: R.caseList, ...R.errors },
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              state: text(40),
              unitId: uuid,
              policyId: text(100),
              officerId: uuid,
              outcome: text(40),
              q: text(100),
              from: date,
              to: date,
              limit: { type: 'integer', minimum: 1, maximum: 200 },
              offset: { type: 'integer', minimum: 0 },
            },
          },
        },
      },
      async (request) => {
        const q = request.query;
        return listCases(ctx, await actorOf(ctx, request), {
          ...q,
          limit: q.limit ?? 20,
          offset: q.offset ?? 0,
        });
      },
    );

    app.post<{
      Body: {
        origin: 'application' | 'initiation';
        unitId: string;
        officerId?: string;
        title: string;
        conduct: string;
        enforcementAction: (typeof ENFORCEMENT_ACTIONS)[number];
      };
      Headers: { 'idempotency-key'?: string };
    }>(
      '/api/v1/cases',
      {
        schema: {
          tags,
          summary: '提出申请或启动核查 / open a case (Idempotency-Key supported)',
          response: { 200: R.caseRef, 201: R.caseRef, ...R.errors },
          headers: {
            type: 'object',
            properties: { 'idempotency-key': { type: 'string', minLength: 8, maxLength: 100 } },
          },
          body: {
            type: 'object',
            additionalProperties: false,
            required: ['origin', 'unitId', 'title', 'conduct', 'enforcementAction'],
            properties: {
              origin: { type: 'string', enum: ['application', 'initiation'] },
              unitId: uuid,
              officerId: uuid,
              title: { type: 'string', minLength: 1, maxLength: 200 },
              conduct: { type: 'string', minLength: 1, maxLength: 10_000 },
              enforcementAction: { type: 'string', enum: [...ENFORCEMENT_ACTIONS] },
            },
          },
        },
      },
      async (request, reply) => {
        const result = await openCase(
          ctx,
          await actorOf(ctx, request),
          request.body,
          request.headers['idempotency-key'],
        );
        return reply.code(result.replayed ? 200 : 201).send(result);
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/v1/cases/:id',
      {
        schema: {
          tags,
          summary: '案件详情 / a case',
          params: idParams,
          response: { 200: R.caseDetail, ...R.errors },
        },
      },
      async (request) => getCase(ctx, await actorOf(ctx, request), request.params.id),
    );

    app.post<{ Params: { id: string; action: TransitionName }; Body: ActionBody }>(
      '/api/v1/cases/:id/actions/:action',
      {
        schema: {
          tags,
          summary: '办理一步程序 / fire a transition',
          response: { 200: R.transitionResult, ...R.errors },
          params: {
            type: 'object',
            required: ['id', 'action'],
            properties: { id: uuid, action: { type: 'string', enum: [...TRANSITION_NAMES] } },
          },
          body: {
            type: 'object',
            additionalProperties: false,
            required: ['version'],
            properties: {
              version: { type: 'integer', minimum: 1 },
              reason: { type: ['string', 'null'], maxLength: 5000 },
              meetingDate: date,
              members: { type: 'array', items: text(50), maxItems: 50 },
              conclusion: text(40),
              departureReason: { type: ['string', 'null'], maxLength: 5000 },
              relatedUnitIds: { type: 'array', items: uuid, maxItems: 50 },
              notificationId: uuid,
              scope: text(40),
              result: { type: 'string', enum: ['confirm', 'change'] },
            },
          },
        },
      },
      async (request) => {
        const actor = await actorOf(ctx, request);
        return fireTransition(
          ctx,
          actor,
          request.params.id,
          toAction(request.params.action, request.body),
          request.body.version,
        );
      },
    );

    app.put<{
      Params: { id: string; factId: string };
      Body: { version: number; value: boolean | null; note?: string | null };
    }>(
      '/api/v1/cases/:id/facts/:factId',
      {
        schema: {
          tags,
          summary: '记录事实认定 / record a fact',
          response: { 200: R.recordResult, ...R.errors },
          params: {
            type: 'object',
            required: ['id', 'factId'],
            properties: { id: uuid, factId: text(20) },
          },
          body: {
            type: 'object',
            additionalProperties: false,
            required: ['version', 'value'],
            properties: {
              version: { type: 'integer', minimum: 1 },
              value: { type: ['boolean', 'null'] },
              note: { type: ['string', 'null'], maxLength: 5000 },
            },
          },
        },
      },
      async (request) => {
        const { version, value, note } = request.body;
        return recordFact(
          ctx,
          await actorOf(ctx, request),
          request.params.id,
          request.params.factId,
          { value, note: note ?? null },
          version,
        );
      },
    );

    app.put<{
      Params: { id: string; factor: AssessmentFactor };
      Body: { version: number; finding: string };
    }>(
      '/api/v1/cases/:id/assessment/:factor',
      {
        schema: {
          tags,
          summary: '记录综合分析研判 / record an assessment factor',
          response: { 200: R.recordResult, ...R.errors },
          params: {
            type: 'object',
            required: ['id', 'factor'],
            properties: { id: uuid, factor: { type: 'string', enum: [...ASSESSMENT_FACTORS] } },
          },
          body: {
            type: 'object',
            additionalProperties: false,
            required: ['version', 'finding'],
            properties: {
              version: { type: 'integer', minimum: 1 },
              finding: { type: 'string', maxLength: 10_000 },
            },
          },
        },
      },
      async (request) =>
        recordAssessment(
          ctx,
          await actorOf(ctx, request),
          request.params.id,
          request.params.factor,
          request.body.finding,
          request.body.version,
        ),
    );

    app.post<{
      Params: { id: string };
      Querystring: { version: number; filename: string; factId?: string };
    }>(
      '/api/v1/cases/:id/evidence',
      {
        bodyLimit: EVIDENCE_MAX_BYTES + 1,
        schema: {
          tags,
          summary: '上传证据（请求体为文件本身）/ upload evidence (the body is the file)',
          response: { 201: R.recordResult, ...R.errors },
          params: idParams,
          querystring: {
            type: 'object',
            additionalProperties: false,
            required: ['version', 'filename'],
            properties: {
              version: { type: 'integer', minimum: 1 },
              filename: { type: 'string', minLength: 1, maxLength: 255 },
              factId: text(20),
            },
          },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body))
          throw new UseCaseError('EVIDENCE_TYPE_NOT_ALLOWED', '不支持的文件类型');
        const { version, filename, factId } = request.query;
        const result = await attachEvidence(
          ctx,
          await actorOf(ctx, request),
          request.params.id,
          {
            filename,
            contentType: request.headers['content-type'] ?? '',
            content: request.body,
            factId: factId ?? null,
          },
          version,
        );
        return reply.code(201).send(result);
      },
    );

    app.get<{ Params: { id: string; evidenceId: string } }>(
      '/api/v1/cases/:id/evidence/:evidenceId',
      {
        schema: {
          tags,
          summary: '下载证据 / download evidence',
          params: { type: 'object', properties: { id: uuid, evidenceId: uuid } },
        },
      },
      async (request, reply) => {
        // The case's access check applies to its files.
        await readableSnapshot(ctx, await actorOf(ctx, request), request.params.id);
        const file = await ctx.db
          .selectFrom('evidence')
          .select(['filename', 'content_type', 'content', 'sha256'])
          .where('id', '=', request.params.evidenceId)
          .where('case_id', '=', request.params.id)
          .executeTakeFirst();
        if (!file) throw new UseCaseError('NOT_FOUND', '证据不存在');
        return reply
          .header('content-type', file.content_type)
          .header('x-content-sha256', file.sha256)
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          )
          .send(file.content);
      },
    );

    app.get(
      '/api/v1/deadlines',
      {
        schema: {
          tags,
          summary: '临近和逾期的期限 / deadlines near and overdue',
          response: { 200: R.deadlines, ...R.errors },
        },
      },
      async (request) => listDeadlines(ctx, await actorOf(ctx, request)),
    );

    app.get(
      '/api/v1/officers',
      {
        schema: {
          tags,
          summary:
            '本单位及下级单位的执法人员（单位启动核查用）/ officers in the reader’s unit subtree',
          response: { 200: R.officers, ...R.errors },
        },
      },
      async (request) => listOfficers(ctx, await actorOf(ctx, request)),
    );

    app.get<{ Params: { id: string } }>(
      '/api/v1/officers/:id/record',
      {
        schema: {
          tags,
          summary: '执法人员记录 / an officer’s record',
          params: idParams,
          response: { 200: R.officerRecord, ...R.errors },
        },
      },
      async (request) => officerRecord(ctx, await actorOf(ctx, request), request.params.id),
    );
  };
}
