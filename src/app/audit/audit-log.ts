// The audit log: every state change and every login appends one event in the same
// transaction, chained with SM3 (GB/T 32905) so that any later edit breaks the chain, and
// held to signed checkpoints kept outside the database (audit-checkpoints.ts) so that a
// rewritten or shortened end of the chain shows too.
// The chain is the domain's (audit-chain.ts); the rows are the store's; the events are
// queued in the writer's transaction and chained after it commits (audit-chainer.ts).

import { chainVerifier, storableEvent } from '../../domain/audit/audit-chain.ts';
import type { AuditAction } from '../../domain/audit/audit-actions.ts';
import { maskAuditSecrets } from '../../domain/audit/audit-secrets.ts';
import {
  auditVerdict,
  compareWithCheckpoints,
  keyUnavailable,
  type AuditVerdict,
} from '../../domain/audit/audit-checkpoint.ts';
import type { AuditFileLocations } from '../../audit-files/audit-file-locations.ts';
import { readCheckpoints } from '../../audit-files/checkpoint-files.ts';
import { loadVerifyingKey, SigningKeyError } from '../../audit-files/signing-key.ts';
import { auditEventPages, insertPendingAuditRow } from '../../store/audit.repository.ts';
import { afterCommit, type Db, type Tx } from '../../store/transaction.ts';
import { chainAfterCommit, flushAuditChain } from './audit-chainer.ts';
import { authenticityUnder } from './audit-checkpoints.ts';
import { sm3 } from './audit-hash.ts';
import { currentClientAddress } from './request-origin.ts';

export { sm3 };

export interface AuditEntry {
  readonly actorId: string | null;
  /** Labelled for the auditor: an action without a label does not compile (audit-actions.ts). */
  readonly action: AuditAction;
  readonly entityType: string;
  readonly entityId: string;
  readonly data: Record<string, unknown>;
}

/**
 * Appends one event to the log, in the writer's transaction: it is queued with it, and
 * chained (numbered, linked, hashed) once the transaction has committed, by the chainer
 * (audit-chainer.ts); a rollback leaves nothing. Whatever strings it is given (a lone
 * surrogate, NUL, any key order), what is stored is what is hashed: the domain makes the
 * event storable first (`storableEvent`), and the chained row keeps the text hashed.
 * The values of secret fields (a reporter's identity, a password) are masked first of all
 * (audit-secrets.ts): what is queued, hashed and kept is the masked data.
 */
export async function appendAudit(tx: Tx, entry: AuditEntry, at: Date): Promise<void> {
  const event = storableEvent({
    at,
    // A uuid column gives its value back in lower case: hash it as it will be read.
    actorId: entry.actorId === null ? null : entry.actorId.toLowerCase(),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    // Before anything is stored: a secret that reached the chain could never be taken out.
    data: maskAuditSecrets(entry.data),
    clientAddress: currentClientAddress(),
  });
  await insertPendingAuditRow(tx, {
    at,
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    data: event.data,
    clientAddress: event.clientAddress ?? null,
  });
  afterCommit(tx, 'audit-chain', chainAfterCommit);
}

/**
 * Walks the whole log in order, a page at a time, and reports every broken link; then
 * holds its head to the checkpoints in `files` (none when null): rows missing after the
 * newest authentic checkpoint, rows changed before it, checkpoints that are forged.
 */
export async function verifyAuditLog(
  db: Db,
  files: AuditFileLocations | null = null,
): Promise<AuditVerdict> {
  // Every event committed before now, chained: the walk reads a complete chain.
  await flushAuditChain(db);
  // The checkpoints first: each then records a head the walk below will reach.
  const { checkpoints, unreadable } = files
    ? await readCheckpoints(files.checkpointDir)
    : { checkpoints: [], unreadable: [] };
  const verifier = chainVerifier(sm3, { watch: checkpoints.map((c) => c.seq) });
  for await (const page of auditEventPages(db)) for (const event of page) verifier.push(event);
  const chain = verifier.result();
  if (files === null || checkpoints.length === 0) {
    return auditVerdict(chain, { findings: [], checkpoint: null }, unreadable);
  }
  let key;
  try {
    key = await loadVerifyingKey(files.keyDir);
  } catch (error) {
    // A damaged or exposed key is a finding of the verification, not a failure of it.
    if (!(error instanceof SigningKeyError)) throw error;
    return auditVerdict(chain, keyUnavailable(checkpoints.length, error.message), unreadable);
  }
  const comparison =
    key === undefined
      ? keyUnavailable(checkpoints.length, `${files.keyDir} 中没有密钥`)
      : compareWithCheckpoints(
          { head: chain.head, hashAt: verifier.hashAt },
          checkpoints,
          authenticityUnder(key),
        );
  return auditVerdict(chain, comparison, unreadable);
}
