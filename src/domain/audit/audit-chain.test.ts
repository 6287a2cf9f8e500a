// The chain with an injected hash. The tests use a small pure FNV-1a based stand-in of
// 64 hex digits (the domain may not import node:crypto); the SM3 adapter is tested where
// it lives.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendToChain,
  canonicalAuditEvent,
  canonicalJson,
  chainHash,
  chainVerifier,
  storableEvent,
  storableJson,
  storableText,
  GENESIS_ANCHOR,
  GENESIS_HASH,
  verifyChain,
  type AuditEvent,
  type ChainedAuditEvent,
} from './audit-chain.ts';

/** Four FNV-1a rounds with different seeds: 64 hex digits, not cryptographic, fine for tests. */
function testHash(text: string): string {
  let out = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0xdeadbeef, 0x12345678]) {
    let h = seed;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out +=
      (h >>> 0).toString(16).padStart(8, '0') +
      (Math.imul(h, 31) >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

type Draft = Omit<AuditEvent, 'seq'>;

function draft(i: number): Draft {
  return {
    at: `2030-09-20T0${i % 10}:00:00.000Z`,
    actorId: i % 3 === 0 ? null : `u-${i}`,
    action: 'case.record_decision',
    entityType: 'case',
    entityId: `case-${i}`,
    data: { conclusion: 'tolerated', members: ['张三', '李四'], n: i },
  };
}

function chain(n: number): ChainedAuditEvent[] {
  const events: ChainedAuditEvent[] = [];
  let head = GENESIS_ANCHOR;
  for (let i = 1; i <= n; i++) {
    const event = appendToChain(head, draft(i), testHash);
    events.push(event);
    head = { seq: event.seq, hash: event.hash };
  }
  return events;
}

describe('canonical form', () => {
  it('sorts keys, drops undefined properties and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: undefined, y: -0.5 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"y":-0.5}}',
    );
    expect(canonicalJson({ 中: 1, a: 2, B: 3 })).toBe('{"B":3,"a":2,"中":1}');
    // As JSON.stringify writes it, so as a jsonb column gives it back.
    expect(canonicalJson([undefined, Number.NaN, new Date(Date.UTC(2030, 8, 20))])).toBe(
      '[null,null,"2030-09-20T00:00:00.000Z"]',
    );
    expect(canonicalJson(undefined)).toBe('null');
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });

  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reordered = JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).reverse())
            : v,
        );
        expect(canonicalJson(reordered)).toBe(canonicalJson(value));
        // And it is JSON that reads back to the same value.
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('covers seq, time, actor, action, entity, data and the previous hash', () => {
    const event: AuditEvent = { seq: 1, ...draft(1) };
    expect(canonicalAuditEvent(event, GENESIS_HASH)).toBe(
      '{"action":"case.record_decision","actorId":"u-1","at":"2030-09-20T01:00:00.000Z",' +
        '"data":{"conclusion":"tolerated","members":["张三","李四"],"n":1},"entityId":"case-1",' +
        `"entityType":"case","prevHash":"${GENESIS_HASH}","seq":1}`,
    );
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
    expect(() => canonicalAuditEvent({ ...event, seq: 0 }, GENESIS_HASH)).toThrow(RangeError);
    expect(() => canonicalAuditEvent({ ...event, at: '2030-09-20 01:00' }, GENESIS_HASH)).toThrow(
      RangeError,
    );
  });

  it('takes the time as a Date or as its ISO string alike', () => {
    const event: AuditEvent = { seq: 1, ...draft(1) };
    const asDate: AuditEvent = { ...event, at: new Date(event.at as string) };
    expect(canonicalAuditEvent(asDate, GENESIS_HASH)).toBe(
      canonicalAuditEvent(event, GENESIS_HASH),
    );
    expect(() => canonicalAuditEvent({ ...event, at: new Date(Number.NaN) }, GENESIS_HASH)).toThrow(
      RangeError,
    );
  });

  it('hashes with the function it is given', () => {
    const event: AuditEvent = { seq: 1, ...draft(1) };
    expect(chainHash(GENESIS_HASH, event, (text) => `len:${text.length}`)).toBe(
      `len:${canonicalAuditEvent(event, GENESIS_HASH).length}`,
    );
  });
});

