// `rongcuo backup`, `backup verify` and `restore` through the real binary, as an office's
// administrator runs them: the demo database with generated cases in every state, an
// evidence file uploaded and a signed checkpoint, backed up while `rongcuo serve` runs on
// it; then backed up again at rest and restored into a new data directory (and, when
// TEST_DATABASE_URL is set, into a database on the server), every row of every table
// compared with the source, every evidence file's SHA-256 recomputed, the audit chain
// verified against the signed checkpoints. A target holding data is refused unless
// --replace, and a damaged or cut-short file is refused before anything is written.

import { sql, type Kysely } from 'kysely';
import { cp, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATES } from '../src/domain/vocabulary.ts';
import { openDatabase } from '../src/store/database.ts';
import type { Database } from '../src/store/schema.ts';
import { SCALE_PASSWORD } from '../src/app/demo/scale-seed.ts';
import { apiAs } from './support/procedure-api.ts';
import { runCli } from './support/run-cli.ts';
import { startServe } from './support/serve-process.ts';
import { makeTempDir, storeTargets } from './support/test-databases.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n% rongcuo backup test\n');

/** The environment of a command on the embedded database under `dir`. */
function embeddedEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, RONGCUO_DATA_DIR: path.join(dir, 'pg') };
  for (const name of [
    'DATABASE_URL',
    'DATABASE_OWNER_URL',
    'RONGCUO_KEY_DIR',
    'RONGCUO_CHECKPOINT_DIR',
  ])
    delete env[name];
  return env;
}

interface Summary {
  readonly sha256: string;
  readonly rows: number;
  readonly files: number;
  readonly createdAt: string;
  readonly chainHead: { readonly seq: number; readonly hash: string };
}

let base: string;
let source: string;
/** Taken while `serve` ran on the source. */
let online: Summary;
let onlineFile: string;
/** Taken after it stopped: the source then holds what this file holds. */
let atRest: Summary;
let atRestFile: string;
let evidenceSha256: string;

