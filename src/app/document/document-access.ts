// Who may have an owner's documents, and which owner a kind is reached through: a case's
// reader reaches its latest correction, the latest warning counting it and the latest
// report on it, each under that owner's own read rule.

import {
  DOCUMENT_KIND_DEFS,
  DOCUMENT_OWNER_LABELS,
  type DocumentKind,
  type DocumentOwner,
} from '../../domain/document/document-kinds.ts';
import {
  latestCorrectionOfCase,
  latestReportOfCase,
  latestWarningOfCase,
} from '../../store/document.repository.ts';
import type { Actor } from '../account/sessions.ts';
import { UseCaseError, type AppContext } from '../app-context.ts';
import { readableCase } from '../case/case-detail.ts';
import { readCorrection } from '../correction/correction-reads.ts';
import { readReport } from '../report/report-reads.ts';
import { readWarning } from '../warning/warnings.ts';
import { notApplicable } from './document-source.ts';

/** Who asks: a signed-in user, or the operator at the command line (reads what the database holds). */
export type DocumentReader = { readonly actor: Actor } | 'operator';

/**
 * The id of the document's own owner, once the reader is found to be allowed to read it
 * (NOT_FOUND and its kin otherwise, as the owner's page answers). From a case, the other
 * owners are reached through it: its latest correction, the latest warning counting it,
 * the latest report that opened it or rests on it.
 */
export async function documentOwner(
  ctx: AppContext,
  reader: DocumentReader,
  request: { readonly owner: DocumentOwner; readonly ownerId: string; readonly kind: DocumentKind },
): Promise<string> {
  const def = DOCUMENT_KIND_DEFS[request.kind];
  const ownerId = request.ownerId;
  if (request.owner !== def.owner) {
    if (request.owner !== 'case')
      throw new UseCaseError(
        'DOCUMENT_KIND_NOT_OWNED',
        `${DOCUMENT_OWNER_LABELS[request.owner]}没有“${def.title}”这类公文`,
      );
    await mayRead(ctx, reader, 'case', ownerId, request.kind);
    // def.owner is not 'case' here: it differs from the request's, which is.
    const owner = def.owner as Exclude<DocumentOwner, 'case'>;
    const found = await REACHED_FROM_CASE[owner](ctx, ownerId);
    // One answer whether there is none or the reader may not read it: the case's reader
    // learns nothing of a report or warning they may not see.
    const none = () =>
      notApplicable(def.title, `本案件没有您可查阅的${DOCUMENT_OWNER_LABELS[owner]}`);
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