describe('verifyChain', () => {
  const events = chain(5);

  it('accepts an intact chain and reports its head', () => {
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    expect(events[3]!.prevHash).toBe(events[2]!.hash);
    expect(verifyChain(events, testHash)).toEqual({
      ok: true,
      count: 5,
      head: { seq: 5, hash: events[4]!.hash },
      breaks: [],
    });
    expect(verifyChain([], testHash)).toEqual({
      ok: true,
      count: 0,
      head: GENESIS_ANCHOR,
      breaks: [],
    });
  });

  it('verifies rows as the store gives them back: Date times, jsonb data in its own key order', () => {
    const reread = events.map((e) => ({
      ...e,
      at: new Date(e.at),
      data: Object.fromEntries(
        Object.entries(JSON.parse(JSON.stringify(e.data)) as object).reverse(),
      ),
    }));
    expect(verifyChain(reread, testHash)).toMatchObject({ ok: true, count: 5 });
  });

  it('verifies the rest of a chain from an anchor already verified', () => {
    const anchor = { seq: 2, hash: events[1]!.hash };
    expect(verifyChain(events.slice(2), testHash, anchor)).toMatchObject({ ok: true, count: 3 });
  });

  function tampered(index: number, patch: Partial<ChainedAuditEvent>): ChainedAuditEvent[] {
    return events.map((e, i) => (i === index ? { ...e, ...patch } : e));
  }

  it('finds edited data in a middle row', () => {
    const edited = tampered(2, {
      data: { conclusion: 'not_tolerated', members: ['张三', '李四'], n: 3 },
    });
    expect(verifyChain(edited, testHash)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'hash_mismatch',
    });
    const actor = tampered(2, { actorId: 'u-someone-else' });
    expect(verifyChain(actor, testHash)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'hash_mismatch',
    });
  });

  it('finds an edited row whose hash was recomputed: at the next link', () => {
    const row = events[2]!;
    const data = { ...(row.data as object), n: 99 };
    const canonical = canonicalAuditEvent({ ...row, data }, row.prevHash);
    const edited = tampered(2, { data, canonical, hash: testHash(canonical) });
    expect(verifyChain(edited, testHash)).toMatchObject({
      ok: false,
      brokenAt: 4,
      reason: 'prev_hash_mismatch',
      breaks: [{ seq: 4, reason: 'prev_hash_mismatch' }],
    });
  });

  it('finds a replaced hash', () => {
    expect(verifyChain(tampered(2, { hash: 'f'.repeat(64) }), testHash)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'hash_mismatch',
    });
  });

  it('finds a replaced prev_hash', () => {
    expect(verifyChain(tampered(2, { prevHash: events[0]!.hash }), testHash)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'prev_hash_mismatch',
    });
    expect(verifyChain(tampered(0, { prevHash: 'a'.repeat(64) }), testHash)).toMatchObject({
      ok: false,
      brokenAt: 1,
      reason: 'prev_hash_mismatch',
    });
  });

  it('finds a deleted row, also the first one', () => {
    const deleted = events.filter((e) => e.seq !== 3);
    expect(verifyChain(deleted, testHash)).toEqual({
      ok: false,
      brokenAt: 4,
      reason: 'seq_gap',
      message: '审计记录 4 前缺少 3',
      breaks: [{ seq: 4, reason: 'seq_gap', message: '审计记录 4 前缺少 3' }],
      count: 4,
      head: { seq: 5, hash: events[4]!.hash },
    });
    expect(verifyChain(events.slice(1), testHash)).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'seq_gap',
    });
  });

  it('finds a deleted row even when the seq were renumbered: the link breaks', () => {
    const renumbered = events
      .filter((e) => e.seq !== 3)
      .map((e) => (e.seq > 3 ? { ...e, seq: e.seq - 1 } : e));
    expect(verifyChain(renumbered, testHash)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'prev_hash_mismatch',
    });
  });

  it('reports every break, the first one first, and goes on linking to the stored hashes', () => {
    const twice = tampered(1, { actorId: 'x' }).map((e, i) =>
      i === 3 ? { ...e, actorId: 'y' } : e,
    );
    expect(verifyChain(twice, testHash)).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'hash_mismatch',
      count: 5,
      breaks: [
        { seq: 2, reason: 'hash_mismatch', message: '审计记录 2 的内容与哈希不符' },
        { seq: 4, reason: 'hash_mismatch', message: '审计记录 4 的内容与哈希不符' },
      ],
    });
  });

  it('still finds tampering after a gap, a rewritten link and a malformed row', () => {
    const long = chain(12);
    const row = long[5]!;
    const data = { ...(row.data as object), n: 600 };
    const canonical = canonicalAuditEvent({ ...row, data }, row.prevHash);
    const broken = long
      .filter((e) => e.seq !== 3 && e.seq !== 4) // two rows deleted
      .map((e) => {
        if (e.seq === 6) return { ...e, data, canonical, hash: testHash(canonical) }; // rehashed
        if (e.seq === 9) return { ...e, at: 'yesterday' };
        if (e.seq === 12) return { ...e, entityId: 'case-forged' };
        return e;
      });
    const result = verifyChain(broken, testHash);
    expect(result.breaks.map((b) => [b.seq, b.reason])).toEqual([
      [5, 'seq_gap'],
      [7, 'prev_hash_mismatch'],
      [9, 'malformed'],
      [12, 'hash_mismatch'],
    ]);
    expect(result.breaks[0]!.message).toBe('审计记录 5 前缺少 3–4');
    expect(result).toMatchObject({ ok: false, brokenAt: 5, count: 10, head: { seq: 12 } });
  });

  it('finds a row whose fields were edited but not its stored text, and a stored text edited alone', () => {
    const row = events[1]!;
    expect(verifyChain(tampered(1, { action: 'case.forged' }), testHash).breaks).toEqual([
      { seq: 2, reason: 'hash_mismatch', message: '审计记录 2 的内容与哈希不符' },
    ]);
    const text = row.canonical!.replace('case-2', 'case-9');
    expect(verifyChain(tampered(1, { canonical: text }), testHash).breaks).toMatchObject([
      { seq: 2, reason: 'hash_mismatch' },
    ]);
    // A row from before the text was stored is verified from its fields alone.
    expect(verifyChain(tampered(1, { canonical: null }), testHash).ok).toBe(true);
  });

  it('remembers the stored hash at the watched seqs', () => {
    const verifier = chainVerifier(testHash, { watch: [0, 2, 5, 9] });
    for (const event of tampered(1, { actorId: 'x' })) verifier.push(event);
    expect(verifier.hashAt(0)).toBe(GENESIS_HASH);
    expect(verifier.hashAt(2)).toBe(events[1]!.hash);
    expect(verifier.hashAt(5)).toBe(events[4]!.hash);
    expect(verifier.hashAt(9)).toBeUndefined();
    expect(verifier.hashAt(3)).toBeUndefined(); // not watched
  });

  it('reports a row it cannot put in canonical form', () => {
    expect(verifyChain(tampered(1, { at: 'yesterday' }), testHash)).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'malformed',
    });
  });

  it('finds any single edit of any row (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('action', 'entityId', 'entityType', 'actorId', 'at', 'data'),
        (index, field) => {
          const row = events[index]!;
          const patch: Partial<ChainedAuditEvent> =
            field === 'data'
              ? { data: { ...(row.data as object), extra: true } }
              : field === 'at'
                ? { at: '2031-01-01T00:00:00.000Z' }
                : { [field]: `${String(row[field as keyof AuditEvent])}!` };
          const result = verifyChain(tampered(index, patch), testHash);
          expect(result).toMatchObject({ ok: false, brokenAt: index + 1, reason: 'hash_mismatch' });
        },
      ),
    );
  });
});

