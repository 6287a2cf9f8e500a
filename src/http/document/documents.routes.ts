// Official documents over HTTP (issue 12): GET …/documents lists the papers of a case, a
// correction, a warning or a report; GET …/documents/:kind sends one as a GB/T 9704 DOCX
// to save (its SHA-256 in x-content-sha256, as the audit log has it), or with
// ?format=html as a page to print from the browser.

import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { generateDocument, type GeneratedDocument } from '../../app/document/generate-document.ts';
import { listDocuments } from '../../app/document/list-documents.ts';
import { DocumentList, DocumentParams, DocumentQuery } from '../../contract/document.schemas.ts';
import { BinaryFile, IdParams } from '../../contract/schema-kit.ts';
import { DOCUMENT_OWNER_LABELS, type DocumentOwner } from '../../domain/document/document-kinds.ts';
import { specWithCodes, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';

const spec = specWithCodes('公文 documents', ['NOT_FOUND']);

/** The owners and the path each is reached at. */
const OWNER_PATHS: Readonly<Record<DocumentOwner, string>> = {
  case: 'cases',
  correction: 'corrections',
  warning: 'warnings',
  report: 'reports',
};

/**
 * The printable page may show only itself: its style inline, nothing loaded, nothing run.
 * The DOCX is a download, sandboxed should a browser try to show it.
 */
const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox allow-modals";
const DOWNLOAD_POLICY = "sandbox; default-src 'none'";

function sendDocument(reply: FastifyReply, doc: GeneratedDocument) {
  const disposition = doc.format === 'html' ? 'inline' : 'attachment';
  return reply
    .header('content-type', doc.contentType)
    .header('x-content-sha256', doc.sha256)
    .header('content-security-policy', doc.format === 'html' ? PAGE_POLICY : DOWNLOAD_POLICY)
    .header('cache-control', 'no-store')
    .header(
      'content-disposition',
      `${disposition}; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
    )
    .send(doc.bytes);
}

export function documentRoutes(ctx: AppContext): Routes {
  return async (app) => {
    for (const [owner, path] of Object.entries(OWNER_PATHS) as [DocumentOwner, string][]) {
      const label = DOCUMENT_OWNER_LABELS[owner];
      const list = spec(
        `${label}的公文 / the official documents of a ${owner}`,
        { params: IdParams },
        { 200: DocumentList },
      );
      app.get(`/api/v1/${path}/:id/documents`, list, async (request) => ({
        items: await listDocuments(
          ctx,
          { actor: await actorOf(ctx, request) },
          owner,
          request.params.id,
        ),
      }));

      const one = spec(
        `生成${label}的公文（DOCX 或可打印 HTML）/ generate one official document of a ${owner}`,
        { params: DocumentParams, querystring: DocumentQuery },
        { 200: BinaryFile },
        ['DOCUMENT_NOT_APPLICABLE', 'DOCUMENT_KIND_NOT_OWNED', 'IDENTITY_FORBIDDEN'],
      );
      app.get(`/api/v1/${path}/:id/documents/:kind`, one, async (request, reply) => {
        const doc = await generateDocument(
          ctx,
          { actor: await actorOf(ctx, request) },
          {
            owner,
            ownerId: request.params.id,
            kind: request.params.kind,
            format: request.query.format ?? 'docx',
          },
        );
        return sendDocument(reply, doc);
      });
    }
  };
}
