// The case as its page holds it (web/src/shared/use-held-resource.ts).

import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { useHeldResource, type ResourceWrite } from '@shared/use-held-resource.ts';

/** Runs a write on the case and keeps its answer; a refusal comes back as text to show. */
export type CaseWrite = ResourceWrite<CaseDetail>;

/** What a page asks beyond the case: the interview asks for its next question. */
export interface CaseAsk {
  readonly nextQuestion?: boolean;
}

/** The query that asks for it, on a read or on a write's answer (CaseReadQuery). */
export function caseAskQuery(ask: CaseAsk = {}): string {
  return ask.nextQuestion ? 'include=nextQuestion' : '';
}

export function useCase(id: string, ask: CaseAsk = {}) {
  const query = caseAskQuery(ask);
  return useHeldResource<CaseDetail>(
    `/api/v1/cases/${encodeURIComponent(id)}${query ? `?${query}` : ''}`,
  );
}