describe('what is stored is what is hashed', () => {
  it('makes lone surrogates and NUL storable as U+FFFD, and leaves every other character', () => {
    expect(storableText('a\ud800b')).toBe('a\ufffdb');
    expect(storableText('\udc00')).toBe('\ufffd');
    expect(storableText('x\u0000y\u0000')).toBe('x\ufffdy\ufffd');
    expect(storableText('\ud83d\ude00 😀 中文 \u0001 \ufffd')).toBe('😀 😀 中文 \u0001 \ufffd');
    expect(storableText('\udc00\ud800')).toBe('\ufffd\ufffd'); // reversed halves are no pair
  });

  it('makes data plain JSON with storable strings and keys, a __proto__ key kept as a key', () => {
    const data = JSON.parse('{"__proto__":{"x\\u0000":"\\ud800"},"b":[1,"\\u0000"]}') as object;
    const stored = storableJson({ ...data, at: new Date(Date.UTC(2030, 0, 1)), skip: undefined });
    expect(JSON.stringify(stored)).toBe(
      '{"__proto__":{"x\ufffd":"\ufffd"},"b":[1,"\ufffd"],"at":"2030-01-01T00:00:00.000Z"}',
    );
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(storableJson(undefined)).toBeNull();
    expect(() => storableJson({ n: 1n })).toThrow(TypeError);
  });

  it('appends the storable event, with the text hashed beside it', () => {
    const event = appendToChain(
      GENESIS_ANCHOR,
      { ...draft(1), actorId: 'u\u0000', entityId: '\ud800', data: { name: 'a\udfff' } },
      testHash,
    );
    expect(event).toMatchObject({
      actorId: 'u\ufffd',
      entityId: '\ufffd',
      data: { name: 'a\ufffd' },
    });
    expect(event.canonical).toBe(canonicalAuditEvent(event, GENESIS_HASH));
    expect(event.hash).toBe(testHash(event.canonical));
    expect(event.canonical).not.toMatch(/\\u(0000|d[89a-f])/i);
    expect(storableEvent(draft(2))).toEqual(draft(2));
  });

  /** Any UTF-16 code unit, lone surrogates and NUL included. */
  const anyText = fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  });

  /** What a store does to a row: text through UTF-8, data through JSON in its own key order. */
  function throughStore(event: ChainedAuditEvent): ChainedAuditEvent {
    const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('utf8');
    const reorder = (text: string) =>
      JSON.parse(text, (_k, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).reverse())
          : v,
      ) as unknown;
    return {
      ...event,
      actorId: event.actorId === null ? null : utf8(event.actorId),
      action: utf8(event.action),
      entityType: utf8(event.entityType),
      entityId: utf8(event.entityId),
      data: reorder(utf8(JSON.stringify(event.data))),
      canonical: utf8(event.canonical!),
      at: new Date(event.at),
    };
  }

  it('verifies whatever strings were appended, once they went through a store (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            actorId: fc.option(anyText),
            action: anyText,
            entityId: anyText,
            data: fc.dictionary(anyText, fc.oneof(anyText, fc.double(), fc.array(anyText))),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (drafts) => {
          let head = GENESIS_ANCHOR;
          const stored = drafts.map((d) => {
            const event = appendToChain(head, { ...draft(1), ...d }, testHash);
            head = { seq: event.seq, hash: event.hash };
            return throughStore(event);
          });
          expect(verifyChain(stored, testHash)).toMatchObject({ ok: true, breaks: [] });
        },
      ),
    );
  });
});
