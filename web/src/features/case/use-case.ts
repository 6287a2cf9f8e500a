// The case as its page holds it (web/src/shared/use-held-resource.ts).

import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { useHeldResource, type ResourceWrite } from '@shared/use-held-resource.ts';

/** Runs a write on the case and keeps its answer; a refusal comes back as text to show. */
export type CaseWrite = ResourceWrite<CaseDetail>;

export function useCase(id: string) {
  return useHeldResource<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`);
}
