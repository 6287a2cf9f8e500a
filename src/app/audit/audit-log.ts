// The audit log: every state change and every login appends one event in the same
// transaction, chained with SM3 (GB/T 32905) so that any later edit breaks the chain.
// The chain is the domain's (audit-chain.ts); the rows and the append lock the store's.

import { createHash } from 'node:crypto';
import {
  chainHash,
  GENESIS_HASH,
  verifyChain,
  type AuditEventForHash,
} from '../../domain/audit/audit-chain.ts';
import { allAuditEvents, insertAuditRow, lockChainHead } from '../../store/audit.repository.ts';
import type { Conn, Tx } from '../../store/transaction.ts';

export const sm3 = (text: string): string => createHash('sm3').update(text, 'utf8').digest('hex');

export interface AuditEntry {
  readonly actorId: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly data: Record<string, unknown>;
}

export async function appendAudit(tx: Tx, entry: AuditEntry, at: Date): Promise<void> {
  const last = await lockChainHead(tx);
  const event: AuditEventForHash = {
    seq: Number(last?.seq ?? 0) + 1,
    at,
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    data: entry.data,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await insertAuditRow(tx, {
    ...entry,
    seq: event.seq,
    at,
    prevHash: event.prevHash,
    hash: chainHash(event.prevHash, event, sm3),
  });
}

/** Walks the whole log in order and reports the first broken link, if any. */
export async function verifyAuditLog(db: Conn) {
  return verifyChain(await allAuditEvents(db), sm3);
}
