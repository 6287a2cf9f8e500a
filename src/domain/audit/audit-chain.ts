// The audit log as a hash chain: each event's hash covers its content and the previous
// event's hash, so changing, inserting or deleting a row in the middle breaks every link
// after it. The hash function is injected (the adapter passes SM3, GB/T 32905, from
// node:crypto) so that the domain stays pure and the tests can use any function.
//
// The canonical form is JSON with sorted keys and no whitespace (the rules of RFC 8785
// for the values an audit event holds), so the hash does not depend on the key order a
// database (jsonb) or a serializer happens to produce.
//
// The hash must cover exactly what is stored. So an event is first made storable (every
// string well-formed and free of NUL, the data a plain JSON value), then that storable
// event is hashed, and the store keeps both its fields and the very text that was hashed
// (`canonical`). Verifying recomputes the text from the stored fields and requires it to be
// the stored text, and the hash to be that text's.

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
  /** Any JSON-serializable value; made storable (`storableJson`) before it is hashed. */
  readonly data: unknown;
  /**
   * The address of the client whose request appended the event (since migration 0007);
   * null or absent for the system's events and for rows written before. Hashed only when
   * present, so that those rows' text is what it was.
   */
  readonly clientAddress?: string | null;
}

/** An event with the previous event's hash: everything the hash covers. */
export interface AuditEventForHash extends AuditEvent {
  readonly prevHash: string;
}

export interface ChainedAuditEvent extends AuditEventForHash {
  readonly hash: string;
  /**
   * The exact text that was hashed, as stored (since migration 0002); null or absent for
   * rows written before, whose text is recomputed from their fields alone.
   */
  readonly canonical?: string | null;
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
 * entityType, entityId, data, prevHash}, with `at` as an ISO instant, and `clientAddress`
 * when the event has one (an event without keeps the text events had before 0007).
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
    ...(event.clientAddress == null ? {} : { clientAddress: event.clientAddress }),
  });
}

/** The hash of an event chained after `prevHash` (an event's own `prevHash`, if any, is not read). */
export function chainHash(prevHash: string, event: AuditEvent, hash: HashText): string {
  return hash(canonicalAuditEvent(event, prevHash));
}

/** What a character the store cannot keep becomes: U+FFFD REPLACEMENT CHARACTER. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

/**
 * A string as the store keeps it. A lone UTF-16 surrogate has no UTF-8 encoding (the
 * driver would send U+FFFD while the hash saw the surrogate), and PostgreSQL refuses NUL
 * in text and in jsonb (the append would fail). Both become U+FFFD here, before hashing,
 * rather than being refused: the routes refuse such input already, and a route that forgot
 * to must still leave a record of what happened, not a 500 and no record. U+FFFD is what
 * Unicode prescribes for a character that cannot be represented, so a reader sees where.
 */
export function storableText(text: string): string {
  // String.prototype.toWellFormed (Node 20) replaces each lone surrogate with U+FFFD; the
  // project's TypeScript lib (ES2023) does not declare it yet.
  const wellFormed = (text as string & { toWellFormed(): string }).toWellFormed();
  return wellFormed.includes('\0')
    ? wellFormed.replaceAll('\0', REPLACEMENT_CHARACTER)
    : wellFormed;
}

/**
 * A value as a jsonb column keeps it and gives it back: what JSON.stringify writes (toJSON
 * applied, undefined properties left out, non-finite numbers null), with every string and
 * every key storable. Keys that become equal (two different lone surrogates) keep the
 * later value. Objects are built as plain data properties, so a key `__proto__` stays a key.
 *
 * @throws TypeError for what JSON.stringify refuses (a BigInt, a cycle).
 */
export function storableJson(value: unknown): unknown {
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? null : storableParsed(JSON.parse(text) as unknown);
}

function storableParsed(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(storableParsed);
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [storableText(k), storableParsed(v)] as const),
  );
}

/** An event's content as it will be stored and hashed: every string storable, the data plain JSON. */
export function storableEvent(event: Omit<AuditEvent, 'seq'>): Omit<AuditEvent, 'seq'> {
  return {
    ...event,
    actorId: event.actorId === null ? null : storableText(event.actorId),
    action: storableText(event.action),
    entityType: storableText(event.entityType),
    entityId: storableText(event.entityId),
    data: storableJson(event.data),
    ...(event.clientAddress == null ? {} : { clientAddress: storableText(event.clientAddress) }),
  };
}

/** An event ready to store: its storable fields, its link, its hash and the text hashed. */
export interface AppendedAuditEvent extends ChainedAuditEvent {
  readonly canonical: string;
}

/**
 * The event to append after `head` (the last event's seq and hash, or GENESIS_ANCHOR for
 * the first): made storable, with seq, prev_hash, the canonical text and its hash.
 */
