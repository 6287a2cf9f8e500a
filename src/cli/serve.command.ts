// `rongcuo serve`: start the whole system. Without DATABASE_URL it runs on the embedded
// PostgreSQL in ./data and loads the demo data on the first start. It runs until a
// signal, or until the database is gone for good (the embedded server died and could not
// be started again): then it says so and exits 1 rather than answer 503 for ever.
//
// With --workers N (or RONGCUO_WORKERS; default the processors available) N processes
// answer HTTP on one port (node:cluster). The first process, the primary, starts the
// embedded PostgreSQL, migrates, loads the demo data and creates the keys, then forks
// the workers, which connect to the database by URL; it runs the scheduled jobs and the
// audit chainer's interval itself, and answers no request. Everything the workers share
// is in the database: sessions, sign-in failures and lockouts, idempotency keys, jobs,
// the audit chain (README, "Serving on several processors").

import cluster, { type Worker } from 'node:cluster';
import { setTimeout as sleep } from 'node:timers/promises';
import { availableParallelism, hostname } from 'node:os';
import { assemble, type Application } from '../main.ts';
import { startAuditChainer } from '../app/audit/audit-chainer.ts';
import { demoAccountsTable, hasData, seedDemo } from '../app/demo-data.ts';
import { ensureScheduled, startJobWorker, type JobServices } from '../app/jobs/job-runner.ts';
import { runDailyBackup } from '../app/backup/backup-schedule.ts';
import type { StoreError } from '../store/store-error.ts';
import { parseCommandLine, type CliIO } from './cli-io.ts';
import { dbWaitSeconds, whenDatabaseAnswers } from './wait-for-database.ts';

const USAGE = '用法 / usage: rongcuo serve [--port N] [--host H] [--workers N] [--no-demo]';

/** How long a stopping worker may take to close its server and pool before it just exits. */
const WORKER_CLOSE_MS = 15_000;
/** How long the primary waits for a worker told to stop before it kills it. */
const WORKER_KILL_MS = 30_000;

/** Most workers one machine would use; more is a typo. */
const MAX_WORKERS = 256;

export async function runServe(args: string[], io: CliIO): Promise<number> {
  const options = {
    port: { type: 'string' },
    host: { type: 'string' },
    workers: { type: 'string' },
    'no-demo': { type: 'boolean' },
  } as const;
  const parsed = parseCommandLine(io, args, options, USAGE, { positionals: false });
  if (!parsed) return 2;
  const { values } = parsed;
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  if (cluster.isWorker) return serveAsWorker(port, host);
  const workers = workerCount(values.workers ?? process.env.RONGCUO_WORKERS);
  if (workers === undefined) {
    io.stderr.write(
      `--workers 须为 1 到 ${MAX_WORKERS} 的整数 / --workers must be a whole number from 1 to ${MAX_WORKERS}\n${USAGE}\n`,
    );
    return 2;
  }
  const app = await whenDatabaseAnswers(
    () =>
      assemble({
        logger: process.env.LOG_LEVEL !== undefined,
        secureCookies: process.env.SECURE_COOKIES === '1',
      }),
    io,
    dbWaitSeconds(),
  );
  if (!values['no-demo'] && app.store.kind === 'embedded' && !(await hasData(app.ctx))) {
    io.stdout.write('首次启动：写入演示数据 / first start: loading demo data…\n');
    await seedDemo(app.ctx);
    io.stdout.write(demoAccountsTable());
  }
  const schedule = app.backupSchedule;
  const services: JobServices =
    schedule && schedule.keep > 0
      ? {
          dailyBackup: (now) =>
            runDailyBackup(app.store, schedule, app.ctx.auditFiles.checkpointDir, now),
        }
      : {};
  await ensureScheduled(app.ctx, services);
  const stopJobs = startJobWorker(app.ctx, `${hostname()}:${process.pid}`, services);
  const stopChainer = startAuditChainer(app.ctx.db);
  let lost: StoreError | null;
  try {
    lost =
      workers === 1
        ? await serveHere(app, port, host, io)
        : await serveByWorkers(app, workers, port, host, io);
  } finally {
    await stopChainer();
    await stopJobs();
  }
  if (lost) io.stderr.write(`${lost.message}\n`);
  await app.close();
  return lost ? 1 : 0;
}

function workerCount(given: string | undefined): number | undefined {
  if (given === undefined || given === '') return Math.min(availableParallelism(), MAX_WORKERS);
  const n = Number(given);
  return Number.isInteger(n) && n >= 1 && n <= MAX_WORKERS ? n : undefined;
}

