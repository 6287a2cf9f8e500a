// Official documents over HTTP (issue 12): which papers an owner has, and one of them as a
// GB/T 9704 DOCX or printable HTML.

import { DOCUMENT_KINDS } from '../domain/document/document-kinds.ts';
import { Nullable, StringEnum, Type, Uuid, type Static } from './schema-kit.ts';

export const DOCUMENT_FORMATS = ['docx', 'html'] as const;

export const DocumentParams = Type.Object({
  id: Uuid,
  kind: StringEnum(DOCUMENT_KINDS, { description: '公文种类 / the document kind' }),
});

export const DocumentQuery = Type.Object({
  format: Type.Optional(
    StringEnum(DOCUMENT_FORMATS, {
      description:
        'docx（默认，GB/T 9704 版式）或 html（浏览器打印）/ docx (default) or printable html',
    }),
  ),
});

export const DocumentAvailability = Type.Object({
  kind: StringEnum(DOCUMENT_KINDS),
  title: Type.String(),
  /** Whether it can be generated now. */
  available: Type.Boolean(),
  /** Why not, when it cannot. */
  reason: Nullable(Type.String()),
  /** The 文号 it was given when first generated; null before, or for a kind without one. */
  number: Nullable(Type.String()),
});
export type DocumentAvailability = Static<typeof DocumentAvailability>;

export const DocumentList = Type.Object({ items: Type.Array(DocumentAvailability) });
export type DocumentList = Static<typeof DocumentList>;
