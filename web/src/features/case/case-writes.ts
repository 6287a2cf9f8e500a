// The writes on a case, each with the version the page read; each answers with the case.

import type {
  ActionBody,
  AssessmentBody,
  FactBody,
} from '../../../../src/contract/case-requests.schemas.ts';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { evidenceContentType } from '../../../../src/contract/evidence.ts';
import type { AssessmentFactor, TransitionName } from '../../../../src/contract/labels.ts';
import { api, post, put } from '@shared/api-client.ts';
import { askingPath, caseAskParams, type CaseAsk } from './use-case.ts';

type Versioned = Pick<CaseDetail, 'id' | 'version'>;
const casePath = (c: Versioned) => `/api/v1/cases/${encodeURIComponent(c.id)}`;

export type ActionPayload = Omit<ActionBody, 'version'>;

export function fireAction(c: Versioned, action: TransitionName, payload: ActionPayload = {}) {
  const body: ActionBody = { version: c.version, ...payload };
  return post<CaseDetail>(`${casePath(c)}/actions/${action}`, body);
}

/** `ask`: what the answer adds (the interview asks for its next question). */
export function recordFact(
  c: Versioned,
  factId: string,
  answer: Omit<FactBody, 'version'>,
  ask: CaseAsk = {},
) {
  const body: FactBody = { version: c.version, ...answer };
  return put<CaseDetail>(
    askingPath(`${casePath(c)}/facts/${encodeURIComponent(factId)}`, ask),
    body,
  );
}

export function recordAssessment(c: Versioned, factor: AssessmentFactor, finding: string) {
  const body: AssessmentBody = { version: c.version, finding };
  return put<CaseDetail>(`${casePath(c)}/assessment/${factor}`, body);
}

/** The file as the body, its name and fact in the query; the type by extension where the browser has none (OFD). */
export function uploadEvidence(c: Versioned, file: File, factId?: string, ask: CaseAsk = {}) {
  const query = new URLSearchParams({
    version: String(c.version),
    filename: file.name,
    ...caseAskParams(ask),
  });
  if (factId) query.set('factId', factId);
  return api<CaseDetail>('POST', `${casePath(c)}/evidence?${query.toString()}`, file, {
    'content-type': evidenceContentType(file.name, file.type) || 'application/octet-stream',
  });
}
