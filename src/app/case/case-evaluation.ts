// The engine's live determination on a case (the facts as they are now, under the case's
// own policy version, on its determination day), stored when the facts change and read
// back instead of computed on every read (migration 0017). A stored one is used only when
// every input it was computed from is the case's now: the same policy version with the
// same text and engine (the digest), the same determination day, the same fact vector.
// Otherwise it is computed, so a read answers the same whether or not one was stored.

import { createHash } from 'node:crypto';
import { determineCase } from '../../domain/case/case-determination.ts';
import type { CaseDetermination } from '../../domain/case/case-view.ts';
import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import type { FactVector } from '../../domain/policy/evaluate.ts';
import { saveEvaluation, type StoredEvaluation } from '../../store/case-evaluation.repository.ts';
import type { CaseRow } from '../../store/schema.ts';
import type { Tx } from '../../store/transaction.ts';
import { determinationDay } from './case-snapshot.ts';

/**
 * The revision of what determineCase writes (evaluate.ts, explain.ts and the labels they
 * quote): raise it with any change to their output, and every stored evaluation is then
 * computed afresh on its next read. case-evaluation.test.ts records the output's digest
 * with the revision, and fails when the output changes and the revision does not.
 */
export const EVALUATION_REVISION = 1;

const digests = new WeakMap<CompiledPolicy, string>();

/** The digest of a policy version's text and of the engine's revision. */
export function policyDigest(policy: CompiledPolicy): string {
  let digest = digests.get(policy);
  if (digest === undefined) {
    digest = createHash('sha256')
      .update(`${EVALUATION_REVISION}\n${JSON.stringify(policy.def)}`)
      .digest('hex');
    digests.set(policy, digest);
  }
  return digest;
}

/** The fact vector as text, one digit per fact (Tri: 0 false, 1 true, 2 unknown). */
export function factsKey(values: FactVector): string {
  return values.join('');
}

/** What the determination day is read from (determinationDay). */
type DatedCase = Pick<CaseRow, 'conduct_date' | 'conduct_end_date'>;

/**
 * The stored evaluation when it was computed from exactly these inputs (`policy` is the
 * case's pinned version); null otherwise.
 */
function storedDetermination(
  stored: StoredEvaluation | null,
  row: DatedCase,
  policy: CompiledPolicy,
  values: FactVector,
): CaseDetermination | null {
  if (
    stored === null ||
    stored.policy_id !== policy.id ||
    stored.policy_version !== policy.version ||
    stored.as_of !== determinationDay(row) ||
    stored.facts_key !== factsKey(values) ||
    stored.policy_digest !== policyDigest(policy)
  )
    return null;
  return stored.determination as CaseDetermination;
}

/** The live determination: the stored one when it holds for these inputs, computed otherwise. */
export function liveDetermination(
  stored: StoredEvaluation | null,
  row: DatedCase,
  policy: CompiledPolicy,
  values: FactVector,
): CaseDetermination {
  return (
    storedDetermination(stored, row, policy, values) ??
    determineCase(policy, values, determinationDay(row))
  );
}

/**
 * Computes and stores the live determination of a case whose facts (or whose determination
 * day or policy version) were just written, in the transaction that wrote them.
 */
export async function storeEvaluation(
  tx: Tx,
  caseId: string,
  row: DatedCase,
  policy: CompiledPolicy,
  values: FactVector,
  at: Date,
): Promise<void> {
  const asOf = determinationDay(row);
  await saveEvaluation(
    tx,
    caseId,
    {
      policy_id: policy.id,
      policy_version: policy.version,
      policy_digest: policyDigest(policy),
      as_of: asOf,
      facts_key: factsKey(values),
      determination: determineCase(policy, values, asOf),
    },
    at,
  );
}
