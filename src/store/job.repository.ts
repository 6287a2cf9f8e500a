// Scheduled jobs shared by every instance of the application: a job runs once however
// many workers poll, because claiming takes the row with FOR UPDATE SKIP LOCKED, and a
// claim not completed within the lease (a worker that died) may be taken again.

import type { Kysely } from 'kysely';
import type { Database, JobRow } from './schema.ts';

export const JOB_LEASE_MS = 10 * 60_000;

export interface NewJob {
  readonly kind: string;
  readonly runAt: Date;
  readonly payload?: unknown;
}

/** Schedules a job; returns false when the same (kind, run_at) is already scheduled. */
export async function scheduleJob(db: Kysely<Database>, job: NewJob): Promise<boolean> {
  const inserted = await db
    .insertInto('jobs')
    .values({ kind: job.kind, run_at: job.runAt, payload: JSON.stringify(job.payload ?? {}) })
    .onConflict((oc) => oc.columns(['kind', 'run_at']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Claims the earliest job due at `now`, or returns undefined. A row another worker holds
 * is skipped rather than waited for, so two workers never claim the same job.
 */
export async function claimDueJob(
  db: Kysely<Database>,
  workerId: string,
  now: Date,
): Promise<JobRow | undefined> {
  const leaseExpired = new Date(now.getTime() - JOB_LEASE_MS);
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('jobs')
      .select('id')
      .where('done_at', 'is', null)
      .where('run_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', leaseExpired)]))
      .orderBy('run_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (due === undefined) return undefined;
    return trx
      .updateTable('jobs')
      .set({ claimed_by: workerId, claimed_at: now })
      .where('id', '=', due.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** Marks a claimed job done; false if this worker no longer holds the claim. */
export async function completeJob(
  db: Kysely<Database>,
  jobId: string,
  workerId: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ done_at: now })
    .where('id', '=', jobId)
    .where('claimed_by', '=', workerId)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
