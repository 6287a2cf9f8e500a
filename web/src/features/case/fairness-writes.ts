// The writes of fairness on a case, each with the version the page read; each answers
// with the case: a review opinion (法制审核意见, 纪检监察意见), a recusal (回避).

import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import type { RecusalBody, ReviewBody } from '../../../../src/contract/fairness.schemas.ts';
import type { ReviewKind } from '../../../../src/contract/labels.ts';
import { post, put } from '@shared/api-client.ts';

type Versioned = Pick<CaseDetail, 'id' | 'version'>;
const casePath = (c: Versioned) => `/api/v1/cases/${encodeURIComponent(c.id)}`;

export function recordReview(c: Versioned, kind: ReviewKind, review: Omit<ReviewBody, 'version'>) {
  const body: ReviewBody = { version: c.version, ...review };
  return put<CaseDetail>(`${casePath(c)}/reviews/${kind}`, body);
}

export function recordRecusal(c: Versioned, recusal: Omit<RecusalBody, 'version'>) {
  const body: RecusalBody = { version: c.version, ...recusal };
  return post<CaseDetail>(`${casePath(c)}/recusals`, body);
}
