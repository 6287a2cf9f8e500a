// `npm run fuzz`: the OpenAPI fuzz at length (issue 8, "Tests and proof"): 100,000
// requests by default, from a fresh seed, on a fresh embedded PostgreSQL (or a fresh
// database, with its owner and application roles, on the server named by
// --database-url), with the demo's units, accounts and cases. Prints the figures and
// every failure with the seed and request that caused it; then stops the application and
// runs `rongcuo audit verify` on the database as an operator would. Exits 1 on any
// failure, or if the audit chain does not verify.
//
//   npm run fuzz -- [--seed N] [--requests N] [--database-url postgres://superuser@host/db]

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../../src/app/demo-data.ts';
import { assemble } from '../../src/main.ts';
import { openDatabase, type Store } from '../../src/store/database.ts';
import { freshServerDatabase, pristineDataDir } from '../support/test-databases.ts';
import { formatReport } from './fuzz-report.ts';
import { runFuzz } from './fuzz-runner.ts';
import { demoIdentities } from './fuzz-sessions.ts';
import { randomSeed } from './prng.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    requests: { type: 'string', default: '100000' },
    'database-url': { type: 'string' },
  },
});

const seed = values.seed === undefined ? randomSeed() : Number(values.seed);
const requests = Number(values.requests);
if (!Number.isInteger(seed) || seed < 0 || !Number.isInteger(requests) || requests < 1) {
  console.error('用法 / usage: npm run fuzz -- [--seed N] [--requests N] [--database-url URL]');
  process.exit(2);
}
console.error(`fuzz: seed ${seed}, ${requests.toLocaleString('en')} requests`);

interface FuzzDatabase {
  readonly where: string;
  open(): Promise<Store>;
  /** The environment under which `rongcuo` finds the same database. */
  readonly env: Readonly<Record<string, string>>;
  remove(): Promise<void>;
}

/** A database of the run's own: made here, removed after. */
async function freshDatabase(): Promise<FuzzDatabase> {
  const serverUrl = values['database-url'];
  if (serverUrl) {
    const fresh = await freshServerDatabase(serverUrl, 'rongcuo_fuzz');
    return {
      where: `a PostgreSQL server (${new URL(fresh.url).pathname.slice(1)})`,
      open: () => openDatabase({ url: fresh.url, ownerUrl: fresh.ownerUrl }),
      env: { DATABASE_URL: fresh.url, DATABASE_OWNER_URL: fresh.ownerUrl },
      remove: fresh.drop,
    };
  }
  const { dataDir, remove } = await pristineDataDir();
  return {
    where: `the embedded PostgreSQL (${dataDir})`,
    open: () => openDatabase({ dataDir }),
    env: { RONGCUO_DATA_DIR: dataDir },
    remove,
  };
}

/** `rongcuo audit verify` on the database, the application stopped: its exit code and output. */
async function verifyWithCli(env: Readonly<Record<string, string>>) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  // No checkpoints were written for this database: the chain itself is what is verified.
  const files = await mkdtemp(path.join(os.tmpdir(), 'rongcuo-fuzz-audit-'));
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(root, 'bin/rongcuo.js'), 'audit', 'verify'],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: '',
          ...env,
          RONGCUO_KEY_DIR: path.join(files, 'keys'),
          RONGCUO_CHECKPOINT_DIR: path.join(files, 'checkpoints'),
        },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return { ok: true, output: stdout.trim() };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { ok: false, output: `exit ${e.code}: ${e.stdout ?? ''}${e.stderr ?? ''}`.trim() };
  } finally {
    await rm(files, { recursive: true, force: true });
  }
}

const database = await freshDatabase();
let failed = true;
try {
  const store = await database.open();
  try {
    const app = await assemble({ store });
    try {
      await seedDemo(app.ctx);
      const url = await app.server.listen({ port: 0, host: '127.0.0.1' });
      console.error(`fuzz: ${database.where}, server at ${url}`);
      const started = Date.now();
      const report = await runFuzz({
        baseUrl: url,
        ctx: app.ctx,
        seed,
        requests,
        identities: demoIdentities(DEMO_USERS),
        passwords: new Map(DEMO_USERS.map((u) => [u.username, DEMO_PASSWORD])),
        progress: (done, total) => {
          if (done % 5000 !== 0) return;
          const rate = done / ((Date.now() - started) / 1000);
          console.error(
            `fuzz: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${rate.toFixed(0)}/s)`,
          );
        },
      });
      console.log(
        `Database: ${database.where}. Node ${process.version}, ${os.cpus().length} CPUs.`,
      );
      console.log(formatReport(report));
      failed = report.violations.length > 0 || !report.audit.ok;
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
  }
  const cli = await verifyWithCli(database.env);
  console.log(`\nrongcuo audit verify: ${cli.ok ? 'ok' : 'FAILED'} ${cli.output.slice(0, 2000)}`);
  if (!cli.ok) failed = true;
} finally {
  await database.remove();
}
process.exit(failed ? 1 : 0);
