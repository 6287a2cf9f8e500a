// The audit chain's one writer. Writers queue their events (audit_pending, migration
// 0018) in their own transactions, without a lock; the chainer takes the committed ones
// in the order they were written, numbers them after the chain's head, hashes them with
// SM3 (the domain's appendToChain) and moves them into audit_events in one statement.
// One chainer at a time, by a transaction-scoped advisory lock held only for those few
// statements, never across a writer's transaction: so any number of processes (the
// workers of `rongcuo serve --workers N`, several instances on one server) may run it.
//
// It runs right after each transaction that wrote an event has committed (`afterCommit`),
// trying for the lock only: when another process's run holds it, the holder takes the
// rows, or the next run does (the runs of one process go one after another: `laneOf`). It runs on an interval too (`startAuditChainer`), for rows left by a process
// that stopped between its commit and its run. And every reader of the chain (verify,
// checkpoints, the audit log's pages) first waits for it (`flushAuditChain`), so it reads
// the chain with every committed event in it.

import { appendToChain, GENESIS_ANCHOR, type ChainAnchor } from '../../domain/audit/audit-chain.ts';
import {
  hasPendingAudit,
  moveIntoChain,
  readChainWork,
  underChainLock,
} from '../../store/audit.repository.ts';
import type { Db } from '../../store/transaction.ts';
import { sm3 } from './audit-hash.ts';

/** The most rows one statement moves: a burst is chained in a few of them. */
const BATCH = 500;
/** Runs one caller makes back to back at most; under load the next writer's run goes on. */
const MAX_ROUNDS = 20;
/** How long a reader waits for the chainer's lock before it fails. */
const FLUSH_WAIT_MS = 10_000;

type LockMode = { readonly mode: 'try' } | { readonly mode: 'wait'; readonly waitMs: number };

/** One transaction under the lock: up to BATCH rows chained; undefined when the lock was busy. */
async function chainBatch(db: Db, how: LockMode): Promise<number | undefined> {
  return underChainLock(db, how, async (tx) => {
    const { head, pending } = await readChainWork(tx, BATCH);
    if (pending.length === 0) return 0;
    let anchor: ChainAnchor = head ?? GENESIS_ANCHOR;
    const events = pending.map((row) => {
      const event = appendToChain(
        anchor,
        {
          at: row.at,
          actorId: row.actorId,
          action: row.action,
          entityType: row.entityType,
          entityId: row.entityId,
          data: row.data,
          clientAddress: row.clientAddress,
        },
        sm3,
      );
      anchor = { seq: event.seq, hash: event.hash };
      return { ...event, at: row.at };
    });
    await moveIntoChain(
      tx,
      pending.map((r) => r.id),
      events,
    );
    return pending.length;
  });
}

/**
 * Chains what is committed and pending, if no other chainer is at it; returns the rows
 * chained. After releasing the lock it looks again: a writer that committed while this
 * run held the lock found it busy and left its rows to this run; unless `followedUp`
 * says a run of this process is already queued to take them.
 */
export async function chainPendingAudit(
  db: Db,
  followedUp: () => boolean = () => false,
): Promise<number> {
  let chained = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const n = await chainBatch(db, { mode: 'try' });
    if (n === undefined) return chained;
    chained += n;
    if (n < BATCH && (followedUp() || !(await hasPendingAudit(db)))) return chained;
  }
  return chained;
}

/**
 * For readers of the chain: waits for the chainer's lock (FLUSH_WAIT_MS at most) and
 * chains every event committed before now, so the chain read next is complete. In this
 * process it takes its turn after the run in flight (see `laneOf`).
 */
export function flushAuditChain(db: Db): Promise<void> {
  return inLane(laneOf(db), async () => {
    for (;;) {
      const n = await chainBatch(db, { mode: 'wait', waitMs: FLUSH_WAIT_MS });
      if (n === undefined || n < BATCH) return;
    }
  });
}

/**
 * The chainer's runs of this process, per database, one after another: the after-commit
 * runs, the interval's and the readers' flushes. One at a time, because a run that finds
 * the lock held by another run of its own process returns, while the holder may have read
 * the queue before that run's commit: the request would return with its event unchained
 * (seen in a test: the audit checkpoint job's flush beside a job's commit). In line, a
 * busy lock can only mean another process's run, which takes the rows, or its next does.
 *
 * And the after-commit runs share: concurrent requests would each open a transaction to
 * try for the lock (three statements each for nothing). As commits share a disk flush, a
 * request whose commit finds a run queued and not yet started waits for that one, which
 * takes the rows of every commit made before it starts.
 */
type Lane = { tail: Promise<void>; queued: Promise<void> | null };

const lanes = new WeakMap<Db, Lane>();

function laneOf(db: Db): Lane {
  let lane = lanes.get(db);
  if (lane === undefined) lanes.set(db, (lane = { tail: Promise.resolve(), queued: null }));
  return lane;
}

/** Runs `work` after everything queued in the lane; its failure is its caller's only. */
function inLane<T>(lane: Lane, work: () => Promise<T>): Promise<T> {
  const turn = lane.tail.then(work);
  lane.tail = turn.then(
    () => undefined,
    () => undefined,
  );
  return turn;
}

/**
 * The run after a committed transaction: it returns once a run that started after the
 * commit has chained the rows, or found the lock held by another process's run (which
 * takes them, or the next run does). Its failure (the database gone in between) leaves
 * the rows queued for the next run, and must not fail the request that committed.
 */
export function chainAfterCommit(db: Db): Promise<void> {
  const lane = laneOf(db);
  if (lane.queued !== null) return lane.queued;
  const run = inLane(lane, async () => {
    // Started: a commit from now on may come after this run's read of the queue.
    lane.queued = null;
    try {
      await chainPendingAudit(db, () => lane.queued !== null);
    } catch {
      // Queued rows wait for the next run (another commit, the interval, a reader).
    }
  });
  lane.queued = run;
  return run;
}

/** Chains on an interval, until stopped; one per process that writes. */
export function startAuditChainer(db: Db, intervalMs = 1_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  // Idle, a tick is one small read, not a transaction.
  const tick = async () => {
    if (await hasPendingAudit(db)) await chainAfterCommit(db);
  };
  const timer = setInterval(() => {
    running = running.then(tick).catch(() => {
      // The database away: the rows wait for the next tick.
    });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
