// Checkpoints held against a chain, with a stand-in signature (the domain does not sign:
// the SM2 adapter is tested where it lives, test/audit-checkpoints.test.ts).

import { describe, expect, it } from 'vitest';
import { chainVerifier, GENESIS_ANCHOR, GENESIS_HASH, type ChainAnchor } from './audit-chain.ts';
import {
  auditVerdict,
  checkpointContent,
  checkpointPayload,
  compareWithCheckpoints,
  newestFirst,
  parseCheckpoint,
  planCheckpoint,
  type AuditCheckpoint,
  type CheckpointAuthenticity,
} from './audit-checkpoint.ts';

const KEY = 'a'.repeat(64);
const OTHER_KEY = 'b'.repeat(64);
const hashOf = (seq: number) => String(seq % 10).repeat(64);

/** A stand-in signature: the payload reversed; "authentic" when it matches and the key is ours. */
function sign(seq: number, at: string, hash = hashOf(seq), keyId = KEY): AuditCheckpoint {
  const content = checkpointContent({ seq, hash }, new Date(at), keyId);
  return { ...content, signature: Buffer.from(checkpointPayload(content)).toString('hex') };
}
function authenticity(checkpoint: AuditCheckpoint): CheckpointAuthenticity {
  if (checkpoint.keyId !== KEY) return 'unknown_key';
  return checkpoint.signature === Buffer.from(checkpointPayload(checkpoint)).toString('hex')
    ? 'authentic'
    : 'bad_signature';
}

/** A chain whose stored hash at seq n is hashOf(n), up to `head`, with edits. */
function chain(head: number, edited: Record<number, string> = {}) {
  return {
    head: { seq: head, hash: edited[head] ?? (head === 0 ? GENESIS_HASH : hashOf(head)) },
    hashAt: (seq: number) =>
      seq === 0 ? GENESIS_HASH : seq > head ? undefined : (edited[seq] ?? hashOf(seq)),
  };
}

const T1 = '2026-03-02T01:00:00.000Z';
const T2 = '2026-03-02T01:15:00.000Z';
const T3 = '2026-03-02T01:30:00.000Z';

describe('a checkpoint', () => {
  it('signs the canonical text of its five fields, not its signature', () => {
    const checkpoint = sign(7, T1);
    expect(checkpointPayload(checkpoint)).toBe(
      `{"at":"${T1}","format":"rongcuo.audit-checkpoint/1","hash":"${hashOf(7)}","keyId":"${KEY}","seq":7}`,
    );
    expect(checkpointPayload({ ...checkpoint, signature: 'ff' } as AuditCheckpoint)).toBe(
      checkpointPayload(checkpoint),
    );
  });

  it('reads back only in its own shape', () => {
    const checkpoint = sign(7, T1);
    expect(parseCheckpoint(JSON.parse(JSON.stringify(checkpoint)))).toEqual(checkpoint);
    for (const bad of [
      null,
      [],
      { ...checkpoint, format: 'other' },
      { ...checkpoint, seq: -1 },
      { ...checkpoint, seq: '7' },
      { ...checkpoint, hash: 'xyz' },
      { ...checkpoint, keyId: undefined },
      { ...checkpoint, at: 'yesterday' },
      { ...checkpoint, signature: 'not hex' },
    ]) {
      expect(parseCheckpoint(bad)).toHaveProperty('problem');
    }
  });

  it('orders the newest first', () => {
    const list = [sign(3, T1), sign(9, T1), sign(9, T3), sign(5, T2)];
    expect(newestFirst(list).map((c) => [c.seq, c.at])).toEqual([
      [9, T3],
      [9, T1],
      [5, T2],
      [3, T1],
    ]);
  });
});

