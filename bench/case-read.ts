// `npm run bench:case-read` (also part of `npm run bench`): how a case read compares with
// the cheapest request the server answers, measured in one run so the machine's load
// weighs on both alike (issue 13). For each database, the embedded PostgreSQL on a fresh
// data directory on disk and a fresh database on a PostgreSQL server:
//
//   1. the demo data (seedDemo), the server listening on 127.0.0.1 in this process;
//   2. a user who may read it logs in, and the case is chosen: of the cases they may read
//      in a late state (published, objected to, closed…), the one with the longest timeline;
//   3. autocannon in a worker thread (procedure-load.ts), CONNECTIONS connections for
//      SECONDS each after a short warm-up, on GET /api/v1/health, then on
//      GET /api/v1/cases/:id as that user, answered from the page kept since the last write
//      (src/http/case/case-answer-cache.ts); then the same read on a second instance on
//      the same database that keeps none, so every read is made afresh, as after a write.
//
// Prints requests/s, p50 and p99 of each, the ratio (of the kept answers: the target's),
// and PASS or FAIL against the target: the case read at least half the health check's
// requests/s, p99 under 50 ms. Progress
// goes to stderr. Exits 1 if a target is missed or a request failed.

import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { assemble } from '../src/main.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/app/demo-data.ts';
import { BenchClient } from './procedure-client.ts';
import {
  openEmbeddedOnDisk,
  openFreshOnServer,
  type BenchDatabase,
} from './procedure-databases.ts';
import { runLoad, type LoadResult } from './procedure-load.ts';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
/** The reader: the secretary of the emergency bureau, who reads every case of its units. */
const READER = process.env.BENCH_READER ?? 'zhangmin';
const LATE_STATES = new Set(['published', 'objection_review', 'notified', 'closed']);
/** The targets of issue 13. */
const MIN_RATIO = 0.5;
const MAX_P99_MS = 50;

const t0 = performance.now();
const log = (message: string) =>
  console.error(`bench:case-read: ${((performance.now() - t0) / 1000).toFixed(1)} s: ${message}`);

interface Measured {
  readonly name: string;
  readonly caseLabel: string;
  readonly health: LoadResult;
  readonly read: LoadResult;
  /** The same read with no answer kept: what every read cost before, and a read after a write. */
  readonly made: LoadResult;
  /** Reads of the measured run answered from the kept page, and made. */
  readonly answers: { readonly hits: number; readonly misses: number };
  readonly loadavg: readonly number[];
}

async function chooseCase(reader: BenchClient) {
  const list = await reader.send<{ items: { id: string; number: string; state: string }[] }>(
    'GET',
    '/api/v1/cases?limit=200',
  );
  let best: { id: string; label: string; events: number } | null = null;
  for (const item of list.items.filter((i) => LATE_STATES.has(i.state))) {
    const detail = await reader.send<{ timeline: unknown[] }>('GET', `/api/v1/cases/${item.id}`);
    if (!best || detail.timeline.length > best.events)
      best = {
        id: item.id,
        label: `${item.number} (${item.state}, ${detail.timeline.length} events)`,
        events: detail.timeline.length,
      };
  }
  if (!best) throw new Error(`${READER} may read no case in a late state`);
  return best;
}

