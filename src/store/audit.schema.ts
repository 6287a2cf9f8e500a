// The audit chain (migrations 0001, 0002, 0007) and the chainer's queue (0018).

import type { ColumnType, Generated, Selectable } from 'kysely';
import type { JsonWithDefault } from './column-types.ts';

export interface AuditEventTable {
  seq: Generated<number>;
  at: Generated<Date>;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  data: JsonWithDefault;
  prev_hash: string;
  hash: string;
  /** The exact text hashed into `hash`; null for rows written before migration 0002. */
  canonical: string | null;
  /** The client's address of the request that appended it; null for the system and before 0007. */
  client_address: ColumnType<string | null, string | null | undefined, never>;
}

/** An audit event committed but not yet chained (migration 0018): the chainer's queue. */
export interface AuditPendingTable {
  /** The insertion order, which the chainer keeps. */
  id: Generated<number>;
  at: Date;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  data: JsonWithDefault;
  client_address: string | null;
}

export type AuditEventRow = Selectable<AuditEventTable>;