function announce(io: CliIO, app: Application, url: string, workers: number) {
  const kind = app.store.kind;
  io.stdout.write(
    `容错系统已启动，访问地址 ${url}（数据库：${kind === 'embedded' ? '内置' : '服务器'} ${app.store.url}；${workers} 个工作进程）\n` +
      `Rongcuo 容错 serving on ${url} (database: ${kind} ${app.store.url}; ${workers} worker${workers === 1 ? '' : 's'})\n`,
  );
  io.stdout.write(`API 文档 / API docs: ${url}/api/v1/docs\n`);
}

/** Until SIGINT or SIGTERM (null), or the database is gone for good (its error). */
function untilStopped(app: Application): Promise<StoreError | null> {
  return new Promise<StoreError | null>((resolve) => {
    const stop = () => resolve(null);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    app.store.onLost(resolve);
  });
}

/** One process, as before --workers: this one answers. */
async function serveHere(app: Application, port: number, host: string, io: CliIO) {
  const url = await app.server.listen({ port, host });
  announce(io, app, url, 1);
  return untilStopped(app);
}

/**
 * The primary of N workers: forks them with the database's URL and the key locations it
 * used, waits until each listens, and stops them all when it stops. A worker that dies
 * while serving is replaced; one that cannot start stops the whole.
 */
async function serveByWorkers(
  app: Application,
  count: number,
  port: number,
  host: string,
  io: CliIO,
): Promise<StoreError | null> {
  const env: NodeJS.ProcessEnv = {
    // The embedded server's socket and application role; a server's URL as it was given.
    DATABASE_URL: app.store.kind === 'embedded' ? app.store.url : process.env.DATABASE_URL,
    // Migrations ran here: a worker checks only that none is pending.
    DATABASE_OWNER_URL: '',
    RONGCUO_KEY_DIR: app.ctx.auditFiles.keyDir,
    RONGCUO_CHECKPOINT_DIR: app.ctx.auditFiles.checkpointDir,
    RONGCUO_SERVE_WORKERS: String(count),
  };
  let stopping = false;
  let failedStart: (error: Error) => void = () => {};
  const started = new Set<Worker>();
  const fork = () => {
    const worker = cluster.fork(env);
    worker.once('exit', (code, signal) => {
      // A clean exit (0) is a worker stopping with the rest, e.g. on the terminal's Ctrl-C.
      if (stopping || code === 0) return;
      if (!started.has(worker)) {
        failedStart(
          new Error(`worker ${worker.process.pid} exited (${signal ?? code}) before listening`),
        );
        return;
      }
      started.delete(worker);
      io.stderr.write(
        `工作进程 ${worker.process.pid} 意外退出（${signal ?? code}），正在重新启动 / worker ${worker.process.pid} exited (${signal ?? code}); starting another\n`,
      );
      fork();
    });
    return worker;
  };
  const listening = new Promise<number>((resolve, reject) => {
    failedStart = reject;
    cluster.on('listening', (worker, address) => {
      started.add(worker);
      if (started.size === count) resolve(address.port);
    });
  });
  for (let i = 0; i < count; i++) fork();
  const stopAll = async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            const kill = setTimeout(() => w.process.kill('SIGKILL'), WORKER_KILL_MS);
            w.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            w.process.kill('SIGTERM');
          }),
      ),
    );
  };
  let boundPort: number;
  try {
    boundPort = await listening;
  } catch (error) {
    await stopAll();
    throw error;
  }
  announce(io, app, `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`, count);
  const lost = await untilStopped(app);
  await stopAll();
  return lost;
}

/** A worker: the same application on the primary's database, answering on the shared port. */
async function serveAsWorker(port: number, host: string): Promise<number> {
  const app = await assemble({
    logger: process.env.LOG_LEVEL !== undefined,
    secureCookies: process.env.SECURE_COOKIES === '1',
  });
  await app.server.listen({ port, host });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    // The primary gone: no one to stop this worker but itself.
    process.once('disconnect', resolve);
  });
  // Bounded: a pool waiting for a connection a killed database left checked out must not
  // keep a stopping worker (and the primary waiting on it) alive; the fault drill saw one
  // worker hang so once (BENCHMARKS.md, "Issue 14: fault drill").
  const closed = await Promise.race([
    app.close().then(() => true),
    sleep(WORKER_CLOSE_MS, undefined, { ref: false }).then(() => false),
  ]);
  cluster.worker?.disconnect();
  if (!closed) {
    process.stderr.write(
      `工作进程 ${process.pid} 未能在 ${WORKER_CLOSE_MS / 1_000} 秒内关闭，强制退出 / worker ${process.pid} did not close within ${WORKER_CLOSE_MS / 1_000} s: exiting\n`,
    );
    process.exit(0);
  }
  return 0;
}
