// The service commands through the real binary: `serve` starts the whole system on a
// fresh embedded database with demo data; `demo --reset` reloads it; `audit verify`
// finds a tampered audit row.
import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/database.ts';
import { ROOT, runCli } from './support/run-cli.ts';
import { embeddedSuperuserUrl, makeTempDir, superuserDb } from './support/test-databases.ts';
import { HttpClient } from './support/http-client.ts';

function env(dataDir: string) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, RONGCUO_DATA_DIR: dataDir };
}

describe('rongcuo serve, demo and audit', () => {
  it('starts on a fresh embedded database with demo data, then reloads and verifies it', async () => {
    const dataDir = join(await makeTempDir(), 'pg');
    const child = spawn(process.execPath, [join(ROOT, 'bin/rongcuo.js'), 'serve', '--port', '0'], {
      cwd: ROOT,
      env: env(dataDir),
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${out}`)), 60_000);
      child.stdout.on('data', () => {
        const m = /serving on (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}:\n${out}`)));
    });
    try {
      expect(out).toContain('演示账号 / demo accounts (密码 password: Rongcuo@2026)');
      const client = new HttpClient(url);
      expect((await client.get('/api/v1/health')).body).toEqual({
        status: 'ok',
        database: 'ok',
        pid: expect.any(Number),
      });
      const login = await client.post('/api/v1/session', {
        username: 'lina',
        password: 'Rongcuo@2026',
      });
      expect(login.status).toBe(200);
      const states = (await client.get('/api/v1/cases')).body.items.map(
        (i: { state: string }) => i.state,
      );
      expect(states).toEqual(expect.arrayContaining(['submitted', 'investigating', 'decided']));
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }

    const again = await runCli(['demo'], undefined, env(dataDir));
    expect(again.code).toBe(1);
    const reset = await runCli(['demo', '--reset'], undefined, env(dataDir));
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toContain('wangqiang');

    const verified = await runCli(['audit', 'verify'], undefined, env(dataDir));
    expect(verified.code, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });

    // Tampering takes the superuser: the application's own role may not touch the trigger.
    const store = await openDatabase({ dataDir });
    const admin = superuserDb(embeddedSuperuserUrl(store));
    await sql`alter table audit_events disable trigger user`.execute(admin);
    await sql`update audit_events set action = 'login' where seq = 5`.execute(admin);
    await admin.destroy();
    await store.close();
    const broken = await runCli(['audit', 'verify'], undefined, env(dataDir));
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, brokenAt: 5 });
    expect(broken.stderr).toContain('审计链在第 5 条断开');
  }, 120_000);

  it('refuses an unknown option or a stray argument with the usage, before touching a database', async () => {
    const dataDir = join(await makeTempDir(), 'pg');
    for (const args of [
      ['serve', '--prot', '1'],
      ['serve', 'now'],
      ['demo', '--bogus'],
    ]) {
      const run = await runCli(args, undefined, env(dataDir));
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/未知参数|多余的参数/);
      expect(run.stderr).toContain(`rongcuo ${args[0]}`);
    }
    // Nothing was started: no data folder was made.
    await expect(access(dataDir)).rejects.toThrow();
  });
});
