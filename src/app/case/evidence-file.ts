// Downloading a file of evidence: the case's access check applies to its files.

import { findEvidenceFile } from '../../store/evidence.repository.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { readableCase } from './case-detail.ts';

export async function evidenceFile(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  evidenceId: string,
) {
  await readableCase(ctx.db, actor, caseId);
  const file = await findEvidenceFile(ctx.db, caseId, evidenceId);
  if (!file) throw new UseCaseError('NOT_FOUND', '证据不存在');
  return file;
}
