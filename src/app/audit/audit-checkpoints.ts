// Signed checkpoints of the audit chain's head (src/domain/audit/audit-checkpoint.ts says
// why): written on demand (`rongcuo audit checkpoint`) and by the scheduled job every
// quarter of an hour, into files outside the database, signed with an SM2 key that never
// enters the database or the log. Writing one changes nothing in the database, so it
// appends no audit event: the checkpoint files are their own record, and an event would
// move the head the checkpoint had just recorded.

import {
  checkpointPayload,
  newestFirst,
  planCheckpoint,
  type AuditCheckpoint,
  type CheckpointAuthenticity,
} from '../../domain/audit/audit-checkpoint.ts';
import { GENESIS_ANCHOR, GENESIS_HASH } from '../../domain/audit/audit-chain.ts';
import type { AuditFileLocations } from '../../audit-files/audit-file-locations.ts';
import {
  archiveCheckpoints,
  readCheckpoints,
  writeCheckpoint,
} from '../../audit-files/checkpoint-files.ts';
import { loadOrCreateSigningKey, type VerifyingKey } from '../../audit-files/signing-key.ts';
import { auditHashAt, chainHead } from '../../store/audit.repository.ts';
import type { Db } from '../../store/transaction.ts';
import { flushAuditChain } from './audit-chainer.ts';

/** How each checkpoint checks against a key (no key: none can be checked). */
export function authenticityUnder(
  key: VerifyingKey | undefined,
): (checkpoint: AuditCheckpoint) => CheckpointAuthenticity {
  return (checkpoint) => {
    if (key === undefined || checkpoint.keyId !== key.keyId) return 'unknown_key';
    return key.verify(checkpointPayload(checkpoint), checkpoint.signature)
      ? 'authentic'
      : 'bad_signature';
  };
}

export type CheckpointWrite =
  | { readonly status: 'written'; readonly checkpoint: AuditCheckpoint; readonly file: string }
  | { readonly status: 'unchanged'; readonly checkpoint: AuditCheckpoint }
  | { readonly status: 'refused'; readonly message: string };

/** What the scheduled run did: as above, or failed (logged; the next run comes anyway). */
export type CheckpointJobResult =
  CheckpointWrite | { readonly status: 'failed'; readonly message: string };

/**
 * Signs the chain's present head and writes it, unless the head has not moved since the
 * newest authentic checkpoint, or the chain no longer extends that checkpoint (rows it
 * covered are missing or changed): then signing would bless the change, and it is refused
 * with the reason, until an auditor has looked and set the old checkpoints aside.
 */
export async function writeAuditCheckpoint(
  db: Db,
  files: AuditFileLocations,
  now: Date,
): Promise<CheckpointWrite> {
  // The head signed is that of every event committed before now.
  await flushAuditChain(db);
  const key = await loadOrCreateSigningKey(files.keyDir);
  const authentic = authenticityUnder(key);
  const { checkpoints } = await readCheckpoints(files.checkpointDir);
  const previous = newestFirst(checkpoints).find((c) => authentic(c) === 'authentic');
  const head = (await chainHead(db)) ?? GENESIS_ANCHOR;
  const hashAtPrevious =
    previous === undefined
      ? undefined
      : previous.seq === 0
        ? GENESIS_HASH
        : await auditHashAt(db, previous.seq);
  const plan = planCheckpoint(head, previous, hashAtPrevious, now, key.keyId);
  switch (plan.kind) {
    case 'refused':
      return { status: 'refused', message: plan.message };
    case 'unchanged':
      return { status: 'unchanged', checkpoint: plan.checkpoint };
    case 'write': {
      const checkpoint = { ...plan.content, signature: key.sign(checkpointPayload(plan.content)) };
      return {
        status: 'written',
        checkpoint,
        file: await writeCheckpoint(files.checkpointDir, checkpoint),
      };
    }
  }
}

/**
 * The scheduled run. A refusal or a failure (the key directory not writable, the database
 * away) is logged for the operators and does not stop the job: it is due again in a
 * quarter of an hour, and the other jobs run meanwhile.
 */
export async function runCheckpointJob(
  db: Db,
  files: AuditFileLocations,
  now: Date,
): Promise<CheckpointJobResult> {
  let result: CheckpointJobResult;
  try {
    result = await writeAuditCheckpoint(db, files, now);
  } catch (error) {
    result = { status: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  if (result.status === 'refused' || result.status === 'failed') {
    console.error(`审计检查点未写入 / audit checkpoint not written: ${result.message}`);
  }
  return result;
}

/**
 * Sets the checkpoints aside when the database is deliberately started afresh (`rongcuo
 * demo --reset`): they record the old chain, which is gone on purpose.
 */
export function setCheckpointsAside(files: AuditFileLocations, now: Date): Promise<string | null> {
  return archiveCheckpoints(files.checkpointDir, now);
}
