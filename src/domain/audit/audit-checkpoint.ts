// Signed checkpoints of the audit chain's head. The chain alone cannot show that its end
// was rewritten: edit the last row and recompute its hash, or delete the last rows, and
// every remaining link still holds. A checkpoint records the head (seq and hash) at a
// moment, signed (SM2) with a key kept outside the database and written outside it, so
// whoever can change the database can neither change the checkpoint nor make a new one.
//
// Here: the checkpoint's content, the text that is signed, and the comparison of a chain
// with its checkpoints. The key, the signature and the files are the adapter's
// (src/audit-files/); the signature check is passed in as a function.

import { canonicalJson, type ChainAnchor, type ChainBreak } from './audit-chain.ts';

export const CHECKPOINT_FORMAT = 'rongcuo.audit-checkpoint/1';

/** What a checkpoint states, and what its signature covers. */
export interface CheckpointContent {
  readonly format: typeof CHECKPOINT_FORMAT;
  /** The seq of the chain's last row (0 for an empty chain). */
  readonly seq: number;
  /** That row's hash (the genesis hash for an empty chain). */
  readonly hash: string;
  /** When it was taken: an ISO instant (toISOString). */
  readonly at: string;
  /** The fingerprint of the public key that signs it (SM3 of the key's SubjectPublicKeyInfo, hex). */
  readonly keyId: string;
}

export interface AuditCheckpoint extends CheckpointContent {
  /** The SM2 signature of `checkpointPayload(content)`, DER, hex. */
  readonly signature: string;
}

const HEX64 = /^[0-9a-f]{64}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function checkpointContent(head: ChainAnchor, at: Date, keyId: string): CheckpointContent {
  return { format: CHECKPOINT_FORMAT, seq: head.seq, hash: head.hash, at: at.toISOString(), keyId };
}

/** The exact text that is signed: the canonical JSON of the content's five fields. */
export function checkpointPayload(content: CheckpointContent): string {
  const { format, seq, hash, at, keyId } = content;
  return canonicalJson({ format, seq, hash, at, keyId });
}

/** A checkpoint read back from JSON, or what is wrong with it (in Chinese). */
export function parseCheckpoint(value: unknown): AuditCheckpoint | { readonly problem: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { problem: '不是 JSON 对象' };
  }
  const v = value as Record<string, unknown>;
  if (v.format !== CHECKPOINT_FORMAT) return { problem: `格式不是 ${CHECKPOINT_FORMAT}` };
  if (typeof v.seq !== 'number' || !Number.isSafeInteger(v.seq) || v.seq < 0) {
    return { problem: '序号无效' };
  }
  for (const key of ['hash', 'keyId'] as const) {
    if (typeof v[key] !== 'string' || !HEX64.test(v[key])) return { problem: `${key} 无效` };
  }
  if (typeof v.at !== 'string' || !ISO_INSTANT.test(v.at)) return { problem: '时间无效' };
  if (typeof v.signature !== 'string' || !/^[0-9a-f]+$/.test(v.signature)) {
    return { problem: '签名无效' };
  }
  return {
    format: CHECKPOINT_FORMAT,
    seq: v.seq,
    hash: v.hash as string,
    at: v.at,
    keyId: v.keyId as string,
    signature: v.signature,
  };
}

/** Newest first: the higher seq, then the later time. */
export function newestFirst(checkpoints: readonly AuditCheckpoint[]): AuditCheckpoint[] {
  return [...checkpoints].sort((a, b) => b.seq - a.seq || b.at.localeCompare(a.at));
}

/** How a checkpoint's signature checks against the key the verifier trusts. */
export type CheckpointAuthenticity = 'authentic' | 'bad_signature' | 'unknown_key';

