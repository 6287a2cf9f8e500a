// Idempotency keys: a repeated request with the same key gets the first one's response.
// A concurrent request with the same key waits on the first one's row until it commits.

import type { Tx } from './transaction.ts';

export type IdempotencyClaim<R> =
  | { readonly fresh: true }
  | { readonly fresh: false; readonly requestHash: string; readonly response: R | null };

/** Claims the key for this request, or reports the request that holds it. */
export async function claimIdempotencyKey<R>(
  tx: Tx,
  userId: string,
  key: string,
  requestHash: string,
): Promise<IdempotencyClaim<R>> {
  const fresh = await tx
    .insertInto('idempotency_keys')
    .values({ user_id: userId, key, request_hash: requestHash })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (fresh) return { fresh: true };
  const earlier = await tx
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'response'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return {
    fresh: false,
    requestHash: earlier.request_hash,
    response: earlier.response as R | null,
  };
}

export async function saveIdempotentResponse(
  tx: Tx,
  userId: string,
  key: string,
  response: unknown,
): Promise<void> {
  await tx
    .updateTable('idempotency_keys')
    .set({ response: JSON.stringify(response) })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}
