// The audit log as a hash chain: each event's hash covers its content and the previous
// event's hash, so changing, inserting or deleting a row in the middle breaks every link
// after it. The hash function is injected (the adapter passes SM3, GB/T 32905, from
// node:crypto) so that the domain stays pure and the tests can use any function.
//
// The canonical form is JSON with sorted keys and no whitespace (the rules of RFC 8785
// for the values an audit event holds), so the hash does not depend on the key order a
// database (jsonb) or a serializer happens to produce.

/** The `prev_hash` of the first event: 64 zeros, the width of an SM3 (or SHA-256) hex digest. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  /** 1, 2, 3, … with no gap: the adapter takes the last seq + 1 under the append lock. */
  readonly seq: number;
  /** The instant; a string as `Date.prototype.toISOString` writes it (UTC, milliseconds). */
  readonly at: Date | string;
  /** The user who acted; null for the system (jobs, migrations). */
  readonly actorId: string | null;
  /** What happened, e.g. `case.record_decision`, `user.login_failed`. */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  /** Any JSON-serializable value; hashed as JSON.stringify writes it, i.e. as jsonb keeps it. */
  readonly data: unknown;
}

/** An event with the previous event's hash: everything the hash covers. */
export interface AuditEventForHash extends AuditEvent {
  readonly prevHash: string;
}

export interface ChainedAuditEvent extends AuditEventForHash {
  readonly hash: string;
}

/** The hash function, hex digest of a UTF-8 text; SM3 in production. */
export type HashText = (text: string) => string;

/** Where a chain (or the part of it being checked) starts. */
export interface ChainAnchor {
  readonly seq: number;
  readonly hash: string;
}

export const GENESIS_ANCHOR: ChainAnchor = Object.freeze({ seq: 0, hash: GENESIS_HASH });

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Deterministic JSON: the value as JSON.stringify writes it (toJSON applied, undefined
 * properties and functions left out, non-finite numbers as null: what a jsonb column
 * keeps), then written again with object keys sorted by UTF-16 code units and no
 * whitespace. A value JSON.stringify cannot write (undefined alone, a symbol) is `null`.
 *
 * @throws TypeError for what JSON.stringify refuses (a BigInt, a cycle).
 */
export function canonicalJson(value: unknown): string {
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? 'null' : writeSorted(JSON.parse(text) as unknown);
}

/** Writes a value that came out of JSON.parse. */
function writeSorted(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(writeSorted).join(',')}]`;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${writeSorted(object[k])}`).join(',')}}`;
}

/**
 * The text that is hashed for an event: the canonical JSON of {seq, at, actorId, action,
 * entityType, entityId, data, prevHash}, with `at` as an ISO instant.
 *
 * @throws RangeError when seq is not a positive safe integer or `at` not an ISO instant.
 */
export function canonicalAuditEvent(event: AuditEvent, prevHash: string): string {
  if (!Number.isSafeInteger(event.seq) || event.seq < 1) {
    throw new RangeError(`audit seq must be a positive integer: ${event.seq}`);
  }
  // An invalid Date throws RangeError here too.
  const at = event.at instanceof Date ? event.at.toISOString() : event.at;
  if (typeof at !== 'string' || !ISO_INSTANT.test(at)) {
    throw new RangeError(`audit time must be an ISO instant (toISOString): ${String(at)}`);
  }
  return canonicalJson({
    seq: event.seq,
    at,
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    data: event.data,
    prevHash,
  });
}

/** The hash of an event chained after `prevHash` (an event's own `prevHash`, if any, is not read). */
export function chainHash(prevHash: string, event: AuditEvent, hash: HashText): string {
  return hash(canonicalAuditEvent(event, prevHash));
}

/**
 * The event to append after `head` (the last event's seq and hash, or GENESIS_ANCHOR for
 * the first): seq, prev_hash and hash filled in.
 */
export function appendToChain(
  head: ChainAnchor,
  draft: Omit<AuditEvent, 'seq'>,
  hash: HashText,
): ChainedAuditEvent {
  const event: AuditEvent = { ...draft, seq: head.seq + 1 };
  return { ...event, prevHash: head.hash, hash: chainHash(head.hash, event, hash) };
}

export type ChainBreak = 'seq_gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'malformed';

export type ChainVerification =
  | { readonly ok: true; readonly count: number; readonly head: ChainAnchor }
  | {
      readonly ok: false;
      /** The seq of the first row whose link does not hold. */
      readonly brokenAt: number;
      readonly reason: ChainBreak;
      readonly message: string;
    };

/**
 * Checks events in seq order from `anchor` (the whole log by default, or the rest of it
 * after an event already verified) and reports the first broken link:
 *
 * - `seq_gap`: the seq is not the previous one + 1 (a row deleted, or rows out of order);
 * - `prev_hash_mismatch`: the row's prev_hash is not the previous row's hash;
 * - `hash_mismatch`: the row's hash is not the hash of its content (the row was edited);
 * - `malformed`: the row cannot be put in canonical form.
 *
 * A chain cut off at the end still verifies: compare `head` with a copy kept elsewhere.
 */
export function verifyChain(
  events: Iterable<ChainedAuditEvent>,
  hash: HashText,
  anchor: ChainAnchor = GENESIS_ANCHOR,
): ChainVerification {
  let previous = anchor;
  let count = 0;
  for (const event of events) {
    const broken = (reason: ChainBreak, message: string): ChainVerification => ({
      ok: false,
      brokenAt: event.seq,
      reason,
      message,
    });
    if (event.seq !== previous.seq + 1) {
      return broken('seq_gap', `审计记录 ${event.seq} 前缺少 ${previous.seq + 1}`);
    }
    if (event.prevHash !== previous.hash) {
      return broken('prev_hash_mismatch', `审计记录 ${event.seq} 的前序哈希与上一条不符`);
    }
    let expected: string;
    try {
      expected = chainHash(event.prevHash, event, hash);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return broken('malformed', `审计记录 ${event.seq} 格式无效：${detail}`);
    }
    if (event.hash !== expected) {
      return broken('hash_mismatch', `审计记录 ${event.seq} 的内容与哈希不符`);
    }
    previous = { seq: event.seq, hash: event.hash };
    count += 1;
  }
  return { ok: true, count, head: previous };
}
