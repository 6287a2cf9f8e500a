// `npm run bench:scale -- N` (not part of `npm run bench`: it is long): the case list, its
// search and the statistics at N generated cases (default 1,000,000).
//
//   1. Seed: a fresh database (the embedded one on disk, or with BENCH_SCALE_SERVER=1 a
//      new database on BENCH_DATABASE_URL's server) and `rongcuo demo --scale N`'s
//      generator (src/app/demo/scale-seed.ts); the time, the rate and the size on disk.
//   2. Time over HTTP, one client, each request after the last: GET /api/v1/cases with
//      varied filters (none, a state, a unit of the reader's subtree, a date range, a word
//      or a case number to search, all together, a page deep in the list) and
//      GET /api/v1/statistics with varied filters, as a 盟市's secretary (reads one 盟市,
//      a twelfth of the province) and as a 旗县局's secretary (reads one county bureau).
//      RUNS requests of each kind, with a warm-up; p50, p99 and max.
//
// Prints markdown for BENCHMARKS.md to stdout, progress to stderr. BENCH_SCALE_KEEP=1
// leaves the database in place (its location printed) for EXPLAIN ANALYZE by hand.

import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import {
  SCALE_ACCOUNTS,
  seedScale,
  SCALE_PASSWORD,
  type ScaleResult,
} from '../src/app/demo/scale-seed.ts';
import { assemble } from '../src/main.ts';
import { openDatabase } from '../src/store/database.ts';
import { scaleSizes } from '../src/store/scale-seed.queries.ts';
import type { Db } from '../src/store/transaction.ts';
import {
  openEmbeddedOnDisk,
  openFreshOnServer,
  type BenchDatabase,
} from './procedure-databases.ts';
import { CASE_STATES } from '../src/domain/vocabulary.ts';
import { mulberry32 } from './fact-sets.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 200);
const SERVER = process.env.BENCH_SCALE_SERVER === '1';
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const KEEP = process.env.BENCH_SCALE_KEEP === '1';
/** An embedded data directory seeded before (kept by BENCH_SCALE_KEEP=1): time it again. */
const EXISTING = process.env.BENCH_SCALE_DATA_DIR;
const LIST_TARGET_MS = 50;
const STATISTICS_TARGET_MS = 500;

const t0 = performance.now();
const log = (m: string) =>
  console.error(`bench:scale: ${((performance.now() - t0) / 1000).toFixed(1)} s: ${m}`);

interface Row {
  readonly reader: string;
  readonly kind: string;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly rows: number;
  readonly target: number;
}

async function openExisting(dataDir: string): Promise<BenchDatabase> {
  const store = await openDatabase({ dataDir });
  return {
    name: 'embedded',
    where: dataDir,
    store,
    appUrl: store.url,
    discard: () => store.close(),
  };
}

/** What the seed would have said, read from a database seeded before. */
async function describeExisting(db: Db): Promise<ScaleResult> {
  const sizes = await scaleSizes(db);
  const count = (name: string) => sizes.tables.find((t) => t.name === name)?.rows ?? 0;
  const officers = await sql<{ n: number }>`
    select count(*)::int as n from users where username like 'scale\\_o%'`.execute(db);
  return {
    units: count('units'),
    officers: officers.rows[0]!.n,
    staff: count('users') - officers.rows[0]!.n,
    templates: 0,
    cases: count('cases'),
    seconds: 0,
    databaseBytes: sizes.bytes,
    tables: sizes.tables,
    accounts: SCALE_ACCOUNTS,
  };
}

