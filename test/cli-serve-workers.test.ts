// `rongcuo serve --workers 2`: two processes answer on one port, on the embedded
// PostgreSQL the primary started; a session made through one is good on the other, since
// sessions live in the database; SIGTERM stops the workers and the database with them.

import { Agent, request } from 'node:http';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/run-cli.ts';
import { startServe } from './support/serve-process.ts';
import { makeTempDir } from './support/test-databases.ts';

function env(dataDir: string) {
  const { DATABASE_URL: _url, DATABASE_OWNER_URL: _owner, ...rest } = process.env;
  return { ...rest, RONGCUO_DATA_DIR: dataDir };
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/**
 * One kept-alive connection: the cluster hands a connection to one worker for its whole
 * life, so every request sent on it is answered by the same process.
 */
function connection(base: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const send = (method: string, path: string, body?: unknown, cookie?: string) =>
    new Promise<Answer>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        new URL(path, base),
        {
          method,
          agent,
          headers: {
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            ...(cookie === undefined ? {} : { cookie }),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  return { send, close: () => agent.destroy() };
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('rongcuo serve --workers 2', () => {
  it('answers from two processes on one port, shares sessions, and stops whole', async () => {
    const dataDir = join(await makeTempDir(), 'pg');
    const serve = await startServe(ROOT, env(dataDir), ['--workers', '2']);
    const opened: { close(): void }[] = [];
    const workerPids = new Set<number>();
    try {
      expect(serve.output()).toContain('2 workers');
      const first = connection(serve.url);
      opened.push(first);
      const health = await first.send('GET', '/api/v1/health');
      expect(health.body).toMatchObject({ status: 'ok', database: 'ok' });
      const firstPid = health.body.pid as number;
      expect(firstPid).not.toBe(serve.child.pid);
      workerPids.add(firstPid);

      const login = await first.send('POST', '/api/v1/session', {
        username: 'lina',
        password: 'Rongcuo@2026',
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers['set-cookie'] as string[])
        .map((c) => c.split(';')[0]!)
        .join('; ');
      expect((await first.send('GET', '/api/v1/cases?limit=5', undefined, cookie)).status).toBe(
        200,
      );

      // New connections until one lands on the other worker; there, the same session.
      let other: ReturnType<typeof connection> | undefined;
      for (let attempt = 0; attempt < 40 && other === undefined; attempt++) {
        const next = connection(serve.url);
        opened.push(next);
        const pid = (await next.send('GET', '/api/v1/health')).body.pid as number;
        workerPids.add(pid);
        if (pid !== firstPid) other = next;
      }
      expect(other, 'a connection answered by a second worker').toBeDefined();
      expect(workerPids.size).toBe(2);
      const read = await other!.send('GET', '/api/v1/cases?limit=5', undefined, cookie);
      expect(read.status).toBe(200);
      expect(read.body.items.length).toBeGreaterThan(0);
    } finally {
      for (const c of opened) c.close();
      const postmaster = Number(
        (await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '0')).split('\n')[0],
      );
      expect(await serve.stop()).toBe(0);
      for (const pid of workerPids) expect(isRunning(pid), `worker ${pid}`).toBe(false);
      if (postmaster > 0) expect(isRunning(postmaster), 'postmaster').toBe(false);
      await rm(dirname(dataDir), { recursive: true, force: true });
    }
  }, 400_000);
});
