// The keys of reporters' identities (第十九条): SM4-CBC with HMAC-SM3 under a key kept
// outside the database. A sealed identity opens only under its key and in its report's
// context, shows when it was changed, and names a missing key clearly; the key file is
// made once on first start, private to its owner, even by several starting together, and
// followed by a running server as `rongcuo keys rotate` rewrites it; a key from the
// environment wins over the file; a key file others can read is refused.

import { chmod, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  IDENTITY_KEY_FILE,
  identityKeyId,
  identityKeyRing,
  IdentityKeyError,
  loadIdentityKeys,
  loadOrCreateIdentityKeys,
  newIdentityKey,
  readIdentityKeyFile,
  writeIdentityKeyFile,
  type IdentityKeyRing,
} from '../src/secret-files/identity-key-ring.ts';
import { makeTempDir } from './support/test-databases.ts';

const IDENTITY = JSON.stringify({
  name: '呼和巴特尔·乌云其其格',
  contact: '13904791234',
  address: '锡林浩特市额尔敦路十七号 😀',
});
const REPORT_ID = '5b0e0a4c-7a47-4c3e-9a61-0d2f4a1b9c11';
const OTHER_REPORT_ID = '0f6d7c2e-3b1a-4f58-8e2d-9c4b7a6e5d30';
const HEX_A = 'a1'.repeat(32);
const HEX_B = '7F'.repeat(32);

const ringOf = (...keys: ReturnType<typeof newIdentityKey>[]): IdentityKeyRing =>
  identityKeyRing(keys, keys[0]!.id, 'file');

/** The sealed value with one of its dot-separated parts replaced. */
function withPart(sealed: string, index: number, change: (part: string) => string): string {
  const parts = sealed.split('.');
  parts[index] = change(parts[index]!);
  return parts.join('.');
}

/** A base64url text with its first character changed to another base64url character. */
const flipped = (part: string) => (part[0] === 'A' ? 'B' : 'A') + part.slice(1);

describe('a sealed identity', () => {
  it('opens to the same Chinese text, and holds none of it in clear', () => {
    const ring = ringOf(newIdentityKey());
    const sealed = ring.seal(IDENTITY, REPORT_ID);
    expect(ring.open(sealed, REPORT_ID)).toBe(IDENTITY);
    expect(ring.keyIdOf(sealed)).toBe(ring.currentKeyId);
    for (const piece of ['呼和巴特尔', '乌云', '13904791234', '额尔敦路', 'name'])
      expect(sealed).not.toContain(piece);
    // A fresh IV each time: the same identity sealed twice does not look the same.
    expect(ring.seal(IDENTITY, REPORT_ID)).not.toBe(sealed);
  });

  it('does not open in another report’s context', () => {
    const ring = ringOf(newIdentityKey());
    const sealed = ring.seal(IDENTITY, REPORT_ID);
    expect(() => ring.open(sealed, OTHER_REPORT_ID)).toThrow(IdentityKeyError);
    expect(() => ring.open(sealed, OTHER_REPORT_ID)).toThrow(/密文校验失败/);
  });

  it('does not open once changed, in any part', () => {
    const ring = ringOf(newIdentityKey());
    const sealed = ring.seal(IDENTITY, REPORT_ID);
    // iv, ciphertext and tag each changed; then the ciphertext cut short.
    for (const index of [3, 4, 5])
      expect(() => ring.open(withPart(sealed, index, flipped), REPORT_ID)).toThrow(/密文校验失败/);
    expect(() =>
      ring.open(
        withPart(sealed, 4, (p) => p.slice(0, -4)),
        REPORT_ID,
      ),
    ).toThrow(IdentityKeyError);
    // Claimed to be under another key of the ring: that key's tag does not match.
    const other = newIdentityKey();
    const both = identityKeyRing([other, newIdentityKey()], other.id, 'file');
    const underOther = both.seal(IDENTITY, REPORT_ID);
    const relabelled = withPart(underOther, 2, () => both.keyIds[1]!);
    expect(() => both.open(relabelled, REPORT_ID)).toThrow(/密文校验失败/);
    expect(() => ring.open('not sealed at all', REPORT_ID)).toThrow(/密文格式不正确/);
  });

  it('names the key it needs when this machine does not hold it', () => {
    const sealing = ringOf(newIdentityKey());
    const sealed = sealing.seal(IDENTITY, REPORT_ID);
    const elsewhere = ringOf(newIdentityKey());
    expect(() => elsewhere.open(sealed, REPORT_ID)).toThrow(IdentityKeyError);
    expect(() => elsewhere.open(sealed, REPORT_ID)).toThrow(
      `举报人身份由密钥 ${sealing.currentKeyId} 加密，本机没有该密钥`,
    );
  });

  it('opens under every key of the ring and seals under the current one only', () => {
    const old = newIdentityKey();
    const current = newIdentityKey();
    const before = ringOf(old).seal(IDENTITY, REPORT_ID);
    const ring = identityKeyRing([old, current], current.id, 'file');
    expect(ring.open(before, REPORT_ID)).toBe(IDENTITY);
    expect(ring.keyIdOf(ring.seal(IDENTITY, REPORT_ID))).toBe(current.id);
    expect(() => identityKeyRing([old], current.id, 'file')).toThrow(/不在密钥环中/);
  });
});

