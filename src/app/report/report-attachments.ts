// 举报材料: files received with a report or gathered while it is handled, with the same
// accepted types, size limit, signature check and naming as a case's evidence
// (src/domain/case/evidence.ts); attached by the petitions staff while the report is not
// closed, downloaded by whoever may read the report.

import { checkedUpload, type Upload } from '../evidence/checked-upload.ts';
import { checkStep, withheldFrom, WITHHELD_FILES } from '../../domain/report/report-machine.ts';
import {
  findReportAttachment,
  findReportRow,
  insertReportAttachment,
  lockReport,
  writeReportChange,
} from '../../store/report.repository.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { readingReport, reportNotFound } from './report-context.ts';

/** Attaches a file to a report; the row and the report's new version. */
export async function attachToReport(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  upload: Upload,
) {
  const now = ctx.now();
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockReport(tx, reportId);
    if (!row) throw reportNotFound();
    const { view, who } = await readingReport(tx, actor, row);
    const allowed = checkStep(view, who, 'attach');
    if (!allowed.ok) throw new UseCaseError(allowed.error.code, allowed.error.message);
    const { filename, contentType, sha256 } = checkedUpload(upload, '举报材料');
    const file = await insertReportAttachment(tx, {
      reportId: row.id,
      filename,
      contentType,
      content: upload.content,
      sha256,
      uploadedBy: actor.id,
      at: now,
    });
    const version = await writeReportChange(tx, row.id, row.version, row.state, null);
    await appendAudit(
      tx,
      {
        actorId: actor.id,
        action: 'report.attach',
        entityType: 'report',
        entityId: row.id,
        // The file's name is left out: a reporter's letter is often named after its writer.
        data: { number: row.number, attachmentId: file.id, sha256, size: file.size },
      },
      now,
    );
    return { ...file, version };
  });
}

/** One file of a report the reader may read. */
export async function reportAttachmentFile(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  attachmentId: string,
) {
  const row = await findReportRow(ctx.db, reportId);
  if (!row) throw reportNotFound();
  const { view, who } = await readingReport(ctx.db, actor, row);
  if (withheldFrom(view, who)) throw new UseCaseError('IDENTITY_FORBIDDEN', WITHHELD_FILES);
  const file = await findReportAttachment(ctx.db, reportId, attachmentId);
  if (!file) throw new UseCaseError('NOT_FOUND', '举报材料不存在');
  return file;
}
