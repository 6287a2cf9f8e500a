// The audit chain on both databases: whatever strings reach appendAudit, the row stored is
// the row hashed, and it verifies; tampering anywhere is reported row by row, every time.

import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  chainPendingAudit,
  flushAuditChain,
  startAuditChainer,
} from '../src/app/audit/audit-chainer.ts';
import { appendAudit, sm3, verifyAuditLog, type AuditEntry } from '../src/app/audit/audit-log.ts';
// Strange actions on purpose: the chain stores whatever it is given.
import type { AuditAction } from '../src/domain/audit/audit-actions.ts';
import type { Database } from '../src/store/schema.ts';
import { inTransaction } from '../src/store/transaction.ts';
import { tamperWithAudit } from './support/audit-tamper.ts';
import { storeTargets, type TestStore } from './support/test-databases.ts';

/** Data as JSON.parse gives it: a `__proto__` key is an own key, not the prototype. */
const odd = JSON.parse(
  '{"z":1,"a":{"y":[1.0,1e2,1e21,1e-7,-0,5e-324,1.7976931348623157e308,0.30000000000000004],"x":true},' +
    '"":null,"__proto__":{"p":"\\u0000"},"\\ud800key":"\\udc00","emoji":"😀𠮷","ctrl":"\\u0001\\u001f\\u007f\\u2028"}',
) as Record<string, unknown>;

const ODD_ENTRIES: AuditEntry[] = [
  // The login of issue 8: a lone surrogate as the typed name.
  {
    actorId: null,
    action: 'user.login_failed' as AuditAction,
    entityType: 'user',
    entityId: '\ud800',
    data: { username: '\ud800', password: undefined },
  },
  // NUL, which PostgreSQL refuses in text and in jsonb, in every field and key.
  {
    actorId: null,
    action: 'x\u0000y' as AuditAction,
    entityType: 'user\u0000',
    entityId: 'a\u0000b',
    data: { 'k\u0000': 'v\u0000', nested: [{ '\udc00': '\u0000' }] },
  },
  // U+FFFD itself, astral characters, controls; numbers in every form; keys in any order.
  {
    actorId: null,
    action: 'odd.values' as AuditAction,
    entityType: 'test',
    entityId: '\ufffd😀',
    data: odd,
  },
  // A uuid in capitals: the column gives it back in lower case.
  {
    actorId: 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11',
    action: 'actor.capitals' as AuditAction,
    entityType: 'test',
    entityId: 'x'.repeat(100_000),
    data: { at: new Date(Date.UTC(2026, 2, 1)), long: '字'.repeat(50_000) },
  },
];

async function append(db: Kysely<Database>, entry: AuditEntry, at = new Date()): Promise<void> {
  await inTransaction(db, (tx) => appendAudit(tx, entry, at));
}

function entry(n: number): AuditEntry {
  return {
    actorId: null,
    action: 'case.record_decision',
    entityType: 'case',
    entityId: `case-${n}`,
    data: { n, conclusion: 'tolerated' },
  };
}

