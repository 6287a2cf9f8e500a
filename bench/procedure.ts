// `npm run bench` (second part; alone: `npm run bench:procedure`): the case procedure
// service over real HTTP, on the embedded PostgreSQL and on a PostgreSQL server, in one
// run. For each database:
//
//   1. Throughput of the whole procedure: WORKERS concurrent workers each take the next
//      case and move it from application to publication through every step, each by
//      its role, until CASES cases are published; then the application's clock moves past
//      the objection period and the workers close them all. cases/s and requests/s over
//      the two timed phases.
//   2. Read latency under load: autocannon, CONNECTIONS connections for READ_SECONDS,
//      as a logged-in investigator, on GET /api/v1/cases/:id (cycling through every
//      case the investigator may see) and on GET /api/v1/cases?limit=20.
//
// The server runs in this process (assemble + listen on 127.0.0.1, port 0); autocannon
// runs in a worker thread (bench/procedure-load.ts). Prints a readable summary and the
// markdown table for BENCHMARKS.md to stdout; progress goes to stderr. Exits 1 if any
// request failed or any read was answered with a non-2xx status.

import cluster from 'node:cluster';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { assemble } from '../src/main.ts';
import type { Db } from '../src/store/transaction.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/app/demo-data.ts';
import { todayInChina } from '../src/domain/calendar-date.ts';
import { ASSESSMENT_FACTORS } from '../src/domain/vocabulary.ts';
import { BenchClient, RequestFailed, SESSION_COOKIE, Tally } from './procedure-client.ts';
import {
  openEmbeddedOnDisk,
  openFreshOnServer,
  type BenchDatabase,
} from './procedure-databases.ts';
import { benchWorker, startBenchCluster, type BenchCluster } from './procedure-cluster.ts';
import { runLoad, type LoadResult } from './procedure-load.ts';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/**
 * How many processes answer, one measurement each (BENCH_SERVE_WORKERS, e.g. `1,2`): 1 is
 * the application in this process; N > 1 is N forked workers on one port, as `rongcuo
 * serve --workers N` runs (bench/procedure-cluster.ts).
 */
const SERVE_WORKERS = (process.env.BENCH_SERVE_WORKERS ?? '1,2').split(',').map(Number);
/** Which databases (BENCH_DATABASES, e.g. `server`): both by default. */
const DATABASES = (process.env.BENCH_DATABASES ?? 'embedded,server').split(',');
/** BENCH_READS=0 leaves out the read-latency part. */
const READS = process.env.BENCH_READS !== '0';
const WORKERS = 8;
/** BENCH_CASES changes it (a quick look: 40). */
const CASES = Number(process.env.BENCH_CASES ?? 200);
/** Cases run first, untimed, with the same concurrency: JIT, pool connections, caches. */
const WARMUP_CASES = 16;
const CONNECTIONS = 50;
const READ_SECONDS = 10;
const READ_WARMUP_SECONDS = 1;
/**
 * Closing waits for the officer's objection period (15 days after the notice, moved on past
 * a rest day it ends on: from mid-December the New Year holiday adds three): 30 days is
 * past it whatever the date the benchmark runs on.
 */
const OBJECTION_WAIT_DAYS = 30;

/**
 * How the procedure's writes are answered: `minimal` (the default; Prefer: return=minimal,
 * the new version only, as a batch client would ask) or `case` (the case as the writer
 * now sees it, as the web application takes it). BENCH_WRITE_ANSWER=case measures the latter.
 */
const MINIMAL = (process.env.BENCH_WRITE_ANSWER ?? 'minimal') !== 'case';

const UNIT = '综合行政执法大队';
/** Facts that determine no_liability under 第十条第（三）项 (as in test/api/procedure.test.ts). */
const FACTS: readonly [string, boolean][] = [
  ['a10.3', true],
  ['a13.c1', false],
  ...['a9.1', 'a9.2', 'a9.3', 'a9.4', 'a9.5', 'a9.6', 'a9.7', 'a9.8', 'a9.9'].map(
    (f) => [f, false] as [string, boolean],
  ),
];

