// How each kind of official document is made (src/app/document/sources/): what it reads of
// its owner (a case, its correction, a warning or a report), who issues it and for which
// subject its number is kept, and the domain builder that composes it. generate-document.ts
// runs them in one transaction with the number and the audit event.

import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { DocumentKind } from '../../domain/document/document-kinds.ts';
import type { OfficialDocument } from '../../domain/document/official-document.ts';
import type { Conn } from '../../store/transaction.ts';
import { UseCaseError, type AppContext } from '../app-context.ts';

export interface DocumentNumbering {
  /** The issuing unit: its case-number prefix (or its organ's default) heads the 文号. */
  readonly unitId: string;
  /** What the number is kept for (the case, the correction, the extension, the report…). */
  readonly subjectId: string;
  /** The document's date: its year is the 文号's year. */
  readonly on: CalendarDate;
}

export interface DocumentSource<Input> {
  readonly kind: DocumentKind;
  /**
   * What the builder reads, from the owner's rows (the owner is already found and the reader
   * allowed to read it). Throws notApplicable() when the owner's state has no such paper yet.
   */
  load(conn: Conn, ctx: AppContext, ownerId: string): Promise<Input>;
  /**
   * For a kind whose load reads a secret (the reporter's name): whether the paper exists,
   * as load would say, without reading it; the subject its 文号 is kept for. The list of an
   * owner's papers asks this instead of load, so that listing opens nothing.
   */
  available?(conn: Conn, ctx: AppContext, ownerId: string): Promise<string>;
  /** Its load opens the reporter's identity: generating it is audited as a reading too. */
  readonly readsReporterIdentity?: boolean;
  numbering(input: Input): DocumentNumbering;
  /** The document; `number` is its 文号 when the kind is numbered, else null. */
  build(input: Input, number: string | null): OfficialDocument;
}

/** DOCUMENT_NOT_APPLICABLE: the paper does not exist in the owner's state (409). */
export function notApplicable(title: string, why: string): UseCaseError {
  return new UseCaseError('DOCUMENT_NOT_APPLICABLE', `无法生成${title}：${why}`);
}