describe.each(storeTargets())('the audit chain on $name', (target) => {
  let store: TestStore;

  beforeAll(async () => {
    store = await target.open();
    await store.migrate();
  }, 60_000);

  afterAll(async () => {
    await store?.close();
  });

  it('stores exactly what it hashed, whatever the strings, and verifies', async () => {
    for (const e of ODD_ENTRIES) await append(store.db, e);
    const result = await verifyAuditLog(store.db);
    expect(result).toMatchObject({ ok: true, count: ODD_ENTRIES.length, breaks: [] });

    const rows = await store.db
      .selectFrom('audit_events')
      .select(['seq', 'actor_id', 'action', 'entity_id', 'data', 'canonical', 'hash'])
      .orderBy('seq')
      .execute();
    for (const row of rows) {
      expect(row.canonical, `row ${row.seq}`).not.toBeNull();
      expect(sm3(row.canonical!), `row ${row.seq}`).toBe(row.hash);
      expect(row.canonical).not.toMatch(/\\u(0000|d[89a-f][0-9a-f]{2})/i);
    }
    expect(rows[0]).toMatchObject({ entity_id: '\ufffd', data: { username: '\ufffd' } });
    expect(rows[1]).toMatchObject({ action: 'x\ufffdy', entity_id: 'a\ufffdb' });
    expect(rows[1]!.data).toEqual({ 'k\ufffd': 'v\ufffd', nested: [{ '\ufffd': '\ufffd' }] });
    expect(Object.keys(rows[2]!.data as object)).toContain('__proto__');
    expect(rows[3]!.actor_id).toBe('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
  });

  it('reports every tampered row, and goes on after each', async () => {
    const first = (await verifyAuditLog(store.db)).head.seq;
    for (let n = 1; n <= 10; n++) await append(store.db, entry(n));
    const at = (k: number) => first + k;
    await tamperWithAudit(
      store.admin,
      // Two rows edited in the middle, their hashes left as they were.
      `update audit_events set data = '{"n":3,"conclusion":"not_tolerated"}' where seq = ${at(3)}`,
      `update audit_events set action = 'case.forged' where seq = ${at(6)}`,
      // One row deleted further on.
      `delete from audit_events where seq = ${at(8)}`,
    );
    const result = await verifyAuditLog(store.db);
    expect(result.breaks).toEqual([
      { seq: at(3), reason: 'hash_mismatch', message: `审计记录 ${at(3)} 的内容与哈希不符` },
      { seq: at(6), reason: 'hash_mismatch', message: `审计记录 ${at(6)} 的内容与哈希不符` },
      { seq: at(9), reason: 'seq_gap', message: `审计记录 ${at(9)} 前缺少 ${at(8)}` },
    ]);
    expect(result).toMatchObject({ ok: false, brokenAt: at(3), reason: 'hash_mismatch' });
  });
});

// Issue 13: writers queue their events without a lock; one chainer at a time numbers,
// links and hashes them after the writers have committed (src/app/audit/audit-chainer.ts).
describe.each(storeTargets())('the audit chain under concurrent writers on $name', (target) => {
  let store: TestStore;

  beforeAll(async () => {
    store = await target.open();
    await store.migrate();
  }, 60_000);

  afterAll(async () => {
    await store?.close();
  });

  const chained = async (entityType: string) =>
    store.db
      .selectFrom('audit_events')
      .select(['seq', 'entity_id'])
      .where('entity_type', '=', entityType)
      .orderBy('seq')
      .execute();
  const pendingCount = async () =>
    Number(
      (
        await store.db
          .selectFrom('audit_pending')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('chains every committed event of 20 parallel writers once, gapless, and none rolled back', async () => {
    const writers = Array.from({ length: 20 }, (_, n) =>
      inTransaction(store.db, async (tx) => {
        await appendAudit(
          tx,
          { ...entry(n), entityType: 'parallel', entityId: `w-${n}` },
          new Date(),
        );
        // Every third writer fails after queueing its event: nothing of it may remain.
        if (n % 3 === 0) throw new Error(`writer ${n} rolls back`);
      }).then(
        () => true,
        () => false,
      ),
    );
    const committed = await Promise.all(writers);
    // Once every writer has returned, each committed event is chained: none waits.
    expect(await pendingCount()).toBe(0);
    const rows = await chained('parallel');
    const expected = committed.flatMap((ok, n) => (ok ? [`w-${n}`] : []));
    expect(rows.map((r) => r.entity_id).sort()).toEqual([...expected].sort());
    const verdict = await verifyAuditLog(store.db);
    expect(verdict).toMatchObject({ ok: true, breaks: [] });
    const seqs = (
      await store.db.selectFrom('audit_events').select('seq').orderBy('seq').execute()
    ).map((r) => r.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('returns each writer with its event chained while readers of this process flush and its interval runs', async () => {
    // The chainer's other runs in this process hold the lock often: a writer's run must not
    // give up on them (the audit checkpoint job's flush beside a job's commit once did).
    const stop = startAuditChainer(store.db, 1);
    let writing = true;
    const reader = async () => {
      while (writing) await flushAuditChain(store.db);
    };
    const readers = [reader(), reader()];
    try {
      const writers = Array.from({ length: 40 }, async (_, n) => {
        await inTransaction(store.db, (tx) =>
          appendAudit(
            tx,
            { ...entry(n), entityType: 'beside_flush', entityId: `f-${n}` },
            new Date(),
          ),
        );
        return (await chained('beside_flush')).some((r) => r.entity_id === `f-${n}`);
      });
      expect(await Promise.all(writers)).toEqual(Array.from({ length: 40 }, () => true));
    } finally {
      writing = false;
      await Promise.all(readers);
      await stop();
    }
    expect(await verifyAuditLog(store.db)).toMatchObject({ ok: true, breaks: [] });
  });

  it('leaves nothing of a transaction that rolled back', async () => {
    const before = await verifyAuditLog(store.db);
    await expect(
      inTransaction(store.db, async (tx) => {
        await appendAudit(tx, { ...entry(1), entityType: 'rolled_back' }, new Date());
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await pendingCount()).toBe(0);
    expect(await chained('rolled_back')).toEqual([]);
    expect((await verifyAuditLog(store.db)).count).toBe(before.count);
  });

  it('lets two chainers run at once without chaining a row twice', async () => {
    // Queued without the run after commit (a process that stopped right after its commit).
    for (let n = 0; n < 30; n++) {
      await store.db
        .transaction()
        .execute((tx) =>
          appendAudit(tx, { ...entry(n), entityType: 'queued', entityId: `q-${n}` }, new Date()),
        );
    }
    expect(await pendingCount()).toBe(30);
    // A writer's transaction still open holds its event back until it commits.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const open = store.db.transaction().execute(async (tx) => {
      await appendAudit(tx, { ...entry(99), entityType: 'queued', entityId: 'late' }, new Date());
      await held;
    });
    const runs = await Promise.all([
      chainPendingAudit(store.db),
      chainPendingAudit(store.db),
      chainPendingAudit(store.db),
    ]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(30);
    expect((await chained('queued')).map((r) => r.entity_id)).toEqual(
      Array.from({ length: 30 }, (_, n) => `q-${n}`),
    );
    release();
    await open;
    expect(await pendingCount()).toBe(1);
    // A reader of the chain chains what was committed before it reads.
    const verdict = await verifyAuditLog(store.db);
    expect(verdict).toMatchObject({ ok: true, breaks: [] });
    expect((await chained('queued')).at(-1)?.entity_id).toBe('late');
    expect(await pendingCount()).toBe(0);
  });

  it('chains on an interval what a stopped process left queued', async () => {
    await store.db
      .transaction()
      .execute((tx) =>
        appendAudit(tx, { ...entry(7), entityType: 'left', entityId: 'left' }, new Date()),
      );
    expect(await pendingCount()).toBe(1);
    const stop = startAuditChainer(store.db, 20);
    try {
      await vi.waitFor(async () => expect(await pendingCount()).toBe(0), { timeout: 10_000 });
    } finally {
      await stop();
    }
    expect((await chained('left')).map((r) => r.entity_id)).toEqual(['left']);
    expect(await verifyAuditLog(store.db)).toMatchObject({ ok: true, breaks: [] });
  });
});
