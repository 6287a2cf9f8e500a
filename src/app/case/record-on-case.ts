// What the investigation writes into a case without moving it: a fact finding, one
// factor of 综合分析研判, a file of evidence. Each is a write like a transition: the same
// lock, version check and audit event.

import {
  checkAttachEvidence,
  checkRecordAssessment,
  checkRecordFact,
} from '../../domain/case/case-records.ts';
import { normalizeContentType } from '../../domain/case/evidence.ts';
import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import { upsertAssessment, upsertFact } from '../../store/case.repository.ts';
import { insertEvidence } from '../../store/evidence.repository.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { refuse, writeOnCase } from './case-write.ts';
import { storeEvaluation } from './case-evaluation.ts';
import { triOf, type CaseSnapshot } from './case-snapshot.ts';
import type { FactVector } from '../../domain/policy/evaluate.ts';
import type { AssessmentFactor } from '../../domain/vocabulary.ts';
import { checkedUpload } from '../evidence/checked-upload.ts';

/** The case's fact vector with one fact set (null: not established, as never recorded). */
function withFact(snapshot: CaseSnapshot, factId: string, value: boolean | null): FactVector {
  const values = snapshot.values.slice();
  values[snapshot.policy.factIndex.get(factId)!] = triOf(value);
  return values;
}

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
        // The live determination on the facts as they now are, stored with them.
        const { row, policy } = snapshot;
        await storeEvaluation(tx, caseId, row, policy, withFact(snapshot, factId, input.value), at);
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
  return writeOnCase(ctx, actor, caseId, expectedVersion, async (snapshot, who) => {
    const check = checkAttachEvidence(snapshot.view, who, {
      contentType,
      size: upload.content.length,
      factId: upload.factId,
    });
    if (!check.ok) refuse(check.error);
    // The signature, the name kept with the extension of the verified type, the hash: as
    // every upload (the domain has checked the type and size for the case).
    const { filename, sha256 } = checkedUpload(upload, '证据文件');
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