beforeAll(async () => {
  base = await makeTempDir();
  source = path.join(base, 'source');
  const env = embeddedEnv(source);
  // The demo's cases and accounts, and generated cases in every state beside them.
  const scaled = await runCli(['demo', '--scale', '300'], undefined, env);
  expect(scaled.code, scaled.stderr).toBe(0);
  const checkpoint = await runCli(['audit', 'checkpoint'], undefined, env);
  expect(checkpoint.code, checkpoint.stderr).toBe(0);

  const seeded = await openDatabase({ dataDir: path.join(source, 'pg') });
  const { username } = await seeded.db
    .selectFrom('users')
    .select('username')
    .where(sql<boolean>`'officer' = any(roles)`)
    .orderBy('username')
    .executeTakeFirstOrThrow();
  await seeded.close();

  const serve = await startServe(path.join(import.meta.dirname, '..'), env);
  try {
    const officer = await apiAs(serve.url, username, SCALE_PASSWORD);
    const { unitId } = (await officer.get('/api/v1/session')).body.user;
    const opened = await officer.post('/api/v1/cases', {
      origin: 'application',
      unitId,
      title: '备份测试：带证据材料的申请',
      conduct: '依据第三方检测报告作出罚款决定，后报告被撤回。',
      conductDate: '2025-03-01',
      enforcementAction: 'penalty',
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const uploaded = await officer.request(
      'POST',
      `/api/v1/cases/${opened.body.id}/evidence?version=${opened.body.version}&filename=report.pdf`,
      PDF,
      { 'content-type': 'application/pdf' },
    );
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    evidenceSha256 = uploaded.body.evidence.at(-1).sha256;

    onlineFile = path.join(base, 'online.rcbak');
    const run = await runCli(['backup', '--out', onlineFile], undefined, env);
    expect(run.code, run.stderr).toBe(0);
    online = JSON.parse(run.stdout);
    // The service went on answering while the backup read the database beside it.
    expect((await officer.get('/api/v1/health')).status).toBe(200);
  } finally {
    expect(await serve.stop()).toBe(0);
  }
  atRestFile = path.join(base, 'at-rest.rcbak');
  const run = await runCli(['backup', '--out', atRestFile], undefined, env);
  expect(run.code, run.stderr).toBe(0);
  atRest = JSON.parse(run.stdout);
}, 600_000);

afterAll(async () => {
  const { rm } = await import('node:fs/promises');
  if (base) await rm(base, { recursive: true, force: true });
});

describe('rongcuo backup', () => {
  it('writes the file, its .sha256 and a summary; verify reads it whole', async () => {
    expect(online.chainHead.seq).toBeGreaterThan(0);
    expect(online.files).toBe(1);
    expect(atRest.chainHead.seq).toBeGreaterThan(online.chainHead.seq);
    const recorded = await readFile(`${atRestFile}.sha256`, 'utf8');
    expect(recorded).toBe(`${atRest.sha256}  at-rest.rcbak\n`);
    const verify = await runCli(['backup', 'verify', atRestFile]);
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({
      ok: true,
      sha256: atRest.sha256,
      sha256File: true,
      rows: atRest.rows,
      chainHead: atRest.chainHead,
    });
  });

  it('refuses to overwrite a file, and says what to name', async () => {
    const again = await runCli(['backup', '--out', atRestFile], undefined, embeddedEnv(source));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已存在，不覆盖');
    const none = await runCli(['backup'], undefined, embeddedEnv(source));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--out');
  });

  it('finds a damaged or cut-short file', async () => {
    const bytes = await readFile(atRestFile);
    const flipped = path.join(base, 'flipped.rcbak');
    const copy = Buffer.from(bytes);
    copy[Math.floor(copy.length / 2)]! ^= 0xff;
    await writeFile(flipped, copy);
    const damaged = await runCli(['backup', 'verify', flipped]);
    expect(damaged.code).toBe(1);
    expect(JSON.parse(damaged.stdout).ok).toBe(false);

    const cut = path.join(base, 'cut.rcbak');
    await cp(atRestFile, cut);
    await truncate(cut, Math.floor(bytes.length * 0.6));
    const short = await runCli(['backup', 'verify', cut]);
    expect(short.code).toBe(1);
    expect(JSON.parse(short.stdout).code).toBe('BACKUP_INCOMPLETE');

    // A file whose .sha256 says otherwise: the bytes are not the ones that were written.
    const other = path.join(base, 'other.rcbak');
    await cp(atRestFile, other);
    await writeFile(`${other}.sha256`, `${'0'.repeat(64)}  other.rcbak\n`);
    const mismatch = await runCli(['backup', 'verify', other]);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain('.sha256');
  });
});

describe('rongcuo restore into a new data directory', () => {
  let target: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    target = path.join(base, 'restored');
    env = embeddedEnv(target);
    // The key directory is kept apart from backups (docs/operations.md): copied as an
    // administrator would, so the restored chain is held to the signed checkpoints.
    await cp(path.join(source, 'keys'), path.join(target, 'keys'), { recursive: true });
  });

  it('restores the backup taken while serving, and its chain verifies against the checkpoint', async () => {
    const run = await runCli(
      ['restore', onlineFile, '--data-dir', path.join(target, 'pg')],
      undefined,
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      sha256: online.sha256,
      rows: online.rows,
      checkpoints: 1,
      evidence: { mismatched: [] },
      audit: { ok: true, checkpointsChecked: true },
    });
    expect(result.evidence.checked).toBeGreaterThan(0);
    const verify = await runCli(['audit', 'verify'], undefined, env);
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout).checkpoint).not.toBeNull();
  });

  it('refuses a target that holds data, and replaces it when told', async () => {
    const refused = await runCli(['restore', atRestFile], undefined, env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('恢复目标不是空的');
    expect(refused.stderr).toContain('--replace');
    const replaced = await runCli(['restore', atRestFile, '--replace'], undefined, env);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(JSON.parse(replaced.stdout)).toMatchObject({
      sha256: atRest.sha256,
      audit: { ok: true },
    });
  });

  it('holds every row of every table the source holds, and every evidence file', async () => {
    const restored = await openDatabase({ dataDir: path.join(target, 'pg') });
    try {
      await compareWithSource(restored.db);
    } finally {
      await restored.close();
    }
  });

  it('refuses a damaged file before it writes anything', async () => {
    const empty = path.join(base, 'untouched');
    const flipped = path.join(base, 'flipped.rcbak');
    const run = await runCli(['restore', flipped], undefined, embeddedEnv(empty));
    expect(run.code).toBe(1);
    const store = await openDatabase({ dataDir: path.join(empty, 'pg') });
    try {
      const tables = await sql<{ n: number }>`
        select count(*)::int as n from pg_class
         where relnamespace = 'public'::regnamespace and relkind = 'r'`.execute(store.db);
      expect(tables.rows[0]!.n).toBe(0);
    } finally {
      await store.close();
    }
  });
});

