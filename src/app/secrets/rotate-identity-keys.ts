// `rongcuo keys rotate`: every reporter's identity re-sealed under a new key, and the old
// keys dropped, so that a key that may have leaked stops opening anything (第十九条).
//
// With the key file (the default):
//   1. a new key is added to the file and made current (the old ones stay, to open);
//   2. in one transaction, every identity sealed under another key is opened and sealed
//      again under the new one, and one audit event `keys.rotate` records the counts and
//      key ids (never an identity);
//   3. the file is written again with the new key alone.
// Cut short anywhere, the file still holds every key some identity needs: a file with more
// than one key is a rotation under way, and the next run finishes it (no new key then).
// A server still running (DATABASE_URL; the embedded database admits one process) follows
// the file (followingKeyFile) and cannot write a report while step 2 holds its lock; a
// last sweep after step 3 re-seals what it sealed in between under a key it read before
// (with a second `keys.rotate` event, `sweep: true`, only when it found any).
// An identity under a key the file does not hold stops the rotation before step 1.
//
// With RONGCUO_IDENTITY_KEY the keys are the environment's and no file can be rewritten:
// the operator sets the new key in RONGCUO_IDENTITY_KEY and the old one in
// RONGCUO_IDENTITY_KEY_PREVIOUS; the rotation re-seals from the previous to the current
// (step 2), and the operator then removes RONGCUO_IDENTITY_KEY_PREVIOUS (docs/security.md).

import {
  identityKeyRing,
  IdentityKeyError,
  loadIdentityKeys,
  newIdentityKey,
  readIdentityKeyFile,
  writeIdentityKeyFile,
  type IdentityKeyRing,
} from '../../secret-files/identity-key-ring.ts';
import {
  lockReportsForRotation,
  resealIdentity,
  sealedIdentities,
  type SealedIdentityRow,
  underRotationLock,
} from '../../store/reporter-identity.repository.ts';
import { inTransaction, type Db, type Tx } from '../../store/transaction.ts';
import { appendAudit } from '../audit/audit-log.ts';

export interface RotationOutcome {
  readonly source: IdentityKeyRing['source'];
  /** The key every identity is now sealed under. */
  readonly keyId: string;
  /** The keys no identity is sealed under any more (dropped from the file, or PREVIOUS). */
  readonly retiredKeyIds: readonly string[];
  /** Identities re-sealed by this run. */
  readonly resealed: number;
  /** Identities already under the new key (sealed after a cut-short run, say). */
  readonly alreadyCurrent: number;
  /** This run finished a rotation an earlier run began. */
  readonly resumed: boolean;
}

/**
 * The rotation, one at a time per database: a second run while one holds the lock is
 * refused, changing nothing (it would otherwise write its new key over the file the first
 * just rewrote, and drop the key every identity had been re-sealed under). The key file is
 * read under the lock.
 */
