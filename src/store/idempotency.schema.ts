// Idempotency keys (migration 0001): a repeated write answered with the first one's response.

import type { ColumnType, Generated } from 'kysely';

export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  request_hash: string;
  /** The response replayed for a repeated request; null while the first is in flight. */
  response: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Generated<Date>;
}
