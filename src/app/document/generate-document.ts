// Generates an official document (issue 12): finds its owner and checks the reader may read
// it (document-access.ts), loads what its kind reads, gives it its 文号 the first time (kept ever after), renders
// it as a GB/T 9704 DOCX or as printable HTML, and records the file's SHA-256 as one audit
// event, in one transaction with the number. The same data gives the same bytes, so a
// closed case's documents generated again are byte for byte the ones filed before.

import { createHash } from 'node:crypto';
import { numberSeries } from '../../domain/case/case-number.ts';
import {
  DOCUMENT_KIND_DEFS,
  type DocumentKind,
  type DocumentOwner,
} from '../../domain/document/document-kinds.ts';
import { documentSeriesKey, formatDocumentNumber } from '../../domain/document/document-number.ts';
import type { OfficialDocument } from '../../domain/document/official-document.ts';
import { renderDocx } from '../../documents/docx-render.ts';
import { renderHtml } from '../../documents/html-render.ts';
import { numberingLineage } from '../../store/case-number.repository.ts';
import { documentNumber } from '../../store/document.repository.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import { UseCaseError, type AppContext } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { documentOwner, type DocumentReader } from './document-access.ts';
import { DOCUMENT_SOURCES } from './document-sources.ts';
import type { DocumentSource } from './document-source.ts';

export type { DocumentReader } from './document-access.ts';

export type DocumentFormat = 'docx' | 'html';

export interface DocumentRequest {
  /** What the id names: a case (any kind, reached through it), a correction, a warning or a report. */
  readonly owner: DocumentOwner;
  readonly ownerId: string;
  readonly kind: DocumentKind;
  readonly format: DocumentFormat;
}

export interface GeneratedDocument {
  readonly kind: DocumentKind;
  readonly title: string;
  readonly number: string | null;
  readonly format: DocumentFormat;
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
  readonly sha256: string;
}

const CONTENT_TYPES: Readonly<Record<DocumentFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

export async function generateDocument(
  ctx: AppContext,
  reader: DocumentReader,
  request: DocumentRequest,
): Promise<GeneratedDocument> {
  const def = DOCUMENT_KIND_DEFS[request.kind];
  const ownerId = await documentOwner(ctx, reader, request);
  const source = DOCUMENT_SOURCES[request.kind] as DocumentSource<unknown>;
  return inTransaction(ctx.db, async (tx) => {
    // Read in the transaction that numbers and audits it: what is filed is what was read.
    const input = await source.load(tx, ctx, ownerId);
    const number = def.numberMark === null ? null : await numberOf(tx, source, input);
    const doc = source.build(input, number);
    const bytes = await render(doc, request.format);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await appendAudit(
      tx,
      {
        actorId: reader === 'operator' ? null : reader.actor.id,
        action: 'document.generate',
        entityType: def.owner,
        entityId: ownerId,
        data: {
          kind: request.kind,
          format: request.format,
          number,
          sha256,
          size: bytes.length,
          ...(reader === 'operator' ? { via: 'cli' } : {}),
        },
      },
      ctx.now(),
    );
    // The letter carries the reporter's name: opened for it, and recorded as every opening is.
    if (source.readsReporterIdentity)
      await appendAudit(
        tx,
        {
          actorId: reader === 'operator' ? null : reader.actor.id,
          action: 'report.read_identity',
          entityType: 'report',
          entityId: ownerId,
          data: { reportId: ownerId, for: request.kind },
        },
        ctx.now(),
      );
    return {
      kind: request.kind,
      title: doc.title,
      number,
      format: request.format,
      filename: `${doc.title}${number === null ? '' : `（${number}）`}.${request.format}`,
      contentType: CONTENT_TYPES[request.format],
      bytes,
      sha256,
    };
  });
}

async function render(doc: OfficialDocument, format: DocumentFormat): Promise<Buffer> {
  return format === 'docx' ? renderDocx(doc) : Buffer.from(renderHtml(doc), 'utf8');
}

async function numberOf(tx: Tx, source: DocumentSource<unknown>, input: unknown) {
  const numbering = source.numbering(input);
  const lineage = await numberingLineage(tx, numbering.unitId);
  if (lineage.length === 0) throw new UseCaseError('NOT_FOUND', '单位不存在');
  const { prefix } = numberSeries(lineage);
  const year = Number(numbering.on.slice(0, 4));
  return documentNumber(tx, {
    kind: source.kind,
    subjectId: numbering.subjectId,
    unitId: numbering.unitId,
    seriesKey: documentSeriesKey(prefix, source.kind),
    year,
    format: (n) => formatDocumentNumber(prefix, source.kind, year, n),
  });
}
