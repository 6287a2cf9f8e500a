// A page where an investigator keeps one kind of record on a case (the interview its
// facts, the assessment its findings): the case of the route's id, which record is
// being saved, one save at a time, and the refusal of the last save.

import { useState } from 'react';
import { useParams } from 'react-router';
import type { RecordKind } from '../../../../src/contract/labels.ts';
import { useCase, type CaseAsk } from './use-case.ts';

export function useCaseWork<K extends string>(record: RecordKind, ask: CaseAsk = {}) {
  const { id = '' } = useParams();
  const { detail, error: loadError, reload, write } = useCase(id, ask);
  const [saving, setSaving] = useState<K | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Runs the save of `key` unless one is running; `task` answers what to show as refused. */
  const save = async (key: K, task: () => Promise<string | null>) => {
    if (saving !== null) return;
    setSaving(key);
    setError(null);
    const refusal = await task();
    setSaving(null);
    setError(refusal);
  };

  return {
    detail,
    write,
    saving,
    save,
    /** For CaseLoading, while the case is not there. */
    loading: { error: loadError?.message ?? null, onRetry: () => void reload() },
    /** For CaseWorkPage: what the page records, and the last save's refusal until closed. */
    frame: { record, error, onCloseError: () => setError(null) },
  };
}