async function measureOn(open: () => Promise<BenchDatabase>): Promise<Measured> {
  const db = await open();
  try {
    log(`${db.name}: ${db.where}`);
    const app = await assemble({ store: db.store });
    try {
      await seedDemo(app.ctx);
      const url = await app.server.listen({ port: 0, host: '127.0.0.1' });
      const reader = await BenchClient.login(url, READER, DEMO_PASSWORD);
      const chosen = await chooseCase(reader);
      log(`${db.name}: ${READER} reads ${chosen.label}`);
      const load = (path: string, durationSeconds: number, on = url) =>
        runLoad({
          url: on,
          connections: CONNECTIONS,
          durationSeconds,
          headers: { cookie: reader.cookie },
          paths: [path],
        });
      const healthPath = '/api/v1/health';
      const readPath = `/api/v1/cases/${chosen.id}`;
      await load(healthPath, WARMUP_SECONDS);
      const health = await load(healthPath, SECONDS);
      log(`${db.name}: health ${health.requestsPerSecond.toFixed(0)} requests/s`);
      await load(readPath, WARMUP_SECONDS);
      const kept = { hits: app.caseAnswers.hits, misses: app.caseAnswers.misses };
      const read = await load(readPath, SECONDS);
      const answers = {
        hits: app.caseAnswers.hits - kept.hits,
        misses: app.caseAnswers.misses - kept.misses,
      };
      log(`${db.name}: case ${read.requestsPerSecond.toFixed(0)} requests/s`);
      // The same read made afresh every time, as after each write: a second instance on
      // the same database that keeps no answer, measured in the same run.
      const fresh = await assemble({
        store: db.store,
        auditFiles: app.ctx.auditFiles,
        caseAnswerLimits: { entries: 0, bytes: 0 },
      });
      let made: LoadResult;
      try {
        const freshUrl = await fresh.server.listen({ port: 0, host: '127.0.0.1' });
        await load(readPath, WARMUP_SECONDS, freshUrl);
        made = await load(readPath, SECONDS, freshUrl);
      } finally {
        await fresh.close();
      }
      log(`${db.name}: case made afresh ${made.requestsPerSecond.toFixed(0)} requests/s`);
      return {
        name: db.name,
        caseLabel: chosen.label,
        health,
        read,
        made,
        answers,
        loadavg: os.loadavg(),
      };
    } finally {
      await app.close();
    }
  } finally {
    await db.discard();
  }
}

const loadBefore = os.loadavg();
const results: Measured[] = [];
for (const open of [openEmbeddedOnDisk, () => openFreshOnServer(SERVER_URL)])
  results.push(await measureOn(open));

const fixed = (x: number, digits: number) => x.toFixed(digits);
const failures = (r: LoadResult) => r.non2xx + r.errors + r.timeouts;
let pass = true;
const lines: string[] = [];
lines.push(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}; ` +
    `load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}`,
);
lines.push(`${CONNECTIONS} connections, ${SECONDS} s each, reader ${READER}`);
lines.push('');
lines.push(
  '| database | health req/s | health p50 / p99 ms | case req/s | case p50 / p99 ms | ratio | result | made afresh req/s | p50 / p99 ms |',
);
lines.push('|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const ratio = r.read.requestsPerSecond / r.health.requestsPerSecond;
  const ok =
    ratio >= MIN_RATIO &&
    r.read.latencyMs.p99 < MAX_P99_MS &&
    failures(r.read) === 0 &&
    failures(r.health) === 0;
  pass &&= ok;
  lines.push(
    `| ${r.name} | ${fixed(r.health.requestsPerSecond, 0)} | ${r.health.latencyMs.p50} / ${r.health.latencyMs.p99} ` +
      `| ${fixed(r.read.requestsPerSecond, 0)} | ${r.read.latencyMs.p50} / ${r.read.latencyMs.p99} ` +
      `| ${fixed(ratio, 2)} | ${ok ? 'PASS' : 'FAIL'} ` +
      `| ${fixed(r.made.requestsPerSecond, 0)} | ${r.made.latencyMs.p50} / ${r.made.latencyMs.p99} |`,
  );
}
lines.push('');
for (const r of results)
  lines.push(
    `${r.name}: case ${r.caseLabel}; failures health ${failures(r.health)}, case ${failures(r.read)}, ` +
      `made afresh ${failures(r.made)}; answers kept ${r.answers.hits}, made ${r.answers.misses}; ` +
      `load average after ${r.loadavg.map((x) => x.toFixed(2)).join(' ')}`,
  );
lines.push(
  `target: case read ≥ ${MIN_RATIO} × health requests/s and p99 < ${MAX_P99_MS} ms: ${pass ? 'PASS' : 'FAIL'}`,
);
console.log(lines.join('\n'));
process.exitCode = pass ? 0 : 1;
