// One fault drill: a fresh Rongcuo (embedded PostgreSQL in a temporary data directory, or a
// fresh database on a PostgreSQL server), `rongcuo serve` as a child, the clients'
// workload and the faults together for the given time, then the recovery and the checks,
// and `rongcuo audit verify` once the application has stopped. Used by `npm run drill`
// (run.ts) and by test/drill.test.ts.

import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { DEMO_PASSWORD } from '../../src/app/demo-data.ts';
import type { Database } from '../../src/store/schema.ts';
import { freshServerDatabase } from '../../test/support/test-databases.ts';
import { BenchClient } from '../procedure-client.ts';
import { AppProcess, freePort, runCli } from './app-process.ts';
import { pendingJobs, runChecks, type CheckResult } from './checks.ts';
import { Faults, type FaultEvent, type FaultKind } from './faults.ts';
import { Ledger } from './ledger.ts';
import { seeded } from './random.ts';
import { failures } from './report.ts';
import { caseClient, reportClient, type Sessions, type Workload } from './workload.ts';

export interface DrillOptions {
  readonly seconds: number;
  /** Clients moving cases; one more receives reports. */
  readonly clients: number;
  readonly seed: number;
  /** `rongcuo serve --workers N`. */
  readonly workers: number;
  readonly minGapSeconds: number;
  readonly maxGapSeconds: number;
  /** Faults in this order instead of at random (see FaultPlan.sequence). */
  readonly sequence?: readonly FaultKind[];
  /** A superuser's URL on a PostgreSQL server: the drill makes a fresh database there. */
  readonly serverAdminUrl: string | null;
  /** Progress lines (stderr for the command). */
  readonly log: (line: string) => void;
}

export interface DrillResult {
  readonly options: Omit<DrillOptions, 'log' | 'serverAdminUrl' | 'sequence'>;
  readonly database: 'embedded' | 'server';
  readonly ledger: Ledger;
  readonly faults: readonly FaultEvent[];
  readonly restartsSurvived: number;
  readonly checks: CheckResult;
  readonly auditVerify: { readonly passed: boolean; readonly output: string };
  /** `rongcuo serve`'s exit code on the final SIGTERM (0: it stopped cleanly). */
  readonly finalStop: number | null | 'did not exit';
  /**
   * The application's output over the whole drill, kept after the run only when it failed
   * or met a finding (a 500, a stop that hung); null otherwise.
   */
  readonly serveLog: string | null;
  readonly recovered: boolean;
}

/** How long `rongcuo serve` may take to stop on SIGTERM (a service manager's usual grace). */
const STOP_GRACE_MS = 60_000;
/** How often the pending jobs are read during the run, to hold the end state to. */
const JOB_LOOK_MS = 5_000;

function appDatabase(url: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // Its connections die with the faults: the drill's errors, never the process's.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

async function retry<T>(what: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await what();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await delay(500);
    }
  }
}

