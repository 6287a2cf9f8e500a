// The keys that keep a reporter's identity secret (第十九条: 举报人的姓名、联系方式和住址).
// The identity is sealed with SM4 (GB/T 32907) in CBC mode and authenticated with
// HMAC-SM3 (encrypt-then-MAC: node:crypto has no SM4-GCM), under a key kept outside the
// database, so that a copy of the database, a backup or an administrator with SQL reads
// ciphertext only.
//
// Where the keys are, first found wins:
//   RONGCUO_IDENTITY_KEY            one key, 64 hex digits (a secret manager's variable);
//                                   RONGCUO_IDENTITY_KEY_PREVIOUS may name the one before it
//   <key dir>/reporter-identity-keys.json
//                                   created on first start (mode 0600 in a 0700 directory),
//                                   beside the audit signing key (audit-file-locations.ts)
//
// A ring holds every key still needed: the current one seals, each opens what it sealed.
// `rongcuo keys rotate` adds a new current key, re-seals every identity under it and then
// drops the old ones; a rotation cut short leaves a ring that still opens everything.
//
// A sealed value names its key and is bound to a context (the report's id), so that a
// value copied onto another row does not open there.

import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { writeNewFileSynced } from '../audit-files/durable-file.ts';

export const IDENTITY_KEY_FILE = 'reporter-identity-keys.json';
const FILE_FORMAT = 'rongcuo.identity-keys/1';
const SEALED_PREFIX = 'sm4cbc-hmacsm3.v1';
const SECRET_HEX = /^[0-9a-f]{64}$/;

/** An error about the identity keys, in Chinese and English for the operator and the CLI. */
export class IdentityKeyError extends Error {}

export interface IdentityKey {
  /** Names the key in every value it sealed; derived from the secret, reveals nothing of it. */
  readonly id: string;
  /** 32 bytes, hex: the SM4 key and the HMAC key are derived from it. */
  readonly secret: string;
  readonly createdAt: string;
}

export interface IdentityKeyRing {
  /** The key that seals. */
  readonly currentKeyId: string;
  readonly keyIds: readonly string[];
  /** Where the keys came from, for messages: the key file, or the environment. */
  readonly source: 'file' | 'environment';
  /** Seals the text under the current key, bound to `context` (e.g. the report's id). */
  seal(plain: string, context: string): string;
  /** Opens a sealed value bound to `context`; IdentityKeyError when it cannot. */
  open(sealed: string, context: string): string;
  /** The key a sealed value names. */
  keyIdOf(sealed: string): string;
}

const b64 = (bytes: Buffer) => bytes.toString('base64url');

function derived(secret: string, purpose: 'sm4' | 'mac'): Buffer {
  return createHmac('sm3', Buffer.from(secret, 'hex'))
    .update(`rongcuo-identity-${purpose}`)
    .digest();
}

export function identityKeyId(secret: string): string {
  return createHash('sm3').update(`rongcuo-identity-key-id:${secret}`).digest('hex').slice(0, 16);
}

export function newIdentityKey(now: Date = new Date()): IdentityKey {
  const secret = randomBytes(32).toString('hex');
  return { id: identityKeyId(secret), secret, createdAt: now.toISOString() };
}

function tagOf(key: IdentityKey, iv: Buffer, ciphertext: Buffer, context: string): Buffer {
  return createHmac('sm3', derived(key.secret, 'mac'))
    .update(`${SEALED_PREFIX}.${key.id}.${b64(iv)}.${b64(ciphertext)}|${context}`)
    .digest();
}