const t0 = performance.now();
/** This is often a shared machine: the load before the run goes into the report. */
const loadBefore = os.loadavg();
const log = (message: string) =>
  console.error(`bench:procedure: ${((performance.now() - t0) / 1000).toFixed(1)} s: ${message}`);

interface Roles {
  readonly officer: BenchClient;
  readonly investigator: BenchClient;
  readonly secretary: BenchClient;
  /** 法制审核: the legal review the decision waits for. */
  readonly reviewer: BenchClient;
}

interface Versioned {
  readonly id: string;
  readonly version: number;
  readonly state?: string;
}

/** One case from application to publication: 26 requests (one notification). Closing comes later. */
async function toPublished(
  { officer, investigator, secretary, reviewer }: Roles,
  unitId: string,
  n: number,
  today: string,
): Promise<Versioned> {
  const opened = await officer.send<Versioned>('POST', '/api/v1/cases', {
    origin: 'application',
    unitId,
    title: `基准测试案件 ${n}：依据检测报告作出处罚后报告被撤回`,
    conduct: '本人依据第三方检测机构出具的检测报告作出罚款决定，后该机构撤回报告。',
    conductDate: '2025-03-01',
    enforcementAction: 'penalty',
    // Classified at opening: the submission for decision requires it.
    field: 'industry_trade',
    errorType: 'facts_unclear',
  });
  const id = opened.id;
  let v = opened.version;
  const act = async (client: BenchClient, action: string, body: Record<string, unknown> = {}) => {
    const res = await client.send<Versioned>(
      'POST',
      `/api/v1/cases/${id}/actions/${action}`,
      { version: v, ...body },
      { minimal: MINIMAL },
    );
    v = res.version;
    return res;
  };

  await act(investigator, 'accept');
  for (const [factId, value] of FACTS) {
    v = (
      await investigator.send<Versioned>(
        'PUT',
        `/api/v1/cases/${id}/facts/${factId}`,
        { value, version: v, note: '调查笔录' },
        { minimal: MINIMAL },
      )
    ).version;
  }
  await act(investigator, 'complete_investigation');
  for (const factor of ASSESSMENT_FACTORS) {
    v = (
      await investigator.send<Versioned>(
        'PUT',
        `/api/v1/cases/${id}/assessment/${factor}`,
        { version: v, finding: `${factor}：已核实` },
        { minimal: MINIMAL },
      )
    ).version;
  }
  await act(investigator, 'submit_for_decision');
  v = (
    await reviewer.send<Versioned>(
      'PUT',
      `/api/v1/cases/${id}/reviews/legal`,
      { version: v, opinion: '事实清楚，程序合法', agrees: true, reviewedOn: today },
      { minimal: MINIMAL },
    )
  ).version;
  await act(secretary, 'record_decision', {
    meetingDate: today,
    members: ['党委书记', '局长'],
    conclusion: 'no_liability',
    relatedUnitIds: [],
  });
  const detail = await secretary.send<{ notifications: { id: string }[] }>(
    'GET',
    `/api/v1/cases/${id}`,
  );
  for (const notification of detail.notifications)
    await act(secretary, 'send_notification', {
      notificationId: notification.id,
      deliveryMethod: 'in_person',
      deliveredOn: today,
      deliveredTo: '王强',
    });
  const published = await act(secretary, 'publish', { scope: '本系统' });
  return { id, version: published.version };
}

interface ProcedureRun {
  readonly cases: number;
  readonly closed: number;
  /** Timed seconds: application to publication, then closing (the clock move between is not timed). */
  readonly seconds: { readonly toPublished: number; readonly close: number };
  readonly tally: Tally;
  /** "status code at METHOD path" → count */
  readonly failures: Map<string, number>;
}

interface Application {
  /** Logs in every worker's three users afresh (moving the clock ends their sessions). */
  login(): Promise<Roles[]>;
  today(): string;
  /** Moves the application's clock past the objection period. */
  advance(): Promise<void>;
}

/**
 * `count` cases through WORKERS concurrent workers, each with its own sessions: first
 * from application to publication; then the clock moves OBJECTION_WAIT_DAYS on, everyone
 * logs in again, and the same workers close them.
 */
