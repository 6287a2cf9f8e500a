// Evidence files, kept in the database with their SHA-256 beside the case they belong to.

import type { Conn, Tx } from './transaction.ts';

export interface NewEvidence {
  readonly caseId: string;
  readonly factId: string | null;
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
  readonly sha256: string;
  readonly uploadedBy: string;
  readonly at: Date;
}

export function insertEvidence(tx: Tx, e: NewEvidence) {
  return tx
    .insertInto('evidence')
    .values({
      case_id: e.caseId,
      fact_id: e.factId,
      filename: e.filename,
      content_type: e.contentType,
      size: e.content.length,
      sha256: e.sha256,
      content: e.content,
      uploaded_by: e.uploadedBy,
      uploaded_at: e.at,
    })
    .returning(['id', 'sha256', 'size'])
    .executeTakeFirstOrThrow();
}

/** One file of one case, or undefined. */
export function findEvidenceFile(db: Conn, caseId: string, evidenceId: string) {
  return db
    .selectFrom('evidence')
    .select(['filename', 'content_type', 'content', 'sha256'])
    .where('id', '=', evidenceId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}
