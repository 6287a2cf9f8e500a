// Every uploaded file (a case's evidence, a correction's proof, a report's material) is held
// to the same rules: an allowed type, at most EVIDENCE_MAX_BYTES, content that is what its
// type says, and a name that cannot mislead; kept under the name with the extension of the
// type its content was verified to be, with its SHA-256.

import { createHash } from 'node:crypto';
import {
  EVIDENCE_MAX_BYTES,
  EVIDENCE_TYPE_NAMES,
  evidenceName,
  isEvidenceType,
  normalizeContentType,
} from '../../domain/case/evidence.ts';
import { matchesSignature } from '../../domain/case/evidence-signature.ts';
import { UseCaseError } from '../app-context.ts';

export interface Upload {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export interface CheckedUpload {
  readonly filename: string;
  readonly contentType: string;
  readonly sha256: string;
}

/** The upload as it is stored, or the refusal naming the file as `noun` (证明材料, 举报材料). */
export function checkedUpload(upload: Upload, noun: string): CheckedUpload {
  const contentType = normalizeContentType(upload.contentType);
  if (!isEvidenceType(contentType))
    throw new UseCaseError(
      'EVIDENCE_TYPE_NOT_ALLOWED',
      `${noun}须为 ${EVIDENCE_TYPE_NAMES} 格式：${contentType}`,
    );
  if (upload.content.length > EVIDENCE_MAX_BYTES)
    throw new UseCaseError(
      'EVIDENCE_TOO_LARGE',
      `${noun}不能超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MiB`,
    );
  if (!matchesSignature(contentType, upload.content))
    throw new UseCaseError('EVIDENCE_TYPE_NOT_ALLOWED', `文件内容与声明的类型 ${contentType} 不符`);
  const named = evidenceName(upload.filename, contentType);
  if (!named.ok)
    throw new UseCaseError(
      'INVALID_INPUT',
      '文件名无效：不能为空，不能含有控制字符、路径分隔符或改变文字方向的字符',
    );
  const sha256 = createHash('sha256').update(upload.content).digest('hex');
  return { filename: named.name, contentType, sha256 };
}
