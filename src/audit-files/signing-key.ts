// The SM2 key (GB/T 32918) that signs the audit chain's checkpoints. It is created on first
// use in the key directory (audit-file-locations.ts) and never enters the database or
// the audit log: the database is what the checkpoints guard against.
//
// Signatures are made by sm-crypto-v2, not node:crypto: Node signs with an SM2-curve key
// it generated as ECDSA, and with the same key read back from PEM as SM2 with an empty
// distinguishing identifier (nodejs/node#53761), so a signature would depend on how the
// key was loaded and on the OpenSSL version. sm-crypto-v2 signs per GB/T 32918.2 with SM3
// and the standard default identifier 1234567812345678 (GM/T 0009), verifiable by hand:
//   openssl pkeyutl -verify -pubin -inkey audit-signing-key.pub.pem -rawin -digest sm3 \
//     -pkeyopt distid:1234567812345678 -in payload -sigfile signature.der

import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { sm2 as Sm2Module } from 'sm-crypto-v2';
import { writeNewFileSynced } from './durable-file.ts';

/** Loaded on first use: every command imports this module, few sign or verify. */
type Sm2 = typeof Sm2Module;
const loadSm2 = async (): Promise<Sm2> => (await import('sm-crypto-v2')).sm2;

export const KEY_FILE = 'audit-signing-key.json';
export const PUBLIC_KEY_FILE = 'audit-signing-key.pub.pem';
const KEY_FORMAT = 'rongcuo.audit-signing-key/1';

/** The DER prefix of an SM2 SubjectPublicKeyInfo (id-ecPublicKey, curve sm2p256v1) before the point. */
const SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex');

export interface VerifyingKey {
  /** The public key: the uncompressed point, hex (04…). */
  readonly publicKey: string;
  /** SM3 of the public key's SubjectPublicKeyInfo (DER), hex: named in each checkpoint. */
  readonly keyId: string;
  /** Whether `signature` (DER, hex) is this key's SM2 signature of the text (UTF-8). */
  verify(text: string, signature: string): boolean;
}

export interface SigningKey extends VerifyingKey {
  /** The SM2 signature (with SM3) of the text (UTF-8), DER, hex. */
  sign(text: string): string;
}

/** An error about the key files, with a Chinese and English message for the CLI and logs. */
export class SigningKeyError extends Error {}

function spkiOf(publicKey: string): Buffer {
  return Buffer.concat([SPKI_PREFIX, Buffer.from(publicKey, 'hex')]);
}

function pemOf(publicKey: string): string {
  const lines =
    spkiOf(publicKey)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

function verifyingKey(sm2: Sm2, publicKey: string): VerifyingKey {
  return {
    publicKey,
    keyId: createHash('sm3').update(spkiOf(publicKey)).digest('hex'),
    verify(text, signature) {
      try {
        return sm2.doVerifySignature(text, signature, publicKey, { der: true, hash: true });
      } catch {
        // A signature that is not DER at all is simply not a valid one.
        return false;
      }
    },
  };
}

function signingKey(sm2: Sm2, privateKey: string, publicKey: string): SigningKey {
  return {
    ...verifyingKey(sm2, publicKey),
    sign: (text) => sm2.doSignature(text, privateKey, { der: true, hash: true, publicKey }),
  };
}

/** Reads the key file; undefined when there is none. */
async function readKeyFile(keyDir: string): Promise<SigningKey | undefined> {
  const file = path.join(keyDir, KEY_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (process.platform !== 'win32' && ((await stat(file)).mode & 0o077) !== 0) {
    throw new SigningKeyError(
      `审计签名密钥 ${file} 可被其他用户读取，请执行 chmod 600 / the audit signing key is readable by others: chmod 600 it`,
    );
  }
  let parsed: { format?: unknown; privateKey?: unknown; publicKey?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    parsed = {};
  }
  const { format, privateKey, publicKey } = parsed;
  const sm2 = await loadSm2();
  if (
    format !== KEY_FORMAT ||
    typeof privateKey !== 'string' ||
    !/^[0-9a-f]{64}$/.test(privateKey) ||
    typeof publicKey !== 'string' ||
    sm2.getPublicKeyFromPrivateKey(privateKey) !== publicKey
  ) {
    throw new SigningKeyError(
      `审计签名密钥文件 ${file} 已损坏 / the audit signing key file is damaged`,
    );
  }
  return signingKey(sm2, privateKey, publicKey);
}

/**
 * The signing key, created on first use: the key directory with mode 0700, the key file
 * with mode 0600, and its public key as PEM beside it (to verify elsewhere). The file is
 * written under a temporary name and linked into place, so two processes creating it at
 * once end with one key, whole.
 */
export async function loadOrCreateSigningKey(keyDir: string): Promise<SigningKey> {
  const key = (await readKeyFile(keyDir)) ?? (await createKeyFile(keyDir));
  const publicFile = path.join(keyDir, PUBLIC_KEY_FILE);
  const pem = pemOf(key.publicKey);
  const written = await readFile(publicFile, 'utf8').catch(() => undefined);
  if (written !== pem) await writeFile(publicFile, pem, { mode: 0o644 });
  return key;
}

async function createKeyFile(keyDir: string): Promise<SigningKey> {
  await mkdir(keyDir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = (await loadSm2()).generateKeyPairHex();
  const content = `${JSON.stringify({ format: KEY_FORMAT, algorithm: 'SM2', privateKey, publicKey })}\n`;
  const temporary = path.join(keyDir, `.${KEY_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  await writeNewFileSynced(temporary, content, 0o600);
  try {
    await link(temporary, path.join(keyDir, KEY_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
  // Whichever process linked first, its key is the one.
  const key = await readKeyFile(keyDir);
  if (!key)
    throw new SigningKeyError(
      `审计签名密钥未能写入 ${keyDir} / could not write the audit signing key`,
    );
  return key;
}

/**
 * The key that checks checkpoints: from the key file, or, where only the public key was
 * copied (an auditor's machine), from the PEM beside it; undefined when there is neither.
 * Never creates a key: a verification must not make one up.
 */
export async function loadVerifyingKey(keyDir: string): Promise<VerifyingKey | undefined> {
  const key = await readKeyFile(keyDir);
  if (key) return key;
  let pem: string;
  try {
    pem = await readFile(path.join(keyDir, PUBLIC_KEY_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  if (
    der.length !== SPKI_PREFIX.length + 65 ||
    !der.subarray(0, SPKI_PREFIX.length).equals(SPKI_PREFIX)
  ) {
    throw new SigningKeyError(
      `审计签名公钥 ${PUBLIC_KEY_FILE} 不是 SM2 公钥 / the audit public key is not an SM2 key`,
    );
  }
  return verifyingKey(await loadSm2(), der.subarray(SPKI_PREFIX.length).toString('hex'));
}
