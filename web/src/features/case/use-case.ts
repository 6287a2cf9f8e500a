// The case as its page holds it (web/src/shared/use-held-resource.ts).

import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { useHeldResource, type ResourceWrite } from '@shared/use-held-resource.ts';

/** Runs a write on the case and keeps its answer; a refusal comes back as text to show. */
export type CaseWrite = ResourceWrite<CaseDetail>;

/** What a page asks beyond the case: the interview asks for its next question. */
export interface CaseAsk {
  readonly nextQuestion?: boolean;
}

/** The query parameters that ask for it, on a read or on a write's answer (CaseReadQuery). */
export function caseAskParams(ask: CaseAsk): Record<string, string> {
  return ask.nextQuestion ? { include: 'nextQuestion' } : {};
}

/** `path` with the query that asks for what `ask` asks. */
export function askingPath(path: string, ask: CaseAsk): string {
  const query = new URLSearchParams(caseAskParams(ask)).toString();
  return query ? `${path}?${query}` : path;
}

export function useCase(id: string, ask: CaseAsk = {}) {
  return useHeldResource<CaseDetail>(askingPath(`/api/v1/cases/${encodeURIComponent(id)}`, ask));
}
