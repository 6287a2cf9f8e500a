// One GET kept in a component's state. A reload of the same path keeps showing the old
// answer until the new one arrives, so forms below it do not lose what was typed; a new
// path forgets it at once, unless the caller keeps it (a table paging through results).

import { useCallback, useEffect, useState } from 'react';
import { get } from './api-client.ts';
import { errorText } from './error-text.ts';

interface Fetched<T> {
  path: string | null;
  data: T | null;
  error: string | null;
}

export function useFetch<T>(path: string | null, { keep = false } = {}) {
  const [state, setState] = useState<Fetched<T>>({ path: null, data: null, error: null });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (path === null) return;
    let live = true;
    get<T>(path)
      .then((data) => live && setState({ path, data, error: null }))
      .catch((e: unknown) => live && setState({ path, data: null, error: errorText(e) }));
    return () => {
      live = false;
    };
  }, [path, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  /** Changes the answer in place, after a write that returned its part of it. */
  const update = useCallback(
    (change: (data: T) => T) =>
      setState((s) => (s.data === null ? s : { ...s, data: change(s.data) })),
    [],
  );
  const loading = path !== null && state.path !== path;
  const current = loading && !keep ? { data: null, error: null } : state;
  return { data: current.data, error: current.error, loading, reload, update };
}
