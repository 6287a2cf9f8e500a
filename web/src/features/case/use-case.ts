// The case as a page holds it: loaded in one request, replaced by the answer of every
// write (a write answers with the case as the writer now sees it), and read again only
// when a write was refused as STALE_VERSION, so the page shows what the other person saved.

import { useCallback, useEffect, useState } from 'react';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { ApiError, get } from '@shared/api-client.ts';
import { errorText } from '@shared/error-text.ts';

type WriteResult = { ok: true; detail: CaseDetail } | { ok: false; error: string };

/** Runs a write on the case and keeps its answer; a refusal comes back as text to show. */
export type CaseWrite = (request: Promise<CaseDetail>) => Promise<WriteResult>;

export function useCase(id: string) {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(async () => {
    try {
      setDetail(await get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', '加载失败，请稍后重试'));
    }
  }, [id]);

  useEffect(() => {
    setDetail(null);
    void reload();
  }, [reload]);

  const write = useCallback<CaseWrite>(
    async (request) => {
      try {
        const next = await request;
        setDetail(next);
        return { ok: true, detail: next };
      } catch (e) {
        if (e instanceof ApiError && e.code === 'STALE_VERSION') await reload();
        return { ok: false, error: errorText(e) };
      }
    },
    [reload],
  );

  return { detail, reload, error, write };
}
