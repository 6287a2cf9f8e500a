// The audit log: every state change and every login appends one event in the same
// transaction, chained with SM3 (GB/T 32905) so that any later edit breaks the chain, and
// held to signed checkpoints kept outside the database (audit-checkpoints.ts) so that a
// rewritten or shortened end of the chain shows too.
// The chain is the domain's (audit-chain.ts); the rows and the append lock the store's.

import { createHash } from 'node:crypto';
import { appendToChain, chainVerifier, GENESIS_ANCHOR } from '../../domain/audit/audit-chain.ts';
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
import { auditEventPages, insertAuditRow, lockChainHead } from '../../store/audit.repository.ts';
import type { Conn, Tx } from '../../store/transaction.ts';
import { authenticityUnder } from './audit-checkpoints.ts';
import { currentClientAddress } from './request-origin.ts';

export const sm3 = (text: string): string => createHash('sm3').update(text, 'utf8').digest('hex');

export interface AuditEntry {
  readonly actorId: string | null;
  /** Labelled for the auditor: an action without a label does not compile (audit-actions.ts). */
  readonly action: AuditAction;
  readonly entityType: string;
  readonly entityId: string;
  readonly data: Record<string, unknown>;
}

/**
 * Appends one event after the chain's head, under the append lock. Whatever strings it is
 * given (a lone surrogate, NUL, any key order), what is stored is what is hashed: the
 * domain makes the event storable first (`storableEvent`), and the row keeps the text.
 * The values of secret fields (a reporter's identity, a password) are masked first of all
 * (audit-secrets.ts): what is hashed and kept is the masked data.
 */
export async function appendAudit(tx: Tx, entry: AuditEntry, at: Date): Promise<void> {
  const last = await lockChainHead(tx);
  const head = last === undefined ? GENESIS_ANCHOR : { seq: Number(last.seq), hash: last.hash };
  const event = appendToChain(
    head,
    {
      at,
      // A uuid column gives its value back in lower case: hash it as it will be read.
      actorId: entry.actorId === null ? null : entry.actorId.toLowerCase(),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      // Before hashing: a secret that reached the chain could never be taken out again.
      data: maskAuditSecrets(entry.data),
      clientAddress: currentClientAddress(),
    },
    sm3,
  );
  await insertAuditRow(tx, { ...event, at });
}

/**
 * Walks the whole log in order, a page at a time, and reports every broken link; then
 * holds its head to the checkpoints in `files` (none when null): rows missing after the
 * newest authentic checkpoint, rows changed before it, checkpoints that are forged.
 */
export async function verifyAuditLog(
  db: Conn,
  files: AuditFileLocations | null = null,
): Promise<AuditVerdict> {
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
