// Password hashes: argon2id to store, and a verification that costs the same whether the
// account exists or not, so that neither the answer nor its time tells a name exists.

import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// argon2id with the OWASP-recommended memory and time costs.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, ARGON2);
}

/**
 * A hash no password matches (of random bytes never kept), with the same costs as an
 * account's: a name that is no account is verified against it. Computed once, when the
 * server starts (preparePasswordVerification), so even the first attempt costs the same.
 */
let dummyHash: Promise<string> | undefined;

const dummy = () => (dummyHash ??= hashPassword(randomBytes(32).toString('base64url')));

/** Computes the dummy hash ahead of the first sign-in. */
export async function preparePasswordVerification(): Promise<void> {
  await dummy();
}

/**
 * Whether `password` matches `stored`; with no stored hash (no such account) the password
 * is verified against the dummy hash all the same, and the answer is no.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored !== null) return argon2Verify(stored, password);
  await argon2Verify(await dummy(), password);
  return false;
}
