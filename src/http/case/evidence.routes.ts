// Evidence over HTTP: the upload is the file's own bytes with its own content type; the
// download carries its SHA-256 so the receiver can check it.

import type { AppContext } from '../../app/app-context.ts';
import { UseCaseError } from '../../app/app-context.ts';
import { evidenceFile } from '../../app/case/evidence-file.ts';
import { attachEvidence } from '../../app/case/record-on-case.ts';
import { CaseDetail } from '../../contract/case.schemas.ts';
import { EvidenceParams, EvidenceQuery } from '../../contract/case-requests.schemas.ts';
import { IdParams, Type } from '../../contract/schema-kit.ts';
import { EVIDENCE_CONTENT_TYPES, EVIDENCE_MAX_BYTES } from '../../domain/case/evidence.ts';
import { specFor, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { answerWrite } from './write-answer.ts';

const spec = specFor('案件 cases');

export function evidenceRoutes(ctx: AppContext): Routes {
  return async (app) => {
    app.addContentTypeParser(
      [...EVIDENCE_CONTENT_TYPES],
      { parseAs: 'buffer', bodyLimit: EVIDENCE_MAX_BYTES + 1 },
      (_req, body, done) => done(null, body),
    );

    const upload = spec(
      '上传证据（请求体为文件本身）/ upload evidence (the body is the file)',
      { params: IdParams, querystring: EvidenceQuery },
      { 201: CaseDetail, 204: Type.Null() },
    );
    app.post(
      '/api/v1/cases/:id/evidence',
      { ...upload, bodyLimit: EVIDENCE_MAX_BYTES + 1 },
      async (request, reply) => {
        const content = request.body;
        if (!Buffer.isBuffer(content))
          throw new UseCaseError('EVIDENCE_TYPE_NOT_ALLOWED', '不支持的文件类型');
        const { version, filename, factId } = request.query;
        const file = {
          filename,
          contentType: request.headers['content-type'] ?? '',
          content,
          factId: factId ?? null,
        };
        return answerWrite(ctx, request, reply, 201, (actor) =>
          attachEvidence(ctx, actor, request.params.id, file, version),
        );
      },
    );

    // The file itself, in its own content type; Fastify sends a Buffer as it is.
    const File = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
    const download = spec(
      '下载证据 / download evidence',
      { params: EvidenceParams },
      { 200: File },
    );
    app.get('/api/v1/cases/:id/evidence/:evidenceId', download, async (request, reply) => {
      const { id, evidenceId } = request.params;
      const file = await evidenceFile(ctx, await actorOf(ctx, request), id, evidenceId);
      return reply
        .header('content-type', file.content_type)
        .header('x-content-sha256', file.sha256)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .send(file.content);
    });
  };
}