async function main() {
  if (!Number.isInteger(N) || N < 1) throw new Error('usage: npm run bench:scale -- N');
  const bench = EXISTING
    ? await openExisting(EXISTING)
    : SERVER
      ? await openFreshOnServer(SERVER_URL)
      : await openEmbeddedOnDisk();
  log(
    `${bench.name} database at ${bench.where}; ${EXISTING ? 'timing its data' : `seeding ${N} cases`}`,
  );
  const app = await assemble({ store: bench.store });
  try {
    const seeded = EXISTING
      ? await describeExisting(app.ctx.db)
      : await seedScale(app.ctx, { cases: N, progress: log });
    log(`seeded in ${seeded.seconds.toFixed(1)} s`);
    const db = app.ctx.db;
    const url = await app.server.listen({ port: 0, host: '127.0.0.1' });

    const login = async (username: string) => {
      const res = await fetch(`${url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: SCALE_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
      return res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    };
    const subtree = async (username: string) =>
      (
        await sql<{ id: string }>`
          with recursive t(id) as (
            select unit_id from users where username = ${username}
            union select u.id from units u join t on u.parent_id = t.id)
          select id from t`.execute(db)
      ).rows.map((r) => r.id);
    const numbers = (
      await sql<{ number: string }>`
        select number from cases tablesample system (1) limit 50`.execute(db)
    ).rows.map((r) => r.number);
    const words = [
      '检查',
      '化工',
      '呼和浩特市',
      '锡林浩特市',
      '未发现企业隐瞒',
      '某加油站',
      '超期办理',
      '危',
      '号',
      '教师资格认定中未发现材料造假',
      '2023年',
      '不存在的词',
      'zz',
    ];
    const day = (rand: () => number) => {
      const d = new Date(Date.now() - Math.floor(rand() * 5 * 365) * 86_400_000);
      return d.toISOString().slice(0, 10);
    };
    const plus = (date: string, days: number) =>
      new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

    const rows: Row[] = [];
    for (const [reader, username] of [
      ['盟市 secretary', seeded.accounts.leagueSecretary],
      ['旗县局 secretary', seeded.accounts.countySecretary],
    ] as const) {
      const cookie = await login(username);
      const units = await subtree(username);
      const rand = mulberry32(42); // a fixed sequence: every run asks the same requests
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
      const kinds: [string, () => string, number][] = [
        [
          'list, no filter (pages 1-5)',
          () => `offset=${20 * Math.floor(rand() * 5)}`,
          LIST_TARGET_MS,
        ],
        ['list, state', () => `state=${pick(CASE_STATES)}`, LIST_TARGET_MS],
        ['list, unit subtree', () => `unitId=${pick(units)}`, LIST_TARGET_MS],
        [
          'list, 30-day range',
          () => {
            const from = day(rand);
            return `from=${from}&to=${plus(from, 30)}`;
          },
          LIST_TARGET_MS,
        ],
        ['list, search a word', () => `q=${encodeURIComponent(pick(words))}`, LIST_TARGET_MS],
        [
          'list, search a case number',
          () => `q=${encodeURIComponent(pick(numbers))}`,
          LIST_TARGET_MS,
        ],
        [
          'list, state + unit + 1-year range + word',
          () => {
            const from = day(rand);
            return `state=${pick(CASE_STATES)}&unitId=${pick(units)}&from=${from}&to=${plus(from, 365)}&q=${encodeURIComponent(pick(words))}`;
          },
          LIST_TARGET_MS,
        ],
        [
          'list, offset 1,000-2,000',
          () => `offset=${1000 + 20 * Math.floor(rand() * 50)}`,
          LIST_TARGET_MS,
        ],
      ];
      const stats: [string, () => string][] = [
        ['statistics, no filter', () => ''],
        ['statistics, unit subtree', () => `unitId=${pick(units)}`],
        [
          'statistics, 1-year range',
          () => {
            const from = day(rand);
            return `from=${from}&to=${plus(from, 365)}`;
          },
        ],
      ];
      const measure = async (kind: string, path: () => string, target: number) => {
        const samples: number[] = [];
        let total = 0;
        for (let i = 0; i < RUNS + 10; i++) {
          const p = path();
          const start = performance.now();
          const res = await fetch(`${url}${p}`, { headers: { cookie } });
          const body = (await res.json()) as { total?: number };
          const ms = performance.now() - start;
          if (res.status !== 200) throw new Error(`${p}: ${res.status} ${JSON.stringify(body)}`);
          if (i >= 10) samples.push(ms);
          total += body.total ?? 0;
        }
        samples.sort((a, b) => a - b);
        const at = (q: number) =>
          samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
        const row = {
          reader,
          kind,
          p50: at(0.5),
          p99: at(0.99),
          max: samples.at(-1)!,
          rows: Math.round(total / (RUNS + 10)),
          target,
        };
        log(`${reader} ${kind}: p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms`);
        rows.push(row);
      };
      for (const [kind, query, target] of kinds)
        await measure(kind, () => `/api/v1/cases?limit=20&${query()}`, target);
      for (const [kind, query] of stats)
        await measure(kind, () => `/api/v1/statistics?${query()}`, STATISTICS_TARGET_MS);
    }

    const ms = (x: number) => x.toFixed(1);
    const out = [
      `${N.toLocaleString('en')} generated cases (+${seeded.templates} templates) on the ${bench.name} database, ${seeded.units} units, ${seeded.officers.toLocaleString('en')} officers; ${os.cpus().length} cores, load average before timing ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}, ${new Date().toISOString()}.`,
      '',
      `Seeding: ${seeded.seconds.toFixed(0)} s (${Math.round(N / seeded.seconds)} cases/s), database ${(seeded.databaseBytes / 2 ** 30).toFixed(2)} GiB.`,
      '',
      '| table | rows |',
      '|---|---:|',
      ...seeded.tables.map((t) => `| ${t.name} | ${t.rows.toLocaleString('en')} |`),
      '',
      `HTTP, one client, ${RUNS} requests each after 10 warm-up, limit 20:`,
      '',
      '| reader | request | mean total | p50 ms | p99 ms | max ms | target p99 |',
      '|---|---|---:|---:|---:|---:|---|',
      ...rows.map(
        (r) =>
          `| ${r.reader} | ${r.kind} | ${r.rows.toLocaleString('en')} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | < ${r.target} ms ${r.p99 < r.target ? 'met' : '**missed**'} |`,
      ),
      '',
    ];
    console.log(out.join('\n'));
    if (KEEP) log(`kept: ${bench.where}`);
  } finally {
    await app.close();
    if (!KEEP && !EXISTING) await bench.discard();
    else await bench.store.close();
  }
}

await main();