export async function rotateIdentityKeys(
  db: Db,
  keyDir: string,
  now: () => Date,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RotationOutcome> {
  const outcome = await underRotationLock(db, () => rotateHeld(db, keyDir, now, env));
  if (!outcome.ran)
    throw new IdentityKeyError(
      '另一次举报人身份密钥轮换正在进行，未作任何更改；请待其结束后再试 / another rotation is running: nothing changed',
    );
  return outcome.value;
}

async function rotateHeld(
  db: Db,
  keyDir: string,
  now: () => Date,
  env: NodeJS.ProcessEnv,
): Promise<RotationOutcome> {
  const ring = await loadIdentityKeys(keyDir, env);
  if (ring?.source === 'environment') return rotateUnderEnvironment(db, ring, now);
  const file = await readIdentityKeyFile(keyDir);
  if (!file)
    throw new IdentityKeyError(
      `${keyDir} 中没有举报人身份密钥文件，无可轮换（服务首次启动时创建）/ no identity key file in ${keyDir}`,
    );
  // Before step 1: an identity no key of the file opens stops the rotation untouched.
  const before = identityKeyRing(file.keys, file.current, 'file');
  refuseUnknownKeys(await sealedIdentities(db), before);
  // Step 1, unless a rotation cut short left its new key current beside the old ones.
  const resumed = file.keys.length > 1;
  let keys = file.keys;
  let current = file.current;
  if (!resumed) {
    const key = newIdentityKey(now());
    keys = [...file.keys, key];
    current = key.id;
    await writeIdentityKeyFile(keyDir, keys, current);
  }
  const rotating = identityKeyRing(keys, current, 'file');
  const retired = keys.map((k) => k.id).filter((id) => id !== current);
  // Step 2.
  const counts = await resealAll(db, rotating, { retired, resumed, sweep: false }, now);
  // Step 3, then the sweep of what a running server sealed under an old key meanwhile.
  await writeIdentityKeyFile(
    keyDir,
    keys.filter((k) => k.id === current),
    current,
  );
  const swept = (await resealAll(db, rotating, { retired, resumed, sweep: true }, now)).resealed;
  return {
    source: 'file',
    keyId: current,
    retiredKeyIds: retired,
    resealed: counts.resealed + swept,
    alreadyCurrent: counts.alreadyCurrent,
    resumed,
  };
}

async function rotateUnderEnvironment(
  db: Db,
  ring: IdentityKeyRing,
  now: () => Date,
): Promise<RotationOutcome> {
  const retired = ring.keyIds.filter((id) => id !== ring.currentKeyId);
  const counts = await resealAll(db, ring, { retired, resumed: false, sweep: false }, now);
  return {
    source: 'environment',
    keyId: ring.currentKeyId,
    retiredKeyIds: retired,
    ...counts,
    resumed: false,
  };
}

/**
 * Step 2 (and the sweep after step 3): in one transaction, every identity not under the
 * ring's current key re-sealed, and the audit event; the sweep's event only when it found
 * something. An identity under a key the ring does not hold fails the whole transaction,
 * naming the key: nothing is changed and no key is dropped.
 */
async function resealAll(
  db: Db,
  ring: IdentityKeyRing,
  run: { readonly retired: readonly string[]; readonly resumed: boolean; readonly sweep: boolean },
  now: () => Date,
) {
  return inTransaction(db, async (tx) => {
    await lockReportsForRotation(tx);
    const { resealed, alreadyCurrent } = await resealRows(tx, ring);
    if (!run.sweep || resealed > 0)
      await appendAudit(
        tx,
        {
          actorId: null,
          action: 'keys.rotate',
          entityType: 'identity_keys',
          entityId: ring.currentKeyId,
          data: {
            source: ring.source,
            keyId: ring.currentKeyId,
            retiredKeyIds: run.retired,
            resealed,
            alreadyCurrent,
            resumed: run.resumed,
            ...(run.sweep ? { sweep: true } : {}),
          },
        },
        now(),
      );
    return { resealed, alreadyCurrent };
  });
}

/** Refuses, naming them, the keys some identity needs and the ring lacks. */
function refuseUnknownKeys(rows: readonly SealedIdentityRow[], ring: IdentityKeyRing): void {
  const unknown = [...new Set(rows.map((r) => ring.keyIdOf(r.reporter_sealed)))].filter(
    (id) => !ring.keyIds.includes(id),
  );
  if (unknown.length > 0)
    throw new IdentityKeyError(
      `有举报人身份由本机没有的密钥加密（${unknown.join('、')}），数据库未作任何更改 / identities sealed under keys this machine does not hold: ${unknown.join(', ')}; nothing in the database was changed`,
    );
}

/**
 * Re-seals, in the transaction, every identity not under the ring's current key, as its
 * sealed text names the key and as its row does (the two agree unless a write raced a
 * rotation). Refuses, before changing anything, when a key the ring lacks is needed.
 */
async function resealRows(tx: Tx, ring: IdentityKeyRing) {
  const rows = await sealedIdentities(tx);
  refuseUnknownKeys(rows, ring);
  const current = ring.currentKeyId;
  const stale = rows.filter(
    (r) => r.reporter_key_id !== current || ring.keyIdOf(r.reporter_sealed) !== current,
  );
  for (const row of stale) {
    // Bound to the report's id as it was sealed (the intake seals with context = id).
    const plain = ring.open(row.reporter_sealed, row.id);
    await resealIdentity(tx, row.id, ring.seal(plain, row.id), current);
  }
  return { resealed: stale.length, alreadyCurrent: rows.length - stale.length };
}
