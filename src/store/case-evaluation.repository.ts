// The engine's live determination on a case as stored when its facts last changed
// (migration 0017). A row answers for the inputs it names; whoever reads it compares them
// with the case's own (case-evaluation.ts in the app) and computes afresh when they differ.

import type { Tx } from './transaction.ts';

/** A stored evaluation with the inputs it was computed from. */
export interface StoredEvaluation {
  readonly policy_id: string;
  readonly policy_version: number;
  readonly policy_digest: string;
  readonly as_of: string;
  readonly facts_key: string;
  readonly determination: unknown;
}

/** Stores a case's evaluation, replacing the one before, in the transaction that changed it. */
export async function saveEvaluation(
  tx: Tx,
  caseId: string,
  e: Omit<StoredEvaluation, 'determination'> & { readonly determination: object },
  at: Date,
): Promise<void> {
  const values = {
    policy_id: e.policy_id,
    policy_version: e.policy_version,
    policy_digest: e.policy_digest,
    as_of: e.as_of,
    facts_key: e.facts_key,
    determination: JSON.stringify(e.determination),
    computed_at: at,
  };
  await tx
    .insertInto('case_evaluations')
    .values({ case_id: caseId, ...values })
    .onConflict((oc) => oc.columns(['case_id', 'tenant_unit_id']).doUpdateSet(values))
    .execute();
}
