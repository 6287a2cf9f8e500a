// A full disk under the embedded database: the data directory on a small tmpfs, the space
// around it filled, then an officer uploads evidence over HTTP. The upload is refused with
// DATABASE_DISK_FULL (503) and a Chinese message; nothing of it is kept (the case, its
// evidence and the audit chain as before); once space is freed the same upload succeeds,
// with no repair and no restart. Mounting needs root, as the README's set-up runs.

import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/app/demo-data.ts';
import { verifyAuditLog } from '../src/app/audit/audit-log.ts';
import { assemble, type Application } from '../src/main.ts';
import { apiAs } from './support/procedure-api.ts';
import { makeTempDir } from './support/test-databases.ts';

const run = promisify(execFile);
const asRoot = process.getuid?.() === 0;
const PDF = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(size)]);

describe.runIf(asRoot)('a full disk under the embedded database', () => {
  let base: string;
  let disk: string;
  let app: Application;
  let url: string;

  beforeAll(async () => {
    base = await makeTempDir();
    disk = path.join(base, 'disk');
    await mkdir(disk);
    // Room for the cluster (about 40 MB with its first WAL segment) and the demo.
    await run('mount', ['-t', 'tmpfs', '-o', 'size=160m,mode=0755', 'tmpfs', disk]);
    app = await assemble({ dataDir: path.join(disk, 'pg') });
    await seedDemo(app.ctx);
    url = await app.server.listen({ port: 0, host: '127.0.0.1' });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await run('umount', [disk]).catch(() => {});
    await rm(base, { recursive: true, force: true });
  });

  /** Fills what is left of the disk; returns the filler's removal. */
  async function fill(): Promise<() => Promise<void>> {
    const filler = path.join(disk, 'filler');
    const handle = await open(filler, 'w');
    const chunk = Buffer.alloc(1024 * 1024, 1);
    try {
      for (;;) await handle.write(chunk);
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      await handle.close();
    }
    return () => rm(filler);
  }

  it('refuses the write whole, says so in Chinese, and takes it once space is back', async () => {
    const officer = await apiAs(url, 'wangqiang');
    const { unitId } = (await officer.get('/api/v1/session')).body.user;
    const opened = await officer.post('/api/v1/cases', {
      origin: 'application',
      unitId,
      title: '磁盘写满测试',
      conduct: '依据第三方检测报告作出罚款决定，后报告被撤回。',
      conductDate: '2025-03-01',
      enforcementAction: 'penalty',
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const { id, version } = opened.body as { id: string; version: number };
    const upload = () =>
      officer.request(
        'POST',
        `/api/v1/cases/${id}/evidence?version=${version}&filename=big.pdf`,
        PDF(4 * 1024 * 1024),
        { 'content-type': 'application/pdf' },
      );
    const before = (await verifyAuditLog(app.ctx.db)).head.seq;

    const free = await fill();
    const refused = await upload();
    expect(refused.status, JSON.stringify(refused.body)).toBe(503);
    expect(refused.body.error.code).toBe('DATABASE_DISK_FULL');
    expect(refused.body.error.message).toContain('磁盘空间已满');
    // Still full: a page is read as before, showing nothing of the refused upload.
    const page = await officer.get(`/api/v1/cases/${id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ version, evidence: [] });

    await free();
    const taken = await upload();
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    expect(taken.body.evidence).toHaveLength(1);
    const verdict = await verifyAuditLog(app.ctx.db);
    expect(verdict.ok).toBe(true);
    // The opening's events and the one upload: none of the refused one.
    expect(verdict.head.seq).toBe(before + 1);
  });
});
