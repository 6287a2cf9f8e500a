// A correction as its page holds it (web/src/shared/use-held-resource.ts).

import type { CorrectionDetail } from '../../../../src/contract/correction.schemas.ts';
import { useHeldResource, type ResourceWrite } from '@shared/use-held-resource.ts';

/** Runs a write on the correction and keeps its answer; a refusal comes back as text. */
export type CorrectionWrite = ResourceWrite<CorrectionDetail>;

/** The server's words for a version conflict speak of the case; a correction's are its own. */
const CONFLICT_TEXT = '纠错事项已被他人修改，页面已刷新，请核对后重试';

export function useCorrection(id: string) {
  return useHeldResource<CorrectionDetail>(
    `/api/v1/corrections/${encodeURIComponent(id)}`,
    CONFLICT_TEXT,
  );
}
