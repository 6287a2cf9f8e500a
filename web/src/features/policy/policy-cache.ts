// A policy version never changes once published, so each is fetched once per page load
// and kept here: the citation links, the interview and the policy browser share it.

import { useEffect, useState } from 'react';
import type { PolicyDetail } from '../../../../src/contract/policy.schemas.ts';
import { get } from '@shared/api-client.ts';
import { errorText } from '@shared/error-text.ts';

export interface PolicyRef {
  id: string;
  version: number;
}

/** 'xilingol-emergency-2024@1': a version as one string, for maps and selects. */
export const policyKey = (p: PolicyRef) => `${p.id}@${p.version}`;

export function policyRef(key: string): PolicyRef {
  const at = key.lastIndexOf('@');
  return { id: key.slice(0, at), version: Number(key.slice(at + 1)) };
}

const versions = new Map<string, Promise<PolicyDetail>>();

function loadPolicy(ref: PolicyRef): Promise<PolicyDetail> {
  const key = policyKey(ref);
  const { id, version } = ref;
  let found = versions.get(key);
  if (!found) {
    found = get<PolicyDetail>(`/api/v1/policies/${encodeURIComponent(id)}?version=${version}`);
    // A failed load is forgotten, so the next click tries again.
    found.catch(() => versions.delete(key));
    versions.set(key, found);
  }
  return found;
}

/** The policy version, once loaded; null while none is asked for. */
export function usePolicy(ref: PolicyRef | null) {
  const key = ref ? policyKey(ref) : null;
  const [state, setState] = useState<{
    key: string | null;
    policy: PolicyDetail | null;
    error: string | null;
  }>({
    key: null,
    policy: null,
    error: null,
  });
  useEffect(() => {
    if (!key) return;
    let live = true;
    loadPolicy(policyRef(key))
      .then((policy) => live && setState({ key, policy, error: null }))
      .catch(
        (e: unknown) =>
          live &&
          setState({ key, policy: null, error: errorText(e, '制度条文加载失败，请稍后再试') }),
      );
    return () => {
      live = false;
    };
  }, [key]);
  return state.key === key
    ? { policy: state.policy, error: state.error }
    : { policy: null, error: null };
}
