// Scheduled jobs run once across instances; time limits show as coming and overdue.
import { describe, expect, it } from 'vitest';
import { ensureScheduled, JOB_KINDS, nextRun, runDueJobs } from '../../src/app/jobs/job-runner.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

describe('nextRun', () => {
  it('schedules the deadline scan at 08:00 China time, the clean-up on the hour, checkpoints each quarter', () => {
    expect(nextRun('deadline_scan', new Date('2026-03-01T23:30:00Z')).toISOString()).toBe(
      '2026-03-02T00:00:00.000Z',
    );
    expect(nextRun('deadline_scan', new Date('2026-03-02T00:00:01Z')).toISOString()).toBe(
      '2026-03-03T00:00:00.000Z',
    );
    expect(nextRun('session_cleanup', new Date('2026-03-01T10:15:00Z')).toISOString()).toBe(
      '2026-03-01T11:00:00.000Z',
    );
    expect(nextRun('audit_checkpoint', new Date('2026-03-01T10:15:00Z')).toISOString()).toBe(
      '2026-03-01T10:30:00.000Z',
    );
    expect(nextRun('audit_checkpoint', new Date('2026-03-01T10:29:59Z')).toISOString()).toBe(
      '2026-03-01T10:30:00.000Z',
    );
  });
});

describe.each(storeTargets())('jobs and deadlines on $name', (target) => {
  const h = useHarness(target);

  it('runs a due job exactly once when several instances poll at the same time', async () => {
    await ensureScheduled(h.app.ctx);
    await ensureScheduled(h.app.ctx); // a second instance starting: no duplicate runs
    expect(
      await h.app.ctx.db.selectFrom('jobs').select('kind').where('done_at', 'is', null).execute(),
    ).toHaveLength(JOB_KINDS.length);
    h.advance(25 * 60 * 60_000);
    const counts = await Promise.all(
      ['a', 'b', 'c', 'd'].map((w) => runDueJobs(h.app.ctx, `instance-${w}`)),
    );
    expect(counts.reduce((x, y) => x + y, 0)).toBe(JOB_KINDS.length);
    const scans = await h.app.ctx.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'job.deadline_scan')
      .execute();
    expect(scans).toHaveLength(1);
    // Each run scheduled its successor, once.
    expect(
      await h.app.ctx.db.selectFrom('jobs').select('kind').where('done_at', 'is', null).execute(),
    ).toHaveLength(JOB_KINDS.length);
  });

  it('lists unsent notifications as coming, then overdue, per user and per unit', async () => {
    // The case's own deadlines; the demo's corrections (整改期限) are corrections.test.ts's.
    type Deadline = { kind: string; status: string };
    type Listed = { mine: Deadline[]; unit: Deadline[]; all: Deadline[] };
    const ofCases = (l: Listed) => ({
      mine: l.mine.filter((d) => d.kind !== 'correction'),
      unit: l.unit.filter((d) => d.kind !== 'correction'),
      all: l.all.filter((d) => d.kind !== 'correction'),
    });
    const secretary = await h.as('zhangmin');
    // The demo's decided case has two unsent notifications due in 7 days.
    let list = ofCases((await secretary.get('/api/v1/deadlines')).body);
    const soon = list.unit.filter((d) => d.status === 'due_soon');
    h.advance(10 * 24 * 60 * 60_000);
    const fresh = await h.as('zhangmin');
    list = ofCases((await fresh.get('/api/v1/deadlines')).body);
    const overdue = list.unit.filter((d) => d.status === 'overdue');
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(soon.length).toBeLessThan(overdue.length);
    // An officer of another section sees none of them; the officer concerned may read his case.
    const other = await h.as('zhaoli');
    expect(ofCases((await other.get('/api/v1/deadlines')).body)).toEqual({
      mine: [],
      unit: [],
      all: [],
    });
    const concerned = await h.as('wangqiang');
    expect(ofCases((await concerned.get('/api/v1/deadlines')).body).unit.length).toBe(
      overdue.length,
    );
  });
});