describe('the identity key file', () => {
  it('is created on first start, 0600 in a 0700 directory, and read back after', async () => {
    const keyDir = path.join(await makeTempDir(), 'data', 'keys');
    expect(await loadIdentityKeys(keyDir, {})).toBeUndefined();
    const ring = await loadOrCreateIdentityKeys(keyDir, {});
    expect(ring.source).toBe('file');
    expect((await stat(keyDir)).mode & 0o777).toBe(0o700);
    const file = path.join(keyDir, IDENTITY_KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(keyDir)).toEqual([IDENTITY_KEY_FILE]);
    const sealed = ring.seal(IDENTITY, REPORT_ID);
    const again = await loadOrCreateIdentityKeys(keyDir, {});
    expect(again.currentKeyId).toBe(ring.currentKeyId);
    expect(again.open(sealed, REPORT_ID)).toBe(IDENTITY);
    const content = JSON.parse(await readFile(file, 'utf8')) as { keys: { id: string }[] };
    expect(content.keys.map((k) => k.id)).toEqual([ring.currentKeyId]);
  });

  it('ends with one key when several start at the same time', async () => {
    const keyDir = path.join(await makeTempDir(), 'keys');
    const rings = await Promise.all(
      [1, 2, 3, 4, 5].map(() => loadOrCreateIdentityKeys(keyDir, {})),
    );
    expect(new Set(rings.map((r) => r.currentKeyId)).size).toBe(1);
    const file = await readIdentityKeyFile(keyDir);
    expect(file?.keys.map((k) => k.id)).toEqual([rings[0]!.currentKeyId]);
    // No temporary file is left behind.
    expect(await readdir(keyDir)).toEqual([IDENTITY_KEY_FILE]);
    // What one of them sealed, every other opens.
    const sealed = rings[1]!.seal(IDENTITY, REPORT_ID);
    for (const ring of rings) expect(ring.open(sealed, REPORT_ID)).toBe(IDENTITY);
  });

  it('gives way to RONGCUO_IDENTITY_KEY, which then writes no file', async () => {
    const keyDir = path.join(await makeTempDir(), 'keys');
    const fromFile = await loadOrCreateIdentityKeys(keyDir, {});
    const env = { RONGCUO_IDENTITY_KEY: HEX_A };
    const ring = await loadOrCreateIdentityKeys(keyDir, env);
    expect(ring.source).toBe('environment');
    expect(ring.currentKeyId).toBe(identityKeyId(HEX_A));
    expect(ring.currentKeyId).not.toBe(fromFile.currentKeyId);
    expect(ring.keyIdOf(ring.seal(IDENTITY, REPORT_ID))).toBe(identityKeyId(HEX_A));
    // The environment alone, on an empty directory: nothing is created there.
    const empty = path.join(await makeTempDir(), 'keys');
    await loadOrCreateIdentityKeys(empty, env);
    await expect(stat(empty)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('opens with RONGCUO_IDENTITY_KEY_PREVIOUS what the previous key sealed', async () => {
    const keyDir = path.join(await makeTempDir(), 'keys');
    const previous = await loadIdentityKeys(keyDir, { RONGCUO_IDENTITY_KEY: HEX_B });
    const sealed = previous!.seal(IDENTITY, REPORT_ID);
    const current = await loadIdentityKeys(keyDir, {
      RONGCUO_IDENTITY_KEY: HEX_A,
      RONGCUO_IDENTITY_KEY_PREVIOUS: HEX_B.toLowerCase(),
    });
    expect(current!.open(sealed, REPORT_ID)).toBe(IDENTITY);
    expect(current!.keyIdOf(current!.seal(IDENTITY, REPORT_ID))).toBe(identityKeyId(HEX_A));
    const withoutPrevious = await loadIdentityKeys(keyDir, { RONGCUO_IDENTITY_KEY: HEX_A });
    expect(() => withoutPrevious!.open(sealed, REPORT_ID)).toThrow(/本机没有该密钥/);
    await expect(loadIdentityKeys(keyDir, { RONGCUO_IDENTITY_KEY: 'short' })).rejects.toThrow(
      /RONGCUO_IDENTITY_KEY 应为 64 位十六进制数/,
    );
  });

  it('is followed by a running server as a rotation rewrites it', async () => {
    const keyDir = path.join(await makeTempDir(), 'keys');
    const running = await loadOrCreateIdentityKeys(keyDir, {});
    const old = (await readIdentityKeyFile(keyDir))!.keys[0]!;
    const before = running.seal(IDENTITY, REPORT_ID);
    // Step 1 of a rotation: a new key, current, beside the old one.
    const next = newIdentityKey();
    await writeIdentityKeyFile(keyDir, [old, next], next.id);
    expect(running.currentKeyId).toBe(next.id);
    expect(running.keyIdOf(running.seal(IDENTITY, REPORT_ID))).toBe(next.id);
    expect(running.open(before, REPORT_ID)).toBe(IDENTITY);
    // Step 3: the old key dropped.
    await writeIdentityKeyFile(keyDir, [next], next.id);
    expect(() => running.open(before, REPORT_ID)).toThrow(/本机没有该密钥/);
    const after = running.seal(IDENTITY, REPORT_ID);
    // A damaged or missing file: the last ring still opens, but seals nothing (the key it
    // would seal under may be one the file no longer holds).
    const file = path.join(keyDir, IDENTITY_KEY_FILE);
    await writeFile(file, 'not json');
    expect(() => running.seal(IDENTITY, REPORT_ID)).toThrow(/无法读取，暂不能保存举报人身份/);
    expect(running.open(after, REPORT_ID)).toBe(IDENTITY);
    await rm(file);
    expect(() => running.currentKeyId).toThrow(IdentityKeyError);
    // Put back, it seals again.
    await writeIdentityKeyFile(keyDir, [next], next.id);
    expect(running.keyIdOf(running.seal(IDENTITY, REPORT_ID))).toBe(next.id);
  });

  it('is refused when others can read it, or when it is damaged', async () => {
    const keyDir = path.join(await makeTempDir(), 'keys');
    await loadOrCreateIdentityKeys(keyDir, {});
    const file = path.join(keyDir, IDENTITY_KEY_FILE);
    await chmod(file, 0o644);
    await expect(loadIdentityKeys(keyDir, {})).rejects.toThrow(IdentityKeyError);
    await expect(loadOrCreateIdentityKeys(keyDir, {})).rejects.toThrow(/chmod 600/);
    await chmod(file, 0o600);
    const content = JSON.parse(await readFile(file, 'utf8')) as {
      keys: { secret: string }[];
    };
    content.keys[0]!.secret = 'b'.repeat(64);
    await writeFile(file, JSON.stringify(content));
    await expect(loadOrCreateIdentityKeys(keyDir, {})).rejects.toThrow(/已损坏/);
  });
});
