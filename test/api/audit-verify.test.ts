// The audit administrator's verification over HTTP: odd strings typed at the login leave a
// chain that verifies; tampering is listed break by break; the chain is held to the newest
// signed checkpoint, which the scheduled job writes once however many instances poll.

import { chmod, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCheckpointJob, writeAuditCheckpoint } from '../../src/app/audit/audit-checkpoints.ts';
import { verifyAuditLog } from '../../src/app/audit/audit-log.ts';
import { readCheckpoints } from '../../src/audit-files/checkpoint-files.ts';
import { KEY_FILE } from '../../src/audit-files/signing-key.ts';
import { ensureScheduled, runDueJobs } from '../../src/app/jobs/job-runner.ts';
import { tamperWithAudit } from '../support/audit-tamper.ts';
import { storeTargets, type TestStore } from '../support/test-databases.ts';
import { HttpClient } from '../support/http-client.ts';
import { useHarness } from './api-harness.ts';

describe.each(storeTargets())('audit verification over HTTP on $name', (target) => {
  const h = useHarness(target);
  /** The superuser beside the application's store, for tampering. */
  const admin = () => (h.app.store as TestStore).admin;

  it('verifies after a lone surrogate or a NUL is typed at the login', async () => {
    const client = new HttpClient(h.url);
    for (const body of [
      '{"username":"\\ud800","password":"x"}',
      '{"username":"a\\u0000b","password":"x"}',
      '{"username":"lina","password":"\\udfff\\u0000"}',
    ]) {
      const res = await client.request('POST', '/api/v1/session', body, {
        'content-type': 'application/json',
      });
      expect(res.status, body).toBeGreaterThanOrEqual(400);
      expect(res.status, body).toBeLessThan(500);
    }
    const audit = await h.as('auditadmin');
    expect((await audit.get('/api/v1/audit/verify')).body).toMatchObject({
      ok: true,
      breaks: [],
      breakCount: 0,
      checkpoint: null,
    });
  });

  it('writes a checkpoint each quarter hour, once across instances, and only when the head moved', async () => {
    const dir = h.app.ctx.auditFiles.checkpointDir;
    await ensureScheduled(h.app.ctx);
    h.advance(16 * 60_000);
    await Promise.all(['a', 'b', 'c'].map((w) => runDueJobs(h.app.ctx, `instance-${w}`)));
    const [first] = (await readCheckpoints(dir)).checkpoints;
    expect((await readdir(dir)).length).toBe(1);
    expect(first!.seq).toBe((await verifyAuditLog(h.app.ctx.db)).head.seq);
    h.advance(16 * 60_000);
    await Promise.all(['a', 'b'].map((w) => runDueJobs(h.app.ctx, `instance-${w}`)));
    // A second one only if a job appended an event meanwhile (the 08:00 deadline scan).
    const head = (await verifyAuditLog(h.app.ctx.db)).head.seq;
    expect((await readdir(dir)).length).toBe(head === first!.seq ? 1 : 2);
  });

  it('lists every break and holds the chain to the newest signed checkpoint', async () => {
    const audit = await h.as('auditadmin');
    const written = await writeAuditCheckpoint(h.app.ctx.db, h.app.ctx.auditFiles, h.app.ctx.now());
    expect(written.status).toBe('written');
    const head = written.status === 'written' ? written.checkpoint.seq : 0;
    let res = await audit.get('/api/v1/audit/verify');
    expect(res.body).toMatchObject({
      ok: true,
      count: head,
      checkpoint: { seq: head, matched: true },
    });

    await tamperWithAudit(
      admin(),
      `update audit_events set data = '{"forged":true}' where seq = 3`,
      `update audit_events set entity_id = 'forged' where seq = 5`,
      `delete from audit_events where seq >= ${head - 1}`,
    );
    res = await audit.get('/api/v1/audit/verify');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'hash_mismatch',
      count: head - 2,
      breakCount: 3,
      breaks: [
        { seq: 3, reason: 'hash_mismatch', message: '审计记录 3 的内容与哈希不符' },
        { seq: 5, reason: 'hash_mismatch', message: '审计记录 5 的内容与哈希不符' },
        {
          seq: head - 1,
          reason: 'rows_missing',
          message: expect.stringContaining(`审计记录 ${head - 1}–${head} 已缺失`),
        },
      ],
      checkpoint: { seq: head, matched: false },
    });

    // A key others can read is not trusted: the answer says so, it is no 500.
    const keyFile = path.join(h.app.ctx.auditFiles.keyDir, KEY_FILE);
    await chmod(keyFile, 0o644);
    try {
      res = await audit.get('/api/v1/audit/verify');
    } finally {
      await chmod(keyFile, 0o600);
    }
    expect(res.status).toBe(200);
    expect(res.body.checkpoint).toBeNull();
    expect(res.body.breaks.at(-1)).toEqual({
      seq: null,
      reason: 'checkpoint_unknown_key',
      message: expect.stringMatching(/^签名密钥不可用（.*chmod 600.*），\d+ 个检查点无法核验$/),
    });
  });

  it('logs a checkpoint the job could not write, and runs on', async () => {
    const notADirectory = path.join(h.app.ctx.auditFiles.checkpointDir, '..', 'a-file');
    await writeFile(notADirectory, '');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const result = await runCheckpointJob(
        h.app.ctx.db,
        { keyDir: path.join(notADirectory, 'keys'), checkpointDir: notADirectory },
        h.app.ctx.now(),
      );
      expect(result.status).toBe('failed');
      expect(logged).toHaveBeenCalledWith(
        expect.stringMatching(/^审计检查点未写入 \/ audit checkpoint not written: /),
      );
    } finally {
      logged.mockRestore();
    }
  });
});