describe('compareWithCheckpoints', () => {
  it('is content when the chain still has the newest checkpoint’s head, however long since', () => {
    const result = compareWithCheckpoints(chain(20), [sign(5, T1), sign(10, T2)], authenticity);
    expect(result).toEqual({
      findings: [],
      checkpoint: {
        ...checkpointContent({ seq: 10, hash: hashOf(10) }, new Date(T2), KEY),
        matched: true,
      },
    });
    expect(
      compareWithCheckpoints(chain(0), [sign(0, T1, GENESIS_HASH)], authenticity).findings,
    ).toEqual([]);
    expect(compareWithCheckpoints(chain(3), [], authenticity)).toEqual({
      findings: [],
      checkpoint: null,
    });
  });

  it('says which rows are missing when the chain ends before the checkpoint', () => {
    const result = compareWithCheckpoints(chain(7), [sign(5, T1), sign(10, T2)], authenticity);
    expect(result.findings).toEqual([
      {
        seq: 8,
        reason: 'rows_missing',
        message:
          '审计记录 8–10 已缺失：2026-03-02 09:15:00 的签名检查点记录到第 10 条，现存记录只到第 7 条',
      },
    ]);
    expect(result.checkpoint).toMatchObject({ seq: 10, matched: false });
    expect(
      compareWithCheckpoints(chain(9), [sign(10, T2)], authenticity).findings[0]!.message,
    ).toMatch(/^审计记录 10 已缺失/);
  });

  it('says a row was changed, narrowed down by the newest checkpoint that still matches', () => {
    const edited = chain(12, { 8: 'e'.repeat(64), 9: 'f'.repeat(64), 10: 'c'.repeat(64) });
    const checkpoints = [sign(4, T1), sign(7, T1), sign(9, T2), sign(10, T3)];
    expect(compareWithCheckpoints(edited, checkpoints, authenticity).findings).toEqual([
      {
        seq: 9,
        reason: 'rows_changed',
        message:
          '审计记录 8–9 中有记录被改写、替换或删除：第 9 条与 2026-03-02 09:15:00 的签名检查点不符（第 7 条及以前与 2026-03-02 09:00:00 的检查点相符）',
      },
    ]);
    const alone = compareWithCheckpoints(
      chain(10, { 10: 'c'.repeat(64) }),
      [sign(10, T3)],
      authenticity,
    );
    expect(alone.findings[0]!.message).toBe(
      '审计记录 1–10 中有记录被改写、替换或删除：第 10 条与 2026-03-02 09:30:00 的签名检查点不符（没有更早的相符检查点）',
    );
  });

  it('reports rows missing and rows changed together', () => {
    const result = compareWithCheckpoints(
      chain(6, { 6: 'd'.repeat(64) }),
      [sign(3, T1), sign(6, T2), sign(9, T3)],
      authenticity,
    );
    expect(result.findings.map((f) => [f.seq, f.reason])).toEqual([
      [7, 'rows_missing'],
      [6, 'rows_changed'],
    ]);
  });

  it('reports a forged or foreign checkpoint and holds the chain to the newest authentic one', () => {
    const forged = { ...sign(30, T3), signature: 'ab' };
    const foreign = sign(25, T3, hashOf(25), OTHER_KEY);
    const result = compareWithCheckpoints(chain(20), [sign(10, T1), forged, foreign], authenticity);
    expect(result.findings).toEqual([
      {
        seq: 30,
        reason: 'checkpoint_forged',
        message: '2026-03-02 09:30:00 的检查点（第 30 条）签名无效，可能被伪造',
      },
      {
        seq: 25,
        reason: 'checkpoint_unknown_key',
        message: '2026-03-02 09:30:00 的检查点（第 25 条）不是由当前签名密钥签署的，无法核验',
      },
    ]);
    expect(result.checkpoint).toMatchObject({ seq: 10, matched: true });
    // A forged checkpoint that "moves the head back" is not believed either.
    const shorter = { ...sign(30, T3), seq: 20, hash: hashOf(20) };
    expect(
      compareWithCheckpoints(chain(20), [sign(25, T2), shorter], authenticity).findings.map(
        (f) => f.reason,
      ),
    ).toEqual(['rows_missing', 'checkpoint_forged']);
  });

  it('stops at the first match: older checkpoints are not checked', () => {
    const seen: number[] = [];
    const counting = (c: AuditCheckpoint) => (seen.push(c.seq), authenticity(c));
    compareWithCheckpoints(
      chain(20),
      [sign(1, T1), sign(5, T1), sign(10, T1), sign(15, T1)],
      counting,
    );
    expect(seen).toEqual([15]);
  });

  it('works on the hashes a chain verifier remembered', () => {
    const verifier = chainVerifier((t) => t, { watch: [2] });
    const head: ChainAnchor = { seq: 2, hash: 'h2' };
    const result = compareWithCheckpoints(
      { head, hashAt: verifier.hashAt },
      [sign(2, T1, 'h2'.padEnd(64, '0'))],
      authenticity,
    );
    expect(result.findings.map((f) => f.reason)).toEqual(['rows_changed']);
  });
});