/** A ring over the keys, the first of `keys` with the id `current` sealing. */
export function identityKeyRing(
  keys: readonly IdentityKey[],
  current: string,
  source: IdentityKeyRing['source'],
): IdentityKeyRing {
  const byId = new Map(keys.map((k) => [k.id, k]));
  const sealing = byId.get(current);
  if (!sealing)
    throw new IdentityKeyError(`当前密钥 ${current} 不在密钥环中 / the current key is missing`);
  const parse = (sealed: string) => {
    const parts = sealed.split('.');
    if (parts.length !== 6 || `${parts[0]}.${parts[1]}` !== SEALED_PREFIX)
      throw new IdentityKeyError('密文格式不正确 / not a sealed identity');
    const [, , keyId, iv, ciphertext, tag] = parts as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    return {
      keyId,
      iv: Buffer.from(iv, 'base64url'),
      ciphertext: Buffer.from(ciphertext, 'base64url'),
      tag: Buffer.from(tag, 'base64url'),
    };
  };
  return {
    currentKeyId: sealing.id,
    keyIds: keys.map((k) => k.id),
    source,
    seal(plain, context) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('sm4-cbc', derived(sealing.secret, 'sm4').subarray(0, 16), iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = tagOf(sealing, iv, ciphertext, context);
      return `${SEALED_PREFIX}.${sealing.id}.${b64(iv)}.${b64(ciphertext)}.${b64(tag)}`;
    },
    open(sealed, context) {
      const { keyId, iv, ciphertext, tag } = parse(sealed);
      const key = byId.get(keyId);
      if (!key)
        throw new IdentityKeyError(
          `举报人身份由密钥 ${keyId} 加密，本机没有该密钥 / the identity was sealed under key ${keyId}, which this machine does not hold`,
        );
      const expected = tagOf(key, iv, ciphertext, context);
      if (tag.length !== expected.length || !timingSafeEqual(tag, expected))
        throw new IdentityKeyError(
          '密文校验失败，可能被篡改 / the sealed identity does not verify',
        );
      const decipher = createDecipheriv('sm4-cbc', derived(key.secret, 'sm4').subarray(0, 16), iv);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    },
    keyIdOf: (sealed) => parse(sealed).keyId,
  };
}

function keyFromSecret(secret: string, name: string): IdentityKey {
  const normalized = secret.trim().toLowerCase();
  if (!SECRET_HEX.test(normalized))
    throw new IdentityKeyError(
      `${name} 应为 64 位十六进制数 / ${name} must be 64 hexadecimal digits`,
    );
  return { id: identityKeyId(normalized), secret: normalized, createdAt: '' };
}

function ringFromEnvironment(env: NodeJS.ProcessEnv): IdentityKeyRing | undefined {
  const current = env.RONGCUO_IDENTITY_KEY;
  if (!current) return undefined;
  const key = keyFromSecret(current, 'RONGCUO_IDENTITY_KEY');
  const previous = env.RONGCUO_IDENTITY_KEY_PREVIOUS
    ? [keyFromSecret(env.RONGCUO_IDENTITY_KEY_PREVIOUS, 'RONGCUO_IDENTITY_KEY_PREVIOUS')]
    : [];
  return identityKeyRing([key, ...previous], key.id, 'environment');
}

interface KeyFile {
  readonly format: string;
  readonly current: string;
  readonly keys: readonly IdentityKey[];
}

