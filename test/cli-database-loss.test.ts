// `rongcuo serve` when its embedded PostgreSQL is killed: it starts the server again and
// serves on (503s in the error shape meanwhile, never a dead process); and when the
// server cannot be started again, it says why in Chinese and English and exits 1.

import { readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client.ts';
import { ROOT } from './support/run-cli.ts';
import { startServe } from './support/serve-process.ts';
import { makeTempDir } from './support/test-databases.ts';

function env(dataDir: string) {
  const { DATABASE_URL: _url, DATABASE_OWNER_URL: _owner, ...rest } = process.env;
  return { ...rest, RONGCUO_DATA_DIR: dataDir };
}

/** The postmaster's pid, as it wrote it in its data directory. */
async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

describe('rongcuo serve when the embedded PostgreSQL dies', () => {
  it('starts it again and serves on; exits 1 with the reason once it cannot', async () => {
    const dataDir = join(await makeTempDir(), 'pg');
    const serve = await startServe(ROOT, env(dataDir));
    try {
      const client = new HttpClient(serve.url);
      const login = await client.post('/api/v1/session', {
        username: 'lina',
        password: 'Rongcuo@2026',
      });
      expect(login.status).toBe(200);
      const first = await postmasterPid(dataDir);
      process.kill(first, 'SIGKILL');

      // Until it is back: every answer a success or a 503 in the error shape.
      for (;;) {
        const res = await client.get('/api/v1/cases?limit=5');
        if (res.status === 200) {
          const health = await client.get('/api/v1/health');
          if (health.status === 200) break;
        } else {
          expect(res.status, JSON.stringify(res.body)).toBe(503);
          expect(res.body.error.code).toBe('DATABASE_UNAVAILABLE');
        }
        await delay(100);
      }
      expect(serve.child.exitCode).toBeNull();
      expect(await postmasterPid(dataDir)).not.toBe(first);
      expect(serve.output()).toContain('嵌入式数据库意外退出（SIGKILL），正在重新启动');
      expect(serve.output()).toContain('the embedded PostgreSQL is running again');
      expect((await client.get('/api/v1/cases?limit=5')).status).toBe(200);

      // Now the cluster is taken away and the server killed: nothing to start again.
      const second = await postmasterPid(dataDir);
      await rename(dataDir, `${dataDir}.moved`);
      process.kill(second, 'SIGKILL');
      expect(await serve.exited()).toBe(1);
      expect(serve.output()).toMatch(
        /嵌入式数据库数据目录 .* 已不存在，Rongcuo 停止运行.* \/ The embedded PostgreSQL stopped and Rongcuo stops with it: the data directory .* is gone/,
      );
    } finally {
      await serve.stop();
      await rm(dirname(dataDir), { recursive: true, force: true });
    }
  }, 180_000);
});
