// The client's address in the chain (migration 0007): hashed when an event has one, left
// out of the text when it has none, so rows written before verify as they always did.

import { describe, expect, it } from 'vitest';
import {
  appendToChain,
  canonicalAuditEvent,
  GENESIS_ANCHOR,
  verifyChain,
  type ChainedAuditEvent,
} from './audit-chain.ts';

/** Any function of the text serves the chain's tests (the adapter passes SM3). */
const textHash = (text: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(64, '0');
};

const draft = {
  at: new Date(Date.UTC(2026, 2, 1, 6, 5, 9)),
  actorId: null,
  action: 'login',
  entityType: 'user',
  entityId: 'u1',
  data: {},
};

describe('the client address in the audit chain', () => {
  it('writes an event without an address exactly as events were written before', () => {
    const before =
      '{"action":"login","actorId":null,"at":"2026-03-01T06:05:09.000Z","data":{},' +
      '"entityId":"u1","entityType":"user","prevHash":"p","seq":1}';
    expect(canonicalAuditEvent({ ...draft, seq: 1 }, 'p')).toBe(before);
    expect(canonicalAuditEvent({ ...draft, seq: 1, clientAddress: null }, 'p')).toBe(before);
    expect(canonicalAuditEvent({ ...draft, seq: 1, clientAddress: '10.0.0.1' }, 'p')).toContain(
      '"clientAddress":"10.0.0.1"',
    );
  });

  it('verifies a chain of old rows and new, and finds an address changed afterwards', () => {
    const old = appendToChain(GENESIS_ANCHOR, draft, textHash);
    // A row from before migration 0002: no stored text, no address.
    const oldRow: ChainedAuditEvent = { ...old, canonical: null, clientAddress: undefined };
    const next = appendToChain(old, { ...draft, clientAddress: '10.0.0.1' }, textHash);
    expect(verifyChain([oldRow, next], textHash).ok).toBe(true);
    const moved = { ...next, clientAddress: '10.0.0.2' };
    expect(verifyChain([oldRow, moved], textHash)).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'hash_mismatch',
    });
  });
});