async function runProcedure(app: Application, unitId: string, count: number, first: number) {
  const tally = new Tally();
  const failures = new Map<string, number>();
  const failed = (error: unknown) => {
    const key =
      error instanceof RequestFailed
        ? `${error.status} ${error.code} at ${error.method} ${error.path.replace(/[0-9a-f-]{36}/g, ':id')}`
        : String(error);
    failures.set(key, (failures.get(key) ?? 0) + 1);
  };
  const withTally = (roles: Roles): Roles => ({
    officer: roles.officer.withTally(tally),
    investigator: roles.investigator.withTally(tally),
    secretary: roles.secretary.withTally(tally),
    reviewer: roles.reviewer.withTally(tally),
  });
  const timed = async (work: (roles: Roles) => Promise<void>, sessions: Roles[]) => {
    const start = performance.now();
    await Promise.all(sessions.map((roles) => work(withTally(roles))));
    return (performance.now() - start) / 1000;
  };

  const published: Versioned[] = [];
  let next = 0;
  const today = app.today();
  const toPublishedSeconds = await timed(
    async (roles) => {
      while (next < count) {
        const n = first + next++;
        try {
          published.push(await toPublished(roles, unitId, n, today));
        } catch (error) {
          failed(error);
        }
      }
    },
    await app.login(),
  );

  await app.advance();
  let closed = 0;
  const queue = [...published];
  const closeSeconds = await timed(
    async ({ secretary }) => {
      for (let c = queue.pop(); c; c = queue.pop()) {
        try {
          const res = await secretary.send<Versioned>(
            'POST',
            `/api/v1/cases/${c.id}/actions/close`,
            {
              version: c.version,
            },
          );
          if (res.state !== 'closed') throw new Error(`case ${c.id} ended in ${res.state}`);
          closed++;
        } catch (error) {
          failed(error);
        }
      }
    },
    await app.login(),
  );

  const run: ProcedureRun = {
    cases: count,
    closed,
    seconds: { toPublished: toPublishedSeconds, close: closeSeconds },
    tally,
    failures,
  };
  return run;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface TargetResult {
  readonly name: string;
  readonly where: string;
  readonly procedure: ProcedureRun;
  readonly closedInDatabase: number;
  readonly readableCases: number;
  readonly detail: LoadResult;
  readonly list: LoadResult;
}

async function measureOn(
  open: () => Promise<BenchDatabase>,
  workers: number,
): Promise<TargetResult> {
  const db = await open();
  try {
    const name = `${db.name}, ${workers} worker${workers === 1 ? '' : 's'}`;
    log(`${name}: ${db.where}`);
    let offsetMs = 0;
    const clock = () => new Date(Date.now() + offsetMs);
    const app = await assemble({ store: db.store, now: clock });
    let served: BenchCluster | undefined;
    try {
      await seedDemo(app.ctx);
      // The demo data has closed cases of its own.
      const closedBefore = await closedCount(app.ctx.db);
      let url: string;
      if (workers === 1) {
        url = await app.server.listen({ port: 0, host: '127.0.0.1' });
      } else {
        served = await startBenchCluster(workers, db.appUrl, app.ctx.auditFiles, offsetMs);
        url = served.url;
      }
      const unitId = (
        await app.ctx.db
          .selectFrom('units')
          .select('id')
          .where('name', '=', UNIT)
          .executeTakeFirstOrThrow()
      ).id;
      const login = (username: string) => BenchClient.login(url, username, DEMO_PASSWORD);
      const application: Application = {
        // One session per role, shared by the workers: signing in is rate limited per
        // address and per name (issue 8), and the benchmark measures the procedure.
        async login() {
          const [officer, investigator, secretary, reviewer] = await Promise.all(
            ['wangqiang', 'lina', 'zhangmin', 'liuyang'].map(login),
          );
          const roles: Roles = {
            officer: officer!,
            investigator: investigator!,
            secretary: secretary!,
            reviewer: reviewer!,
          };
          return Array.from({ length: WORKERS }, () => roles);
        },
        today: () => todayInChina(clock()),
        async advance() {
          const ms = OBJECTION_WAIT_DAYS * 24 * 3600_000;
          offsetMs += ms;
          await served?.advance(ms);
        },
      };

      log(`${name}: ${WARMUP_CASES} warm-up cases`);
      const warm = await runProcedure(application, unitId, WARMUP_CASES, 0);
      log(`${name}: ${CASES} cases, ${WORKERS} clients`);
      const procedure = await runProcedure(application, unitId, CASES, WARMUP_CASES);
      const seconds = procedure.seconds.toPublished + procedure.seconds.close;
      log(
        `${name}: ${(procedure.closed / seconds).toFixed(1)} cases/s, ${(procedure.tally.requests / seconds).toFixed(0)} requests/s`,
      );
      const closedInDatabase = (await closedCount(app.ctx.db)) - closedBefore;
      for (const run of [warm, procedure])
        for (const [what, n] of run.failures) log(`${name}: ${n} case(s) failed: ${what}`);
      if (closedInDatabase !== warm.closed + procedure.closed)
        throw new Error(
          `${closedInDatabase} closed cases in the database, ${warm.closed + procedure.closed} closed over HTTP`,
        );

      // Every case the investigator may read: the demo's and those just closed.
      const reader = await login('lina');
      const ids: string[] = [];
      for (let offset = 0; ; offset += 200) {
        const page = await reader.send<{ items: { id: string }[] }>(
          'GET',
          `/api/v1/cases?limit=200&offset=${offset}`,
        );
        ids.push(...page.items.map((i) => i.id));
        if (page.items.length < 200) break;
      }
      const load = (paths: string[], durationSeconds: number) =>
        runLoad({
          url,
          connections: CONNECTIONS,
          durationSeconds,
          headers: { cookie: reader.cookie },
          paths,
        });
      const detailPaths = ids.map((id) => `/api/v1/cases/${id}`);
      const listPaths = ['/api/v1/cases?limit=20'];
      let detail = NO_LOAD;
      let list = NO_LOAD;
      if (READS) {
        log(`${name}: reads, ${CONNECTIONS} connections`);
        await load(detailPaths, READ_WARMUP_SECONDS);
        detail = await load(detailPaths, READ_SECONDS);
        await load(listPaths, READ_WARMUP_SECONDS);
        list = await load(listPaths, READ_SECONDS);
      }
      return {
        name,
        where: db.where,
        procedure,
        closedInDatabase,
        readableCases: ids.length,
        detail,
        list,
      };
    } finally {
      await served?.stop();
      await app.close();
    }
  } finally {
    await db.discard();
  }
}

async function closedCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('state', '=', 'closed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A read measurement left out (BENCH_READS=0). */
const NO_LOAD: LoadResult = {
  seconds: 0,
  requests: 0,
  requestsPerSecond: NaN,
  latencyMs: { mean: NaN, p50: NaN, p90: NaN, p99: NaN, max: NaN },
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  statusCodes: {},
};

// ---------------------------------------------------------------------------------------

// A forked worker of a measurement with N > 1 (bench/procedure-cluster.ts) only serves.
if (cluster.isWorker) await benchWorker();
else await report();

async function report() {
  const results: TargetResult[] = [];
  const opens = {
    embedded: openEmbeddedOnDisk,
    server: () => openFreshOnServer(SERVER_URL),
  } as const;
  for (const database of DATABASES)
    for (const workers of SERVE_WORKERS)
      results.push(await measureOn(opens[database as keyof typeof opens], workers));

  const fmt = (x: number, digits = 1) =>
    Number.isFinite(x)
      ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
      : '–';
  const ms = (x: number) => fmt(x, x < 10 ? 2 : 1);
  const timedSeconds = (r: TargetResult) =>
    r.procedure.seconds.toPublished + r.procedure.seconds.close;
  const requestsPerCase = (r: TargetResult) => r.procedure.tally.requests / r.procedure.cases;
  const writeLatency = (r: TargetResult, p: number) =>
    percentile(
      [...r.procedure.tally.latenciesMs].sort((a, b) => a - b),
      p,
    );
  type Row = [string, (r: TargetResult) => string];
  const readRows = (label: string, pick: (r: TargetResult) => LoadResult): Row[] => [
    [`${label}: requests/s`, (r) => fmt(pick(r).requestsPerSecond, 0)],
    [`${label}: mean ms`, (r) => ms(pick(r).latencyMs.mean)],
    [`${label}: p50 ms`, (r) => ms(pick(r).latencyMs.p50)],
    [`${label}: p90 ms`, (r) => ms(pick(r).latencyMs.p90)],
    [`${label}: p99 ms`, (r) => ms(pick(r).latencyMs.p99)],
    [`${label}: max ms`, (r) => ms(pick(r).latencyMs.max)],
    [
      `${label}: non-2xx / errors`,
      (r) => `${pick(r).non2xx} / ${pick(r).errors + pick(r).timeouts}`,
    ],
  ];
  const rows: Row[] = [
    [
      `procedure: cases/s (${CASES} cases, ${WORKERS} workers)`,
      (r) => fmt(r.procedure.closed / timedSeconds(r), 1),
    ],
    ['procedure: requests/s', (r) => fmt(r.procedure.tally.requests / timedSeconds(r), 0)],
    ['procedure: requests per case', (r) => fmt(requestsPerCase(r), 0)],
    ['procedure: request p50 ms', (r) => ms(writeLatency(r, 50))],
    ['procedure: request p99 ms', (r) => ms(writeLatency(r, 99))],
    ['procedure: cases not closed', (r) => String(r.procedure.cases - r.procedure.closed)],
    ...readRows('GET /api/v1/cases/:id', (r) => r.detail),
    ...readRows('GET /api/v1/cases?limit=20', (r) => r.list),
  ];

  const cpus = os.cpus();
  const machine =
    `Node ${process.version}, ${cpus[0]?.model.trim() ?? 'unknown CPU'} ` +
    `(${cpus.length} logical CPUs), ${os.platform()} ${os.arch()}, ${new Date().toISOString()}; ` +
    `load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before, ` +
    `${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} after`;

  const problems: string[] = [];
  for (const r of results) {
    for (const [what, count] of r.procedure.failures)
      problems.push(`${r.name}: procedure: ${count} case(s) failed: ${what}`);
    for (const [label, load] of [
      ['GET /api/v1/cases/:id', r.detail],
      ['GET /api/v1/cases?limit=20', r.list],
    ] as const) {
      if (load.non2xx > 0 || load.errors > 0 || load.timeouts > 0)
        problems.push(
          `${r.name}: ${label}: ${load.non2xx} non-2xx, ${load.errors} errors, ${load.timeouts} timeouts; status codes ${JSON.stringify(load.statusCodes)}`,
        );
    }
  }

  const header = `| metric | ${results.map((r) => r.name).join(' | ')} |`;
  const rule = `| --- | ${results.map(() => '---:').join(' | ')} |`;
  const table = [
    header,
    rule,
    ...rows.map(([label, f]) => `| ${label} | ${results.map(f).join(' | ')} |`),
  ];

  const out = [
    `Machine: ${machine}`,
    `Writes of the procedure answered ${MINIMAL ? 'minimally (Prefer: return=minimal; the default)' : 'with the case'}; BENCH_WRITE_ANSWER=${MINIMAL ? 'case' : 'minimal'} for the other.`,
    '',
    ...results.map(
      (r) =>
        `- ${r.name}: ${r.where}; timed ${r.procedure.seconds.toPublished.toFixed(1)} s to publication + ${r.procedure.seconds.close.toFixed(1)} s closing; ${r.closedInDatabase} cases closed in the database; reads cycle through ${r.readableCases} cases`,
    ),
    '',
    ...table,
    '',
    problems.length === 0
      ? 'No failed requests and no non-2xx responses.'
      : ['Problems:', ...problems.map((p) => `- ${p}`)].join('\n'),
    '',
    `(${((performance.now() - t0) / 1000).toFixed(0)} s; session cookie ${SESSION_COOKIE})`,
  ];
  console.log(out.join('\n'));
  if (problems.length > 0) process.exitCode = 1;
}
