// Generates an official document (issue 12): finds its owner and checks the reader may read
// it, loads what its kind reads, gives it its 文号 the first time (kept ever after), renders
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
import {
  documentNumber,
  latestCorrectionOfCase,
  latestReportOfCase,
  latestWarningOfCase,
} from '../../store/document.repository.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import type { Actor } from '../account/sessions.ts';
import { UseCaseError, type AppContext } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { readableCase } from '../case/case-detail.ts';
import { readCorrection } from '../correction/correction-reads.ts';
import { readReport } from '../report/report-reads.ts';
import { readWarning } from '../warning/warnings.ts';
import { DOCUMENT_SOURCES } from './document-sources.ts';
import { notApplicable, type DocumentSource } from './document-source.ts';

export type DocumentFormat = 'docx' | 'html';

/** Who asks: a signed-in user, or the operator at the command line (reads what the database holds). */
export type DocumentReader = { readonly actor: Actor } | 'operator';

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

/**
 * The id of the document's own owner, once the reader is found to be allowed to read it
 * (NOT_FOUND and its kin otherwise, as the owner's page answers). From a case, the other
 * owners are reached through it: its latest correction, the latest warning counting it,
 * the latest report that opened it or rests on it.
 */
export async function documentOwner(
  ctx: AppContext,
  reader: DocumentReader,
  request: Pick<DocumentRequest, 'owner' | 'ownerId' | 'kind'>,
): Promise<string> {
  const def = DOCUMENT_KIND_DEFS[request.kind];
  const ownerId = request.ownerId;
  if (request.owner !== def.owner) {
    if (request.owner !== 'case')
      throw new UseCaseError(
        'DOCUMENT_KIND_NOT_OWNED',
        `${OWNER_LABELS[request.owner]}没有“${def.title}”这类公文`,
      );
    await mayRead(ctx, reader, 'case', ownerId, request.kind);
    // def.owner is not 'case' here: it differs from the request's, which is.
    const owner = def.owner as Exclude<DocumentOwner, 'case'>;
    const found = await REACHED_FROM_CASE[owner](ctx, ownerId);
    // One answer whether there is none or the reader may not read it: the case's reader
    // learns nothing of a report or warning they may not see.
    const none = () => notApplicable(def.title, `本案件没有您可查阅的${OWNER_LABELS[owner]}`);
    if (found === undefined) throw none();
    try {
      await mayRead(ctx, reader, owner, found, request.kind);
    } catch (error) {
      if (error instanceof UseCaseError && REFUSED_READS.has(error.code)) throw none();
      throw error;
    }
    return found;
  }
  await mayRead(ctx, reader, def.owner, ownerId, request.kind);
  return ownerId;
}

/** The codes an owner's read rule refuses a reader with. */
const REFUSED_READS = new Set([
  'NOT_FOUND',
  'CORRECTION_NOT_FOUND',
  'REPORT_NOT_FOUND',
  'FORBIDDEN',
  'IDENTITY_FORBIDDEN',
]);

const OWNER_LABELS: Readonly<Record<DocumentOwner, string>> = {
  case: '案件',
  correction: '纠错记录',
  warning: '警示提醒',
  report: '信访举报',
};

const REACHED_FROM_CASE: Readonly<
  Record<
    Exclude<DocumentOwner, 'case'>,
    (ctx: AppContext, caseId: string) => Promise<string | undefined>
  >
> = {
  correction: (ctx, caseId) => latestCorrectionOfCase(ctx.db, caseId),
  warning: (ctx, caseId) => latestWarningOfCase(ctx.db, caseId),
  report: (ctx, caseId) => latestReportOfCase(ctx.db, caseId),
};

/** The owner's own read rule; the operator at the command line reads what the database holds. */
export async function mayRead(
  ctx: AppContext,
  reader: DocumentReader,
  owner: DocumentOwner,
  id: string,
  kind: DocumentKind | null,
): Promise<void> {
  if (reader === 'operator') return;
  const { actor } = reader;
  switch (owner) {
    case 'case':
      await readableCase(ctx.db, actor, id);
      return;
    case 'correction':
      await readCorrection(ctx, actor, id);
      return;
    case 'warning':
      await readWarning(ctx, actor, id);
      return;
    case 'report': {
      const report = await readReport(ctx, actor, id);
      // The feedback letter is addressed to the named reporter: only those who may read
      // the reporter's identity may have it.
      if (kind === 'report-feedback' && !report.identityReadable)
        throw new UseCaseError(
          'IDENTITY_FORBIDDEN',
          '举报人身份信息仅限信访举报承办人员查阅，不能生成反馈函',
        );
      return;
    }
  }
}