/** Reads the key file; undefined when there is none. */
export async function readIdentityKeyFile(keyDir: string): Promise<KeyFile | undefined> {
  const file = path.join(keyDir, IDENTITY_KEY_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseKeyFile(file, text, (await stat(file)).mode);
}

/** The key file's content checked: private to its owner, whole, its keys matching their ids. */
function parseKeyFile(file: string, text: string, mode: number): KeyFile {
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw new IdentityKeyError(
      `举报人身份密钥 ${file} 可被其他用户读取，请执行 chmod 600 / the identity key file is readable by others: chmod 600 it`,
    );
  let parsed: Partial<KeyFile>;
  try {
    parsed = JSON.parse(text) as Partial<KeyFile>;
  } catch {
    parsed = {};
  }
  const keys = Array.isArray(parsed.keys) ? parsed.keys : [];
  const whole =
    parsed.format === FILE_FORMAT &&
    typeof parsed.current === 'string' &&
    keys.length > 0 &&
    keys.every(
      (k) =>
        typeof k?.secret === 'string' &&
        SECRET_HEX.test(k.secret) &&
        k.id === identityKeyId(k.secret),
    ) &&
    keys.some((k) => k.id === parsed.current);
  if (!whole)
    throw new IdentityKeyError(
      `举报人身份密钥文件 ${file} 已损坏 / the identity key file is damaged`,
    );
  return { format: FILE_FORMAT, current: parsed.current as string, keys };
}

/**
 * A ring that follows its key file: when `rongcuo keys rotate` rewrites the file while a
 * server runs (possible with DATABASE_URL; the embedded database admits one process), the
 * server's next seal or open reads the new ring, so that it does not go on sealing under
 * a key the rotation is about to drop. A file that went missing or cannot be read (another
 * owner, a damaged copy) keeps the ring last read for opening, but refuses to seal: a new
 * identity sealed under a key the file no longer holds would be lost.
 */
export function followingKeyFile(keyDir: string, initial: IdentityKeyRing): IdentityKeyRing {
  const file = path.join(keyDir, IDENTITY_KEY_FILE);
  let ring = initial;
  let seen = '';
  // Why the file, changed since last read, cannot be read now; null while it can.
  let unreadable: string | null = null;
  const fresh = (): IdentityKeyRing => {
    try {
      const info = statSync(file);
      const stamp = `${info.ino}:${info.size}:${info.mtimeMs}`;
      if (stamp !== seen) {
        const read = parseKeyFile(file, readFileSync(file, 'utf8'), info.mode);
        ring = identityKeyRing(read.keys, read.current, 'file');
        seen = stamp;
      }
      unreadable = null;
    } catch (error) {
      // The ring last read still opens what it sealed; but sealing under it could use a key
      // a rotation has since dropped, so sealing waits until the file can be read again.
      unreadable = error instanceof Error ? error.message : String(error);
    }
    return ring;
  };
  const sealing = (): IdentityKeyRing => {
    const current = fresh();
    if (unreadable !== null)
      throw new IdentityKeyError(
        `举报人身份密钥文件 ${file} 无法读取，暂不能保存举报人身份：${unreadable} / the identity key file cannot be read`,
      );
    return current;
  };
  return {
    get currentKeyId() {
      return sealing().currentKeyId;
    },
    get keyIds() {
      return fresh().keyIds;
    },
    source: 'file',
    seal: (plain, context) => sealing().seal(plain, context),
    open: (sealed, context) => fresh().open(sealed, context),
    keyIdOf: (sealed) => fresh().keyIdOf(sealed),
  };
}

function keyFileText(keys: readonly IdentityKey[], current: string): string {
  const file = { format: FILE_FORMAT, algorithm: 'SM4-CBC + HMAC-SM3', current, keys };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Writes the key file whole: under a temporary name, synced, then renamed over the old one,
 * so that a reader sees the old ring or the new one and never half of either.
 */
export async function writeIdentityKeyFile(
  keyDir: string,
  keys: readonly IdentityKey[],
  current: string,
): Promise<void> {
  await mkdir(keyDir, { recursive: true, mode: 0o700 });
  const content = keyFileText(keys, current);
  const temporary = path.join(
    keyDir,
    `.${IDENTITY_KEY_FILE}.${randomBytes(6).toString('hex')}.tmp`,
  );
  await writeNewFileSynced(temporary, content, 0o600);
  try {
    await rename(temporary, path.join(keyDir, IDENTITY_KEY_FILE));
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
  // The rename is durable only once the directory is synced: a rotation commits identities
  // sealed under the new key next, and a power cut must not bring the old file back.
  await syncDirectory(keyDir);
}

async function syncDirectory(dir: string): Promise<void> {
  const directory = await open(dir, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

/** The ring of the environment, else of the key file as it is now; none when neither exists. */
export async function loadIdentityKeys(
  keyDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<IdentityKeyRing | undefined> {
  const fromEnvironment = ringFromEnvironment(env);
  if (fromEnvironment) return fromEnvironment;
  const file = await readIdentityKeyFile(keyDir);
  return file && identityKeyRing(file.keys, file.current, 'file');
}

/**
 * The ring a server runs with: the environment's, else the key file's, followed as it
 * changes (followingKeyFile), with a key file created on first start when neither the
 * environment nor the key directory has one. The file is written whole under a temporary
 * name and linked into place, which fails when another process linked first: both then
 * read the one file.
 */
export async function loadOrCreateIdentityKeys(
  keyDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<IdentityKeyRing> {
  const existing = await loadIdentityKeys(keyDir, env);
  if (existing) return existing.source === 'file' ? followingKeyFile(keyDir, existing) : existing;
  await mkdir(keyDir, { recursive: true, mode: 0o700 });
  const key = newIdentityKey();
  const temporary = path.join(
    keyDir,
    `.${IDENTITY_KEY_FILE}.${randomBytes(6).toString('hex')}.tmp`,
  );
  await writeNewFileSynced(temporary, keyFileText([key], key.id), 0o600);
  try {
    await link(temporary, path.join(keyDir, IDENTITY_KEY_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
  await syncDirectory(keyDir);
  const ring = await loadIdentityKeys(keyDir, env);
  if (!ring)
    throw new IdentityKeyError(
      `举报人身份密钥未能写入 ${keyDir} / could not write the identity key`,
    );
  return ring.source === 'file' ? followingKeyFile(keyDir, ring) : ring;
}
