// The accepted evidence files, as the web's upload control offers them: the same list
// the server checks uploads against.

export {
  EVIDENCE_ACCEPT,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_TYPE_NAMES,
  evidenceContentType,
  isEvidenceType,
} from '../domain/case/evidence.ts';
