// `rongcuo serve` started before its PostgreSQL server answers: it says so in Chinese and
// English, waits, and starts by itself once the server is there, with no repair. The
// server is reached through a TCP relay that opens only after serve has said it waits.
// Needs a server (TEST_DATABASE_URL): the embedded database is started by serve itself.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client.ts';
import { ROOT } from './support/run-cli.ts';
import { makeTempDir, storeTargets, type TestStore } from './support/test-databases.ts';

const server = storeTargets().find((t) => t.name === 'server');

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  const probe = net.createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as net.AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

/** Forwards every connection on `port` to the real server. */
function relay(port: number, to: URL) {
  const relayServer = net.createServer((client) => {
    const upstream = net.connect(Number(to.port || 5432), to.hostname);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  relayServer.listen(port, '127.0.0.1');
  return relayServer;
}

describe.runIf(server)('serve waits for a database that does not answer yet', () => {
  let store: TestStore | undefined;
  let relayServer: net.Server | undefined;
  afterAll(async () => {
    relayServer?.close();
    await store?.close();
  });

  it('says it waits, then starts once the server answers', async () => {
    store = await server!.open();
    const port = await freePort();
    const behindRelay = (config: unknown) => {
      const url = new URL((config as { connectionString: string }).connectionString);
      const real = new URL(url);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return { url: url.toString(), real };
    };
    const app = behindRelay(store.connections.application);
    const owner = behindRelay(store.connections.owner);
    const files = await makeTempDir();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: app.url,
      DATABASE_OWNER_URL: owner.url,
      RONGCUO_KEY_DIR: path.join(files, 'keys'),
      RONGCUO_CHECKPOINT_DIR: path.join(files, 'audit-checkpoints'),
      RONGCUO_BACKUP_KEEP: '0',
      RONGCUO_DB_WAIT_SECONDS: '120',
    };
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin/rongcuo.js'), 'serve', '--port', '0', '--workers', '1'],
      { cwd: ROOT, env },
    );
    let out = '';
    const seen = (text: RegExp) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const look = () => {
          const m = text.exec(out);
          if (m) resolve(m);
        };
        child.stdout.on('data', (d: Buffer) => ((out += d.toString()), look()));
        child.stderr.on('data', (d: Buffer) => ((out += d.toString()), look()));
        child.on('exit', (code) => reject(new Error(`serve exited ${code}:\n${out}`)));
        look();
      });
    try {
      await seen(/等待数据库：\d+ 秒后重试/);
      expect(out).toContain('waiting for the database');
      relayServer = relay(port, app.real);
      const [, url] = await seen(/serving on (http:\/\/\S+)/);
      const health = await new HttpClient(url!).get('/api/v1/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok', database: 'ok' });
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }
  });
});
