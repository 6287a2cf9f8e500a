// Which official documents an owner has now (the buttons of its page): each kind reached
// from it, whether its data exists yet (the source loads it: nothing is numbered or
// audited by asking) and the 文号 it already has.

import {
  DOCUMENT_KIND_DEFS,
  DOCUMENT_KINDS,
  kindsOf,
  type DocumentKind,
  type DocumentOwner,
} from '../../domain/document/document-kinds.ts';
import { keptDocumentNumber } from '../../store/document.repository.ts';
import { UseCaseError, type AppContext } from '../app-context.ts';
import { DOCUMENT_SOURCES } from './document-sources.ts';
import { documentOwner, mayRead, type DocumentReader } from './document-access.ts';

export interface DocumentAvailability {
  readonly kind: DocumentKind;
  readonly title: string;
  readonly available: boolean;
  readonly reason: string | null;
  readonly number: string | null;
}

/** The kinds an owner's page offers: from a case, every kind (the others reached through it). */
function kindsFrom(owner: DocumentOwner): DocumentKind[] {
  return owner === 'case' ? [...DOCUMENT_KINDS] : kindsOf(owner);
}

export async function listDocuments(
  ctx: AppContext,
  reader: DocumentReader,
  owner: DocumentOwner,
  ownerId: string,
): Promise<DocumentAvailability[]> {
  // The owner itself unreadable is its page's NOT_FOUND, not a list of refusals.
  await mayRead(ctx, reader, owner, ownerId, null);
  const items: DocumentAvailability[] = [];
  for (const kind of kindsFrom(owner)) {
    const title = DOCUMENT_KIND_DEFS[kind].title;
    try {
      const id = await documentOwner(ctx, reader, { owner, ownerId, kind });
      const source = DOCUMENT_SOURCES[kind];
      // Availability as load would say it, without reading a secret where the kind has one.
      const subjectId = source.available
        ? await source.available(ctx.db, ctx, id)
        : source.numbering(await source.load(ctx.db, ctx, id)).subjectId;
      const number =
        DOCUMENT_KIND_DEFS[kind].numberMark === null
          ? null
          : ((await keptDocumentNumber(ctx.db, kind, subjectId)) ?? null);
      items.push({ kind, title, available: true, reason: null, number });
    } catch (error) {
      // What the reader may not have (another's identity, a page not theirs) or what does
      // not exist yet is offered as unavailable, with why; anything else is a fault.
      if (!(error instanceof UseCaseError) || error.code === 'DATABASE_UNAVAILABLE') throw error;
      items.push({ kind, title, available: false, reason: error.message, number: null });
    }
  }
  return items;
}
