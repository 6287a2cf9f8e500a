// The daily backup and the 数据备份 page's API: at 02:00 China time one instance of
// several writes a backup into the folder, the oldest beyond the number kept go, a
// failure is recorded with its reason; GET /api/v1/system/backups lists them for the
// system administrator alone, with the next daily run.

import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBackup } from '../../src/app/backup/backup-verify.ts';
import {
  dailyBackupName,
  runDailyBackup,
  type BackupSchedule,
} from '../../src/app/backup/backup-schedule.ts';
import {
  ensureScheduled,
  nextDailyBackup,
  runDueJobs,
  type JobServices,
} from '../../src/app/jobs/job-runner.ts';
import { assemble, type Application } from '../../src/main.ts';
import { HttpClient } from '../support/http-client.ts';
import { apiAs } from '../support/procedure-api.ts';
import { makeTempDir, storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

const DAY = 24 * 60 * 60_000;

describe('the daily backup’s time and name', () => {
  it('runs at the next 02:00 in China and is named by that time', () => {
    // 01:59 in China on 3 December is 17:59 UTC on the 2nd.
    expect(nextDailyBackup(new Date('2026-12-02T17:59:00Z')).toISOString()).toBe(
      '2026-12-02T18:00:00.000Z',
    );
    expect(nextDailyBackup(new Date('2026-12-02T18:00:00Z')).toISOString()).toBe(
      '2026-12-03T18:00:00.000Z',
    );
    expect(dailyBackupName(new Date('2026-12-02T18:00:05Z'))).toBe('rongcuo-20261203-020005.rcbak');
  });
});

describe.each(storeTargets())('daily backups and the 数据备份 page on $name', (target) => {
  const h = useHarness(target);
  let base: string;
  let schedule: BackupSchedule;
  /** A second instance on the same database, as `serve` assembles it: with the schedule. */
  let instance: Application;
  let url: string;

  beforeAll(async () => {
    base = await makeTempDir();
    schedule = { directory: path.join(base, 'backups'), keep: 2 };
    instance = await assemble({
      store: h.app.store,
      now: () => h.app.ctx.now(),
      auditFiles: h.app.ctx.auditFiles,
      backupSchedule: schedule,
    });
    url = await instance.server.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await instance?.close();
    await rm(base, { recursive: true, force: true });
  });

  const services = (): JobServices => ({
    dailyBackup: (now) =>
      runDailyBackup(h.app.store, schedule, h.app.ctx.auditFiles.checkpointDir, now),
  });
  const signIn = (username: string) => apiAs(url, username);

  it('writes one backup a night however many instances poll, and keeps the newest', async () => {
    await ensureScheduled(h.app.ctx, services());
    await ensureScheduled(h.app.ctx, services()); // a second instance starting
    for (let night = 0; night < 3; night++) {
      h.advance(DAY);
      await Promise.all(
        ['a', 'b', 'c'].map((w) => runDueJobs(h.app.ctx, `instance-${w}`, services())),
      );
    }
    const files = (await readdir(schedule.directory)).sort();
    // Three nights, two kept: each with its .sha256.
    expect(files.filter((f) => f.endsWith('.rcbak'))).toHaveLength(2);
    expect(files.filter((f) => f.endsWith('.rcbak.sha256'))).toHaveLength(2);
    for (const f of files.filter((f) => f.endsWith('.rcbak'))) {
      await expect(verifyBackup(path.join(schedule.directory, f))).resolves.toMatchObject({
        checkedSha256File: true,
      });
    }

    const sysadmin = await signIn('sysadmin');
    const page = await sysadmin.get('/api/v1/system/backups');
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body).toMatchObject({ directory: schedule.directory, keep: 2 });
    const scheduled = page.body.records.filter((r: { scheduled: boolean }) => r.scheduled);
    expect(scheduled).toHaveLength(3);
    expect(scheduled[0]).toMatchObject({ ok: true, error: null });
    expect(scheduled[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(scheduled[0].chainSeq).toBeGreaterThan(0);
    expect(new Date(page.body.nextRunAt).getTime()).toBeGreaterThan(h.app.ctx.now().getTime());
  });

  it('records a failed night with its reason, and the page shows it', async () => {
    // The folder's place taken by a file: the backup cannot be written there.
    const blocked: BackupSchedule = { directory: path.join(base, 'blocked'), keep: 2 };
    await mkdir(base, { recursive: true });
    await writeFile(blocked.directory, 'not a folder');
    await runDailyBackup(h.app.store, blocked, h.app.ctx.auditFiles.checkpointDir, h.app.ctx.now());
    const page = await (await signIn('sysadmin')).get('/api/v1/system/backups');
    expect(page.body.records[0]).toMatchObject({ ok: false, scheduled: true, sha256: null });
    expect(page.body.records[0].error).toContain('无法写入');
  });

  it('is the system administrator’s alone', async () => {
    for (const username of ['secadmin', 'auditadmin', 'wangqiang']) {
      const res = await (await signIn(username)).get('/api/v1/system/backups');
      expect(res.status, username).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    expect((await new HttpClient(url).get('/api/v1/system/backups')).status).toBe(401);
  });
});