/** China time, to the second, for messages: "2026-03-02 09:00:00". */
function chinaTime(iso: string): string {
  const t = Date.parse(iso);
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function rowRange(from: number, to: number): string {
  return from === to ? `${from}` : `${from}–${to}`;
}

/** What to write now, given the head and the newest authentic checkpoint. */
export type CheckpointPlan =
  | { readonly kind: 'write'; readonly content: CheckpointContent }
  | { readonly kind: 'unchanged'; readonly checkpoint: AuditCheckpoint }
  | { readonly kind: 'refused'; readonly message: string };

/**
 * A new checkpoint must extend the newest authentic one: the row at its seq still has its
 * hash. Otherwise signing the present head would bless a rewritten chain, so it is refused
 * until an auditor has looked (and set the old checkpoints aside). Nothing is written when
 * the head has not moved.
 *
 * @param hashAtPrevious the stored hash of the row at `previous.seq` (undefined if none).
 */
export function planCheckpoint(
  head: ChainAnchor,
  previous: AuditCheckpoint | undefined,
  hashAtPrevious: string | undefined,
  at: Date,
  keyId: string,
): CheckpointPlan {
  if (previous !== undefined) {
    const when = chinaTime(previous.at);
    if (head.seq < previous.seq) {
      return {
        kind: 'refused',
        message: `审计记录 ${rowRange(head.seq + 1, previous.seq)} 已缺失（${when} 的签名检查点记录到第 ${previous.seq} 条），不写入新的检查点`,
      };
    }
    if (hashAtPrevious !== previous.hash) {
      return {
        kind: 'refused',
        message: `审计记录 ${previous.seq} 与 ${when} 的签名检查点不符，不写入新的检查点`,
      };
    }
    if (head.seq === previous.seq && head.hash === previous.hash && previous.keyId === keyId) {
      return { kind: 'unchanged', checkpoint: previous };
    }
  }
  return { kind: 'write', content: checkpointContent(head, at, keyId) };
}

/**
 * Why a verification found a problem: the chain's own breaks (audit-chain.ts), then
 * - `rows_missing`: rows the newest authentic checkpoint covered are no longer there;
 * - `rows_changed`: the row at a checkpoint's seq no longer has the hash it was signed with;
 * - `checkpoint_forged`: a checkpoint whose signature does not check;
 * - `checkpoint_unknown_key`: one signed by another key (or no key to check it with);
 * - `checkpoint_unreadable`: a checkpoint file that cannot be read as one.
 */
export const AUDIT_FINDING_REASONS = [
  'seq_gap',
  'prev_hash_mismatch',
  'hash_mismatch',
  'malformed',
  'rows_missing',
  'rows_changed',
  'checkpoint_forged',
  'checkpoint_unknown_key',
  'checkpoint_unreadable',
] as const;
export type AuditFindingReason = (typeof AUDIT_FINDING_REASONS)[number];
// Every break of the chain is a reason here: the build fails if one is left out.
const _everyChainBreak: readonly AuditFindingReason[] = [] as ChainBreak[];

/** One problem found: the row it concerns (null when none), why, and the auditor's message. */
export interface AuditFinding {
  readonly seq: number | null;
  readonly reason: AuditFindingReason;
  readonly message: string;
}

/** The checkpoint the chain was held to: the newest authentic one. */
export interface CheckpointReference extends CheckpointContent {
  /** Whether the chain still has its head: the row at its seq with its hash. */
  readonly matched: boolean;
}

export interface CheckpointComparison {
  readonly findings: readonly AuditFinding[];
  readonly checkpoint: CheckpointReference | null;
}

/**
 * Holds the chain to its checkpoints, newest first. Checkpoints that are not authentic are
 * reported and passed over. The newest authentic one is the reference: rows after the
 * chain's head that it covered are missing; if the row at its seq has another hash, some
 * row up to it was changed, and older checkpoints narrow down where: the walk goes on to
 * the newest one that still matches, and the rows between it and the oldest mismatching
 * one are reported. It stops there, so a long history costs one signature check or few.
 *
 * @param chain the stored head and the stored hash at each checkpoint's seq (seq 0: genesis).
 */
export function compareWithCheckpoints(
  chain: { readonly head: ChainAnchor; hashAt(seq: number): string | undefined },
  checkpoints: readonly AuditCheckpoint[],
  authenticity: (checkpoint: AuditCheckpoint) => CheckpointAuthenticity,
): CheckpointComparison {
  const findings: AuditFinding[] = [];
  let reference: AuditCheckpoint | undefined;
  let matched = false;
  let missingReported = false;
  let oldestMismatch: AuditCheckpoint | undefined;
  let newestMatch: AuditCheckpoint | undefined;
  for (const checkpoint of newestFirst(checkpoints)) {
    const when = chinaTime(checkpoint.at);
    const check = authenticity(checkpoint);
    if (check !== 'authentic') {
      findings.push(
        check === 'bad_signature'
          ? {
              seq: checkpoint.seq,
              reason: 'checkpoint_forged',
              message: `${when} 的检查点（第 ${checkpoint.seq} 条）签名无效，可能被伪造`,
            }
          : {
              seq: checkpoint.seq,
              reason: 'checkpoint_unknown_key',
              message: `${when} 的检查点（第 ${checkpoint.seq} 条）不是由当前签名密钥签署的，无法核验`,
            },
      );
      continue;
    }
    reference ??= checkpoint;
    if (checkpoint.seq > chain.head.seq) {
      if (!missingReported) {
        findings.push({
          seq: chain.head.seq + 1,
          reason: 'rows_missing',
          message: `审计记录 ${rowRange(chain.head.seq + 1, checkpoint.seq)} 已缺失：${when} 的签名检查点记录到第 ${checkpoint.seq} 条，现存记录只到第 ${chain.head.seq} 条`,
        });
        missingReported = true;
      }
      continue;
    }
    if (chain.hashAt(checkpoint.seq) === checkpoint.hash) {
      newestMatch = checkpoint;
      matched = checkpoint === reference;
      break;
    }
    oldestMismatch = checkpoint;
  }
  if (oldestMismatch !== undefined) {
    const from = (newestMatch?.seq ?? 0) + 1;
    const intact =
      newestMatch === undefined
        ? '没有更早的相符检查点'
        : `第 ${newestMatch.seq} 条及以前与 ${chinaTime(newestMatch.at)} 的检查点相符`;
    findings.push({
      seq: oldestMismatch.seq,
      reason: 'rows_changed',
      message: `审计记录 ${rowRange(from, oldestMismatch.seq)} 中有记录被改写、替换或删除：第 ${oldestMismatch.seq} 条与 ${chinaTime(oldestMismatch.at)} 的签名检查点不符（${intact}）`,
    });
  }
  return {
    findings,
    checkpoint:
      reference === undefined
        ? null
        : {
            format: reference.format,
            seq: reference.seq,
            hash: reference.hash,
            at: reference.at,
            keyId: reference.keyId,
            matched,
          },
  };
}

/**
 * When no key can check the checkpoints (the key directory lost, or its key unreadable):
 * one finding for all of them, rather than one per file.
 */
export function keyUnavailable(checkpoints: number, detail: string): CheckpointComparison {
  return {
    findings: [
      {
        seq: null,
        reason: 'checkpoint_unknown_key',
        message: `签名密钥不可用（${detail}），${checkpoints} 个检查点无法核验`,
      },
    ],
    checkpoint: null,
  };
}

/** The whole answer of a verification: the chain's own breaks, then the checkpoints'. */
export interface AuditVerdict {
  readonly ok: boolean;
  /** The rows read. */
  readonly count: number;
  /** The last row read, as stored. */
  readonly head: ChainAnchor;
  /** Every problem, the chain's first (in seq order), then the checkpoints'. */
  readonly breaks: readonly AuditFinding[];
  /** The first problem's row, reason and message (absent when ok). */
  readonly brokenAt?: number;
  readonly reason?: AuditFindingReason;
  readonly message?: string;
  /** The checkpoint the chain was held to; null when there is none. */
  readonly checkpoint: CheckpointReference | null;
}

export function auditVerdict(
  chain: {
    readonly count: number;
    readonly head: ChainAnchor;
    readonly breaks: readonly AuditFinding[];
  },
  comparison: CheckpointComparison,
  unreadable: readonly { readonly name: string; readonly problem: string }[] = [],
): AuditVerdict {
  const breaks: AuditFinding[] = [
    ...chain.breaks,
    ...comparison.findings,
    ...unreadable.map((u): AuditFinding => ({
      seq: null,
      reason: 'checkpoint_unreadable',
      message: `检查点文件 ${u.name} 无法读取：${u.problem}`,
    })),
  ];
  const base = {
    count: chain.count,
    head: chain.head,
    breaks,
    checkpoint: comparison.checkpoint,
  };
  const first = breaks[0];
  if (first === undefined) return { ok: true, ...base };
  const firstRow = breaks.find((b) => b.seq !== null)?.seq;
  return {
    ok: false,
    ...base,
    ...(firstRow === null || firstRow === undefined ? {} : { brokenAt: firstRow }),
    reason: first.reason,
    message: first.message,
  };
}
