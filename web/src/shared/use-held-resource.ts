// A record as its page holds it (a case, a correction): loaded in one request, replaced by
// the answer of every write (a write answers with the record as the writer now sees it),
// and read again only when a write was refused as STALE_VERSION, so the page shows what
// the other person saved.

import { useCallback, useEffect, useState } from 'react';
import { ApiError, get } from './api-client.ts';
import { errorText } from './error-text.ts';

export type WriteResult<T> = { ok: true; detail: T } | { ok: false; error: string };

/** Runs a write on the record and keeps its answer; a refusal comes back as text to show. */
export type ResourceWrite<T> = (request: Promise<T>) => Promise<WriteResult<T>>;

/**
 * `conflictText` replaces the server's words for a version conflict where they name another
 * kind of record (its message speaks of 案件).
 */
export function useHeldResource<T>(url: string, conflictText?: string) {
  const [detail, setDetail] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(async () => {
    try {
      setDetail(await get<T>(url));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', '加载失败，请稍后重试'));
    }
  }, [url]);

  useEffect(() => {
    setDetail(null);
    void reload();
  }, [reload]);

  const write = useCallback<ResourceWrite<T>>(
    async (request) => {
      try {
        const next = await request;
        setDetail(next);
        return { ok: true, detail: next };
      } catch (e) {
        if (e instanceof ApiError && e.code === 'STALE_VERSION') {
          await reload();
          if (conflictText !== undefined) return { ok: false, error: conflictText };
        }
        return { ok: false, error: errorText(e) };
      }
    },
    [reload, conflictText],
  );

  /** Changes the record in place, after a write that answered with a part of it (a file). */
  const patch = useCallback((change: (d: T) => T) => setDetail((d) => (d ? change(d) : d)), []);

  return { detail, error, write, reload, patch };
}
