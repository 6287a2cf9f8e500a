// A report as its page holds it (web/src/shared/use-held-resource.ts).

import { useCallback } from 'react';
import type { ReportDetail } from '../../../../src/contract/report.schemas.ts';
import { ApiError } from '@shared/api-client.ts';
import { useHeldResource, type ResourceWrite } from '@shared/use-held-resource.ts';

export type ReportWrite = ResourceWrite<ReportDetail>;

/** The server's words for a version conflict speak of the case; a report's are its own. */
const CONFLICT_TEXT = '举报已被他人修改，页面已刷新，请核对后重试';
/** Likewise a step refused in the report's state (the shared words name 案件). */
const STATE_TEXT = '举报当前状态下不能进行此操作，请刷新页面后核对';

export function useReport(id: string) {
  const held = useHeldResource<ReportDetail>(
    `/api/v1/reports/${encodeURIComponent(id)}`,
    CONFLICT_TEXT,
  );
  const { write: heldWrite } = held;
  const write = useCallback<ReportWrite>(
    (request) =>
      heldWrite(
        request.catch((e: unknown) => {
          if (e instanceof ApiError && e.code === 'INVALID_TRANSITION')
            throw new ApiError(e.status, e.code, STATE_TEXT);
          throw e;
        }),
      ),
    [heldWrite],
  );
  return { ...held, write };
}