describe('planCheckpoint', () => {
  const now = new Date(T3);

  it('writes the first checkpoint, and one whenever the head has moved on from the last', () => {
    expect(planCheckpoint(GENESIS_ANCHOR, undefined, undefined, now, KEY)).toEqual({
      kind: 'write',
      content: checkpointContent(GENESIS_ANCHOR, now, KEY),
    });
    const previous = sign(5, T1);
    expect(
      planCheckpoint({ seq: 9, hash: hashOf(9) }, previous, hashOf(5), now, KEY),
    ).toMatchObject({
      kind: 'write',
      content: { seq: 9, hash: hashOf(9), at: T3, keyId: KEY },
    });
  });

  it('writes nothing while the head has not moved', () => {
    const previous = sign(5, T1);
    expect(planCheckpoint({ seq: 5, hash: hashOf(5) }, previous, hashOf(5), now, KEY)).toEqual({
      kind: 'unchanged',
      checkpoint: previous,
    });
  });

  it('refuses to sign a chain that no longer extends the last checkpoint', () => {
    const previous = sign(5, T1);
    expect(planCheckpoint({ seq: 3, hash: hashOf(3) }, previous, undefined, now, KEY)).toEqual({
      kind: 'refused',
      message:
        '审计记录 4–5 已缺失（2026-03-02 09:00:00 的签名检查点记录到第 5 条），不写入新的检查点',
    });
    expect(planCheckpoint({ seq: 8, hash: hashOf(8) }, previous, 'e'.repeat(64), now, KEY)).toEqual(
      {
        kind: 'refused',
        message: '审计记录 5 与 2026-03-02 09:00:00 的签名检查点不符，不写入新的检查点',
      },
    );
  });
});

describe('auditVerdict', () => {
  const verifier = chainVerifier((t) => t);
  const intact = verifier.result();

  it('is ok with no break and no finding', () => {
    expect(auditVerdict(intact, { findings: [], checkpoint: null })).toEqual({
      ok: true,
      count: 0,
      head: GENESIS_ANCHOR,
      breaks: [],
      checkpoint: null,
    });
  });

  it('lists the chain’s breaks, then the checkpoints’ findings, then unreadable files', () => {
    const chainResult = {
      count: 3,
      head: { seq: 3, hash: hashOf(3) },
      breaks: [{ seq: 2, reason: 'hash_mismatch' as const, message: 'm2' }],
    };
    const verdict = auditVerdict(
      chainResult,
      { findings: [{ seq: 4, reason: 'rows_missing', message: 'm4' }], checkpoint: null },
      [{ name: 'checkpoint-1-x.json', problem: '不是 JSON' }],
    );
    expect(verdict).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'hash_mismatch',
      message: 'm2',
    });
    expect(verdict.breaks.map((b) => [b.seq, b.reason])).toEqual([
      [2, 'hash_mismatch'],
      [4, 'rows_missing'],
      [null, 'checkpoint_unreadable'],
    ]);
    const fileOnly = auditVerdict(intact, { findings: [], checkpoint: null }, [
      { name: 'c.json', problem: 'p' },
    ]);
    expect(fileOnly).toMatchObject({ ok: false, reason: 'checkpoint_unreadable' });
    expect(fileOnly).not.toHaveProperty('brokenAt');
  });
});
