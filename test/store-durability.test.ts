// The embedded database keeps what it acknowledged through a crash, and refuses a second
// process on its data directory (ADR 0004). Embedded only: a server's durability is its
// operator's business.

import { spawn } from 'node:child_process';
import { access, rm } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/database.ts';
import { StoreError } from '../src/store/store-error.ts';
import { makeTempDir, pristineDataDir } from './support/test-databases.ts';

const WRITE_FOR_MS = 1_500;

describe('the embedded database', () => {
  const removals: (() => Promise<unknown>)[] = [];
  afterAll(() => Promise.all(removals.map((remove) => remove())));

  it('keeps every acknowledged commit when it and its process are killed', async () => {
    const base = await makeTempDir();
    removals.push(() => rm(base, { recursive: true, force: true }));
    const dir = path.join(base, 'pg'); // initialised by the writer: the first-use path
    const acknowledged = await writeUntilKilled(dir);
    expect(acknowledged).toBeGreaterThan(0);
    // The killed server's lock file is still there: the next start must see it is stale.
    await access(path.join(dir, 'postmaster.pid'));

    const store = await openDatabase({ dataDir: dir });
    try {
      const ids = await sql<{ id: number }>`select id from acknowledged order by id`.execute(
        store.db,
      );
      const stored = new Set(ids.rows.map((r) => r.id));
      const lost = Array.from({ length: acknowledged }, (_, i) => i + 1).filter(
        (id) => !stored.has(id),
      );
      expect(lost).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('refuses at once a second opening of a data directory in use', async () => {
    const { dataDir: dir, remove } = await pristineDataDir();
    removals.push(remove);
    const first = await openDatabase({ dataDir: dir });
    try {
      const started = performance.now();
      const second = openDatabase({ dataDir: dir });
      await expect(second).rejects.toBeInstanceOf(StoreError);
      await expect(second).rejects.toMatchObject({
        code: 'DATA_DIR_IN_USE',
        message: expect.stringContaining('正被另一个进程'),
      });
      expect(performance.now() - started).toBeLessThan(3_000);
      // The first store is unharmed.
      await expect(sql`select 1`.execute(first.db)).resolves.toBeDefined();
    } finally {
      await first.close();
    }
  });
});

/**
 * Runs test/support/embedded-writer.ts in a process group of its own and, once it has
 * written for a while, SIGKILLs the whole group (node and the PostgreSQL server alike, as
 * a power cut would). Returns the last id the writer printed, i.e. saw committed.
 */
function writeUntilKilled(dir: string): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'support', 'embedded-writer.ts'), dir],
    { detached: true, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let last = 0;
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), WRITE_FOR_MS);
        else last = Number(line);
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(last);
      else reject(new Error(`the writer exited by itself (${signal ?? _code})`));
    });
  });
}
