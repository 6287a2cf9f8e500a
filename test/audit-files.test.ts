// The files outside the database that guard the audit chain: the SM2 signing key (made
// once, kept private, refused when others can read it) and the checkpoint files.

import { chmod, mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFileLocations } from '../src/audit-files/audit-file-locations.ts';
import {
  archiveCheckpoints,
  readCheckpoints,
  writeCheckpoint,
} from '../src/audit-files/checkpoint-files.ts';
import {
  KEY_FILE,
  loadOrCreateSigningKey,
  loadVerifyingKey,
  SigningKeyError,
} from '../src/audit-files/signing-key.ts';
import { checkpointContent, checkpointPayload } from '../src/domain/audit/audit-checkpoint.ts';
import { makeTempDir } from './support/test-databases.ts';

describe('the audit signing key', () => {
  it('is made once, even by several at the same time, private to its owner', async () => {
    const keyDir = path.join(await makeTempDir(), 'keys');
    expect(await loadVerifyingKey(keyDir)).toBeUndefined();
    const keys = await Promise.all([1, 2, 3, 4].map(() => loadOrCreateSigningKey(keyDir)));
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(1);
    expect((await loadOrCreateSigningKey(keyDir)).keyId).toBe(keys[0]!.keyId);
    expect((await stat(keyDir)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(keyDir, KEY_FILE))).mode & 0o777).toBe(0o600);
    expect((await readdir(keyDir)).sort()).toEqual([
      'audit-signing-key.json',
      'audit-signing-key.pub.pem',
    ]);
  });

  it('signs so that only the same text under the same key verifies', async () => {
    const key = await loadOrCreateSigningKey(path.join(await makeTempDir(), 'keys'));
    const other = await loadOrCreateSigningKey(path.join(await makeTempDir(), 'keys'));
    const signature = key.sign('审计检查点 seq 7');
    expect(key.verify('审计检查点 seq 7', signature)).toBe(true);
    expect(key.verify('审计检查点 seq 8', signature)).toBe(false);
    expect(other.verify('审计检查点 seq 7', signature)).toBe(false);
    expect(key.verify('审计检查点 seq 7', 'not a signature')).toBe(false);
    expect(other.keyId).not.toBe(key.keyId);
  });

  it('verifies with the public key alone, where only that was copied', async () => {
    const keyDir = path.join(await makeTempDir(), 'keys');
    const key = await loadOrCreateSigningKey(keyDir);
    const signature = key.sign('text');
    await rename(path.join(keyDir, KEY_FILE), path.join(keyDir, 'elsewhere.json'));
    const publicOnly = await loadVerifyingKey(keyDir);
    expect(publicOnly?.keyId).toBe(key.keyId);
    expect(publicOnly?.verify('text', signature)).toBe(true);
  });

  it('refuses a key file others can read, or one that is damaged', async () => {
    const keyDir = path.join(await makeTempDir(), 'keys');
    await loadOrCreateSigningKey(keyDir);
    const file = path.join(keyDir, KEY_FILE);
    await chmod(file, 0o644);
    await expect(loadOrCreateSigningKey(keyDir)).rejects.toThrow(SigningKeyError);
    await expect(loadVerifyingKey(keyDir)).rejects.toThrow(/chmod 600/);
    await writeFile(file, '{"format":"rongcuo.audit-signing-key/1","privateKey":"00"}', {
      mode: 0o600,
    });
    await chmod(file, 0o600);
    await expect(loadOrCreateSigningKey(keyDir)).rejects.toThrow(/已损坏/);
  });
});

describe('the checkpoint files', () => {
  it('are written whole, read back, and set aside on a reset', async () => {
    const dir = path.join(await makeTempDir(), 'audit-checkpoints');
    expect(await readCheckpoints(dir)).toEqual({ checkpoints: [], unreadable: [] });
    const key = await loadOrCreateSigningKey(path.join(await makeTempDir(), 'keys'));
    const content = checkpointContent({ seq: 3, hash: 'c'.repeat(64) }, new Date(), key.keyId);
    const checkpoint = { ...content, signature: key.sign(checkpointPayload(content)) };
    const file = await writeCheckpoint(dir, checkpoint);
    expect(path.basename(file)).toMatch(/^checkpoint-000000000003-\d{8}T\d{9}Z\.json$/);
    await writeFile(path.join(dir, 'checkpoint-000000000004-20260101T000000000Z.json'), '{');
    await writeFile(path.join(dir, 'notes.txt'), 'not a checkpoint');
    expect(await readCheckpoints(dir)).toEqual({
      checkpoints: [checkpoint],
      unreadable: [
        { name: 'checkpoint-000000000004-20260101T000000000Z.json', problem: '不是 JSON' },
      ],
    });
    const archive = await archiveCheckpoints(dir, new Date('2026-03-01T00:00:00Z'));
    expect(archive).toBe(path.join(dir, 'archived-20260301T000000000Z'));
    expect(await readCheckpoints(dir)).toEqual({ checkpoints: [], unreadable: [] });
    expect(await readdir(archive!)).toHaveLength(2);
    expect(await archiveCheckpoints(dir, new Date())).toBeNull();
  });

  it('live beside the data directory unless the environment says otherwise', async () => {
    const base = await makeTempDir();
    await mkdir(path.join(base, 'pg'));
    expect(auditFileLocations({}, { RONGCUO_DATA_DIR: path.join(base, 'pg') })).toEqual({
      keyDir: path.join(base, 'keys'),
      checkpointDir: path.join(base, 'audit-checkpoints'),
    });
    expect(
      auditFileLocations(
        { dataDir: path.join(base, 'pg') },
        { RONGCUO_KEY_DIR: '/srv/keys', RONGCUO_CHECKPOINT_DIR: '/mnt/worm/rongcuo' },
      ),
    ).toEqual({ keyDir: '/srv/keys', checkpointDir: '/mnt/worm/rongcuo' });
    expect(auditFileLocations({}, {})).toEqual({
      keyDir: path.resolve('data/keys'),
      checkpointDir: path.resolve('data/audit-checkpoints'),
    });
  });
});