const server = storeTargets().find((t) => t.name === 'server');
describe.runIf(server)('rongcuo restore into a PostgreSQL server', () => {
  it('holds every row the embedded source holds', async () => {
    const store = await server!.open();
    try {
      const app = store.connections.application as { connectionString: string };
      const owner = store.connections.owner as { connectionString: string };
      const files = path.join(base, 'server-files');
      const env: NodeJS.ProcessEnv = {
        ...embeddedEnv(files),
        DATABASE_URL: app.connectionString,
        DATABASE_OWNER_URL: owner.connectionString,
        RONGCUO_KEY_DIR: path.join(files, 'keys'),
        RONGCUO_CHECKPOINT_DIR: path.join(files, 'audit-checkpoints'),
      };
      delete env.RONGCUO_DATA_DIR;
      await cp(path.join(source, 'keys'), path.join(files, 'keys'), { recursive: true });
      const run = await runCli(['restore', atRestFile], undefined, env);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).audit).toMatchObject({ ok: true, checkpointsChecked: true });
      await compareWithSource(store.db);
    } finally {
      await store.close();
    }
  });
});

/**
 * Every table of the source against the restored database, row by row, as of the at-rest
 * backup: the audit log up to its head (each side appended its own backup or restore
 * event after it), and the restore's sequences where the source's are.
 */
async function compareWithSource(b: Kysely<Database>) {
  const from = await openDatabase({ dataDir: path.join(source, 'pg') });
  try {
    const a = from.db;
    const tables = (
      await sql<{ name: string }>`
        select relname as name from pg_class
         where relnamespace = 'public'::regnamespace and relkind = 'r'
           and relname not in ('kysely_migration_lock', 'kysely_migration')
         order by relname`.execute(a)
    ).rows.map((r) => r.name);
    expect(tables.length).toBeGreaterThan(40);
    // Kysely's own record is made by migrating the target: the same names, its own times.
    const migrations = sql<{ name: string }>`select name from kysely_migration order by name`;
    expect((await migrations.execute(b)).rows).toEqual((await migrations.execute(a)).rows);
    const head = atRest.chainHead.seq;
    for (const table of tables) {
      const where =
        table === 'audit_events'
          ? sql`where seq <= ${head}`
          : table === 'audit_pending'
            ? sql`where at < ${atRest.createdAt}::timestamptz`
            : sql``;
      const [left, right] = await Promise.all([rowsOf(a, table, where), rowsOf(b, table, where)]);
      expect(right.length, table).toBe(left.length);
      expect(right, table).toEqual(left);
    }
    const states = await sql<{ state: string }>`select distinct state from cases`.execute(b);
    expect(states.rows.map((r) => r.state).sort()).toEqual([...CASE_STATES].sort());
    const evidence = await sql<{ sha256: string; ok: boolean }>`
      select sha256, encode(sha256(content), 'hex') = sha256 as ok from evidence`.execute(b);
    expect(evidence.rows.length).toBeGreaterThan(0);
    expect(evidence.rows.every((r) => r.ok)).toBe(true);
    expect(evidence.rows.map((r) => r.sha256)).toContain(evidenceSha256);
    const sequences = sql<{ name: string; last: string | null }>`
      select sequencename as name, last_value::text as last from pg_sequences
       where schemaname = 'public' and sequencename not like 'audit%' order by 1`;
    expect((await sequences.execute(b)).rows).toEqual((await sequences.execute(a)).rows);
  } finally {
    await from.close();
  }
}

/** A table's rows as JSON text in UTC, sorted here so that collations cannot differ. */
async function rowsOf(db: Kysely<Database>, table: string, where: ReturnType<typeof sql>) {
  return db.connection().execute(async (c) => {
    await sql`set time zone 'UTC'`.execute(c);
    const { rows } = await sql<{ r: string }>`
      select to_jsonb(t)::text as r from ${sql.table(table)} t ${where}`.execute(c);
    return rows.map((r) => r.r).sort();
  });
}
