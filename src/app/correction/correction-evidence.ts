// Files attached to a progress report (整改证明材料): the same accepted types, size limit,
// signature check and naming as a case's evidence (src/domain/case/evidence.ts), uploaded
// by the correction object while the report may still be added to (整改中); downloaded by
// whoever may read the correction.

import { checkedUpload, type Upload } from '../evidence/checked-upload.ts';
import { checkStep } from '../../domain/correction/correction-machine.ts';
import {
  findCorrection,
  findCorrectionEvidenceFile,
  findReport,
  insertCorrectionEvidence,
  lockCorrection,
  machineRowsOf,
  updateCorrection,
} from '../../store/correction.repository.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import {
  correctionContext,
  correctionNotFound,
  readingCorrectionActor,
  viewsOf,
} from './correction-context.ts';

/** Attaches a file to one of the correction's progress reports; the row and the new version. */
export async function attachCorrectionEvidence(
  ctx: AppContext,
  actor: Actor,
  correctionId: string,
  reportId: string,
  upload: Upload,
) {
  const now = ctx.now();
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCorrection(tx, correctionId);
    if (!row) throw correctionNotFound();
    const who = await readingCorrectionActor(tx, actor, row);
    const view = viewsOf([row], await machineRowsOf(tx, [row.id])).get(row.id)!;
    // Whoever may report progress now may add to a report: the correction object, 整改中.
    const allowed = checkStep(view, who, 'report_progress', correctionContext(ctx, row));
    if (!allowed.ok) throw new UseCaseError(allowed.error.code, allowed.error.message);
    const report = await findReport(tx, row.id, reportId);
    if (!report) throw new UseCaseError('REPORT_NOT_FOUND', '整改进展报告不存在');
    const { filename, contentType, sha256 } = checkedUpload(upload, '证明材料');
    const file = await insertCorrectionEvidence(tx, {
      reportId,
      correctionId: row.id,
      filename,
      contentType,
      content: upload.content,
      sha256,
      uploadedBy: actor.id,
      at: now,
    });
    const version = await updateCorrection(tx, row.id, row.version, {
      state: row.state,
      due: row.due,
    });
    await appendAudit(
      tx,
      {
        actorId: actor.id,
        action: 'correction.attach_evidence',
        entityType: 'correction',
        entityId: row.id,
        data: {
          case: row.case_number,
          reportId,
          evidenceId: file.id,
          filename: file.filename,
          sha256,
          size: file.size,
        },
      },
      now,
    );
    return { ...file, version };
  });
}

/** One file of a correction the reader may read. */
export async function correctionEvidenceFile(
  ctx: AppContext,
  actor: Actor,
  correctionId: string,
  evidenceId: string,
) {
  const row = await findCorrection(ctx.db, correctionId);
  if (!row) throw correctionNotFound();
  await readingCorrectionActor(ctx.db, actor, row);
  const file = await findCorrectionEvidenceFile(ctx.db, correctionId, evidenceId);
  if (!file) throw new UseCaseError('NOT_FOUND', '证明材料不存在');
  return file;
}
