// What the investigation writes into a case without moving it: a fact finding, one
// factor of 综合分析研判, a file of evidence. Each is a write like a transition: the same
// lock, version check and audit event.

import { createHash } from 'node:crypto';
import {
  checkAttachEvidence,
  checkRecordAssessment,
  checkRecordFact,
} from '../../domain/case/case-records.ts';
import { evidenceName, normalizeContentType } from '../../domain/case/evidence.ts';
import { matchesSignature } from '../../domain/case/evidence-signature.ts';
import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import { upsertAssessment, upsertFact } from '../../store/case.repository.ts';
import { insertEvidence } from '../../store/evidence.repository.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { refuse, writeOnCase } from './case-write.ts';
import type { AssessmentFactor } from '../../domain/vocabulary.ts';

function checkFactId(policy: CompiledPolicy, factId: string): void {
  if (!policy.factIndex.has(factId))
    throw new UseCaseError('UNKNOWN_FACT', `${policy.def.title}中没有这项事实：${factId}`);
}

export function recordFact(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  factId: string,
  input: { value: boolean | null; note: string | null },
  expectedVersion: number,
) {
  return writeOnCase(ctx, actor, caseId, expectedVersion, async (snapshot, who) => {
    const check = checkRecordFact(snapshot.view, who);
    if (!check.ok) refuse(check.error);
    checkFactId(snapshot.policy, factId);
    return {
      action: 'case.record_fact',
      state: snapshot.row.state,
      async write(tx, at) {
        await upsertFact(tx, { caseId, factId, ...input, recordedBy: actor.id, at });
        return { factId, value: input.value, note: input.note };
      },
    };
  });
}

export function recordAssessment(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  factor: AssessmentFactor,
  finding: string,
  expectedVersion: number,
) {
  return writeOnCase(ctx, actor, caseId, expectedVersion, async (snapshot, who) => {
    const check = checkRecordAssessment(snapshot.view, who, { factor, finding });
    if (!check.ok) refuse(check.error);
    return {
      action: 'case.record_assessment',
      state: snapshot.row.state,
      async write(tx, at) {
        await upsertAssessment(tx, { caseId, factor, finding, recordedBy: actor.id, at });
        return { factor, finding };
      },
    };
  });
}

export interface EvidenceUpload {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
  readonly factId: string | null;
}

export function attachEvidence(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  upload: EvidenceUpload,
  expectedVersion: number,
) {
  const contentType = normalizeContentType(upload.contentType);
  const sha256 = createHash('sha256').update(upload.content).digest('hex');
  return writeOnCase(ctx, actor, caseId, expectedVersion, async (snapshot, who) => {
    const check = checkAttachEvidence(snapshot.view, who, {
      contentType,
      size: upload.content.length,
      factId: upload.factId,
    });
    if (!check.ok) refuse(check.error);
    if (!matchesSignature(contentType, upload.content)) {
      throw new UseCaseError(
        'EVIDENCE_TYPE_NOT_ALLOWED',
        `文件内容与声明的类型 ${contentType} 不符`,
      );
    }
    // The name is kept with the extension of the type the content was verified to be.
    const named = evidenceName(upload.filename, contentType);
    if (!named.ok)
      throw new UseCaseError(
        'INVALID_INPUT',
        '文件名无效：不能为空，不能含有控制字符、路径分隔符或改变文字方向的字符',
      );
    const filename = named.name;
    if (upload.factId !== null) checkFactId(snapshot.policy, upload.factId);
    return {
      action: 'case.attach_evidence',
      state: snapshot.row.state,
      async write(tx, at) {
        const row = await insertEvidence(tx, {
          caseId,
          factId: upload.factId,
          filename,
          contentType,
          content: upload.content,
          sha256,
          uploadedBy: actor.id,
          at,
        });
        return {
          evidenceId: row.id,
          filename,
          sha256: row.sha256,
          size: row.size,
          factId: upload.factId,
        };
      },
    };
  });
}