export function appendToChain(
  head: ChainAnchor,
  draft: Omit<AuditEvent, 'seq'>,
  hash: HashText,
): AppendedAuditEvent {
  const event: AuditEvent = { ...storableEvent(draft), seq: head.seq + 1 };
  const canonical = canonicalAuditEvent(event, head.hash);
  return { ...event, prevHash: head.hash, canonical, hash: hash(canonical) };
}

export type ChainBreak = 'seq_gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'malformed';

/** One broken link: the row's seq, why, and the message an auditor reads. */
export interface ChainBreakAt {
  readonly seq: number;
  readonly reason: ChainBreak;
  readonly message: string;
}

interface ChainState {
  /** The rows read. */
  readonly count: number;
  /** The last row read, as stored (or the anchor when there was none). */
  readonly head: ChainAnchor;
  /** Every break, in seq order; empty when the chain holds. */
  readonly breaks: readonly ChainBreakAt[];
}

export type ChainVerification =
  | (ChainState & { readonly ok: true })
  | (ChainState & {
      readonly ok: false;
      /** The first break's seq, reason and message. */
      readonly brokenAt: number;
      readonly reason: ChainBreak;
      readonly message: string;
    });

/** Checks rows one at a time, so a long log need not be held in memory. */
export interface ChainVerifier {
  push(event: ChainedAuditEvent): void;
  result(): ChainVerification;
  /** The stored hash of a watched seq, as read (seq 0 is the anchor's); undefined if not read. */
  hashAt(seq: number): string | undefined;
}

/**
 * Checks events in seq order from `anchor` (the whole log by default, or the rest of it
 * after an event already verified) and records every break:
 *
 * - `seq_gap`: the seq is not the previous one + 1 (rows deleted, or out of order); the
 *   link to the missing row cannot be checked, so no `prev_hash_mismatch` is added;
 * - `prev_hash_mismatch`: the row's prev_hash is not the previous row's stored hash;
 * - `hash_mismatch`: the row's content is not what was hashed: its fields do not give its
 *   stored canonical text, or its hash is not that text's (the row was edited);
 * - `malformed`: the row's fields cannot be put in canonical form.
 *
 * After a break it goes on, linking each row to the previous row's hash as stored: one
 * edited row is one break, and tampering further on is still found. A row edited with its
 * hash recomputed shows at the next row's link. A chain cut off or rewritten at the end
 * still verifies here: compare it with a signed checkpoint (audit-checkpoint.ts).
 */
export function chainVerifier(
  hash: HashText,
  options: { readonly anchor?: ChainAnchor; readonly watch?: Iterable<number> } = {},
): ChainVerifier {
  const anchor = options.anchor ?? GENESIS_ANCHOR;
  const watched = new Set(options.watch ?? []);
  const seen = new Map<number, string>([[anchor.seq, anchor.hash]]);
  const breaks: ChainBreakAt[] = [];
  let previous = anchor;
  let count = 0;

  const push = (event: ChainedAuditEvent): void => {
    const broken = (reason: ChainBreak, message: string) =>
      breaks.push({ seq: event.seq, reason, message });
    const expectedSeq = previous.seq + 1;
    if (event.seq > expectedSeq) {
      const missing =
        event.seq - 1 === expectedSeq ? `${expectedSeq}` : `${expectedSeq}–${event.seq - 1}`;
      broken('seq_gap', `审计记录 ${event.seq} 前缺少 ${missing}`);
    } else if (event.seq < expectedSeq) {
      broken('seq_gap', `审计记录 ${event.seq} 排在 ${previous.seq} 之后，序号重复或错序`);
    } else if (event.prevHash !== previous.hash) {
      broken('prev_hash_mismatch', `审计记录 ${event.seq} 的前序哈希与上一条不符`);
    }
    let fromFields: string | undefined;
    try {
      fromFields = canonicalAuditEvent(event, event.prevHash);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      broken('malformed', `审计记录 ${event.seq} 格式无效：${detail}`);
    }
    if (fromFields !== undefined) {
      const text = event.canonical ?? fromFields;
      if (text !== fromFields || hash(text) !== event.hash) {
        broken('hash_mismatch', `审计记录 ${event.seq} 的内容与哈希不符`);
      }
    }
    if (watched.has(event.seq)) seen.set(event.seq, event.hash);
    previous = { seq: event.seq, hash: event.hash };
    count += 1;
  };

  const result = (): ChainVerification => {
    const state: ChainState = { count, head: previous, breaks: [...breaks] };
    const first = breaks[0];
    return first === undefined
      ? { ok: true, ...state }
      : { ok: false, ...state, brokenAt: first.seq, reason: first.reason, message: first.message };
  };

  return { push, result, hashAt: (seq) => seen.get(seq) };
}

/** Checks a whole sequence of events at once (see chainVerifier). */
export function verifyChain(
  events: Iterable<ChainedAuditEvent>,
  hash: HashText,
  anchor: ChainAnchor = GENESIS_ANCHOR,
): ChainVerification {
  const verifier = chainVerifier(hash, { anchor });
  for (const event of events) verifier.push(event);
  return verifier.result();
}