export async function runDrill(options: DrillOptions): Promise<DrillResult> {
  const { log } = options;
  const base = await mkdtemp(path.join(tmpdir(), 'rongcuo-drill-'));
  const serveLog = `${base}-serve.log`;
  // As root the embedded server runs as `postgres`, which must reach the directory.
  await chmod(base, 0o755);
  const dataDir = path.join(base, 'pg');
  const { DATABASE_URL: _url, DATABASE_OWNER_URL: _owner, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    RONGCUO_DATA_DIR: dataDir,
    RONGCUO_KEY_DIR: path.join(base, 'keys'),
    RONGCUO_CHECKPOINT_DIR: path.join(base, 'audit-checkpoints'),
  };
  const server = options.serverAdminUrl
    ? await freshServerDatabase(options.serverAdminUrl, 'rongcuo_drill')
    : null;
  let db: Kysely<Database> | undefined;
  let app: AppProcess | undefined;
  try {
    if (server) {
      env.DATABASE_URL = server.url;
      env.DATABASE_OWNER_URL = server.ownerUrl;
      log('server: a fresh database with its two roles; loading the demo data');
      const demo = await runCli(env, ['demo']);
      if (demo.code !== 0) throw new Error(`rongcuo demo failed:\n${demo.output}`);
    }
    app = new AppProcess(env, await freePort(), options.workers, serveLog);
    log(`starting rongcuo serve on ${app.url} (${server ? 'server' : 'embedded'} database)`);
    await app.start();
    const appUrl = () => server?.url ?? app!.storeUrl;
    db = appDatabase(appUrl());
    const faults = new Faults(
      app,
      {
        minGapSeconds: options.minGapSeconds,
        maxGapSeconds: options.maxGapSeconds,
        embeddedDataDir: server ? null : dataDir,
        // On a server there is no database to kill: the sequence without it.
        ...(options.sequence === undefined
          ? {}
          : {
              sequence: server
                ? options.sequence.filter((k) => k !== 'kill_database')
                : options.sequence,
            }),
        appDatabaseUrl: appUrl,
      },
      seeded(options.seed),
    );
    if (!(await faults.untilHealthy())) throw new Error(`not healthy:\n${app.output()}`);

    const unit = await db
      .selectFrom('units')
      .select('id')
      .where('name', '=', '综合行政执法大队')
      .executeTakeFirstOrThrow();
    const officer = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'wangqiang')
      .executeTakeFirstOrThrow();
    // One session per role, shared by the clients: sign-in is rate limited (issue 8), and
    // sessions live in the database, so they outlive every restart.
    const login = (username: string) => BenchClient.login(app!.url, username, DEMO_PASSWORD);
    const [officerS, investigator, secretary, reviewer, petitions] = await Promise.all(
      ['wangqiang', 'lina', 'zhangmin', 'liuyang', 'xuqing'].map(login),
    );
    const sessions: Sessions = {
      officer: officerS!,
      investigator: investigator!,
      secretary: secretary!,
      reviewer: reviewer!,
      petitions: petitions!,
    };
    const ledger = new Ledger();
    const workload: Workload = {
      sessions,
      unitId: unit.id,
      officerId: officer.id,
      ledger,
      random: seeded(options.seed + 1),
      stopped: false,
    };
    // A second's margin: the database's clock and ours are the same machine's.
    const drillStart = new Date(Date.now() - 1_000);
    const jobsSeen = new Set(await pendingJobs(db));

    log(`workload: ${options.clients} case clients and 1 report client for ${options.seconds} s`);
    const clients = [
      ...Array.from({ length: options.clients }, (_, i) => caseClient(workload, i + 1)),
      reportClient(workload),
    ];
    const faultLoop = faults.run();
    const lookAtJobs = (async () => {
      while (!workload.stopped) {
        await delay(JOB_LOOK_MS);
        const seen = await pendingJobs(db!).catch(() => []);
        for (const key of seen) jobsSeen.add(key);
      }
    })();
    const progress = setInterval(() => {
      log(
        `${ledger.acked.length} writes acknowledged, ${faults.events.length} faults, ` +
          `${ledger.unknownCount} outcomes unknown`,
      );
    }, 15_000);
    await delay(options.seconds * 1000);
    workload.stopped = true;
    faults.stopped = true;
    clearInterval(progress);
    log('time is up: waiting for the clients and the last fault');
    await Promise.all([...clients, faultLoop, lookAtJobs]);

    // Whatever the last fault left: the application running and healthy again.
    if (!app.running()) await app.start();
    const recovered = await faults.untilHealthy();
    log(`recovered: ${recovered}; checking`);
    const checks = await retry(() =>
      runChecks(
        ledger,
        { cases: investigator!, corrections: secretary!, reports: petitions! },
        db!,
        drillStart,
        jobsSeen,
      ),
    );
    await db.destroy();
    db = undefined;
    const finalStop = await app.stop(STOP_GRACE_MS);
    app = undefined;
    log('rongcuo audit verify');
    const verify = await runCli(env, ['audit', 'verify']);
    const { log: _log, serverAdminUrl: _admin, sequence: _sequence, ...shown } = options;
    const result: DrillResult = {
      options: shown,
      database: server ? 'server' : 'embedded',
      ledger,
      faults: faults.events,
      restartsSurvived: faults.restartsSurvived,
      checks,
      auditVerify: { passed: verify.code === 0, output: verify.output.trim() },
      finalStop,
      serveLog,
      recovered,
    };
    if (failures(result).length > 0 || finalStop !== 0 || ledger.internalErrors.length > 0)
      return result;
    await rm(serveLog, { force: true });
    return { ...result, serveLog: null };
  } finally {
    await db?.destroy();
    await app?.kill();
    await server?.drop();
    await rm(base, { recursive: true, force: true });
  }
}
