// `npm run bench:memory` (issue 13, "Memory"): the resident memory of `rongcuo serve` under
// a mixed load, against a stated ceiling.
//
// The server is started as a user starts it (bin/rongcuo.js serve, --workers 2 by
// default), on a fresh embedded data directory with the demo data. For SECONDS, WRITERS
// clients each take new applications through the whole procedure over HTTP (apply, accept,
// facts, assessment, legal review, decision, notices, publication: test/support's
// procedure-api.ts, as the API tests do), while READERS clients read the case list, case
// pages and the statistics. Every SAMPLE_MS the resident set (VmRSS) of every process of
// the server is read from /proc: the Node processes (the primary and its workers) and the
// embedded PostgreSQL's.
//
// The ceiling is on each Node process's peak: MAX_NODE_RSS_MIB. PostgreSQL's resident
// memory is printed beside it but not held to a ceiling here: its processes share their
// buffers, so their resident sets overlap and their sum overstates what they use.
// Exits 1 if the ceiling is passed or a request failed.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { advance, apiAs, applyAs, emergencyCrew } from '../test/support/procedure-api.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const WORKERS = Number(process.env.BENCH_SERVE_WORKERS ?? 2);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 4);
const READERS = Number(process.env.BENCH_READERS ?? 8);
const SAMPLE_MS = 250;
/** The ceiling of issue 13: the peak resident set of each Node process of the server. */
const MAX_NODE_RSS_MIB = 512;

const t0 = performance.now();
const log = (m: string) =>
  console.error(`bench:memory: ${((performance.now() - t0) / 1000).toFixed(1)} s: ${m}`);

interface Process {
  readonly pid: number;
  readonly name: string;
  readonly rssKiB: number;
}

/** The process and every descendant, with its command name and resident set. */
async function tree(pid: number): Promise<Process[]> {
  const read = (file: string) => readFile(`/proc/${pid}/${file}`, 'utf8').catch(() => '');
  const status = await read('status');
  const rss = /^VmRSS:\s+(\d+) kB/mu.exec(status);
  const name = /^Name:\s+(\S+)/mu.exec(status)?.[1] ?? '?';
  const children = (await read(`task/${pid}/children`)).split(/\s+/u).filter(Boolean);
  const below = await Promise.all(children.map((c) => tree(Number(c))));
  return [...(rss ? [{ pid, name, rssKiB: Number(rss[1]) }] : []), ...below.flat()];
}

/**
 * Peak resident set per process over the samples, and per third of the run: a set that
 * keeps growing from one third to the next is a leak, one that levels off is the heap
 * finding its size.
 */
class Peaks {
  readonly node = new Map<number, number>();
  readonly thirds = new Map<number, [number, number, number]>();
  postgresSumKiB = 0;
  samples = 0;

  add(processes: readonly Process[], third = 0) {
    this.samples++;
    let postgres = 0;
    for (const p of processes) {
      if (p.name.startsWith('node')) {
        this.node.set(p.pid, Math.max(this.node.get(p.pid) ?? 0, p.rssKiB));
        const t = this.thirds.get(p.pid) ?? [0, 0, 0];
        t[third] = Math.max(t[third]!, p.rssKiB);
        this.thirds.set(p.pid, t);
      } else if (p.name === 'postgres') postgres += p.rssKiB;
    }
    this.postgresSumKiB = Math.max(this.postgresSumKiB, postgres);
  }
}

const mib = (kib: number) => kib / 1024;

async function main() {
  const base = await mkdtemp(path.join(os.tmpdir(), 'rongcuo-bench-memory-'));
  // The embedded PostgreSQL's account must enter the folder (mkdtemp makes it 0700).
  await chmod(base, 0o755);
  const { DATABASE_URL: _url, DATABASE_OWNER_URL: _owner, ...env } = process.env;
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/rongcuo.js'), 'serve', '--port', '0', '--workers', String(WORKERS)],
    { cwd: ROOT, env: { ...env, RONGCUO_DATA_DIR: path.join(base, 'data') } },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = once(child, 'exit');
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const look = () => {
        const m = /serving on (http:\/\/\S+)/u.exec(out);
        if (m) resolve(m[1]!);
      };
      child.stdout.on('data', look);
      void exited.then(() => reject(new Error(`serve exited:\n${out}`)));
    });
    log(`serving on ${url} with ${WORKERS} workers; ${WRITERS} writers, ${READERS} readers`);
    const peaks = new Peaks();
    peaks.add(await tree(child.pid!));
    const idle = new Map(peaks.node);
    const from = performance.now();
    const until = from + SECONDS * 1000;
    const third = () => Math.min(2, Math.floor(((performance.now() - from) / (until - from)) * 3));
    const sampler = setInterval(() => {
      void tree(child.pid!).then((p) => peaks.add(p, third()));
    }, SAMPLE_MS);

    let cases = 0;
    let reads = 0;
    const failures: string[] = [];
    // One session per account, shared by the loops: sign-ins are rate-limited per account.
    const officer = await apiAs(url, 'wangqiang');
    const crew = await emergencyCrew(url);
    const secretary = crew.secretary;
    const ids: string[] = (await secretary.get('/api/v1/cases?limit=200')).body.items.map(
      (c: { id: string }) => c.id,
    );
    const writer = async (i: number) => {
      for (let n = 1; performance.now() < until; n++) {
        const opened = await applyAs(officer, `内存基准：第${i}组第${n}件`);
        await advance(crew, opened, 'submitted', 'published');
        cases++;
      }
    };
    const reader = async (i: number) => {
      for (let n = i; performance.now() < until; n++) {
        const target =
          n % 10 === 0
            ? '/api/v1/cases?limit=50'
            : n % 10 === 1
              ? '/api/v1/statistics'
              : `/api/v1/cases/${ids[n % ids.length]}`;
        const res = await secretary.get(target);
        if (res.status !== 200) failures.push(`GET ${target}: ${res.status}`);
        reads++;
      }
    };
    const results = await Promise.allSettled([
      ...Array.from({ length: WRITERS }, (_, i) => writer(i + 1)),
      ...Array.from({ length: READERS }, (_, i) => reader(i)),
    ]);
    clearInterval(sampler);
    peaks.add(await tree(child.pid!), 2);
    for (const r of results) if (r.status === 'rejected') failures.push(String(r.reason));

    const rows = [...peaks.node].map(([pid, kib]) => ({
      pid,
      role: pid === child.pid ? 'primary' : 'worker',
      idleMiB: mib(idle.get(pid) ?? 0),
      peakMiB: mib(kib),
      thirds: (peaks.thirds.get(pid) ?? [0, 0, 0]).map((k) => mib(k).toFixed(0)).join(' / '),
    }));
    const worst = Math.max(...rows.map((r) => r.peakMiB));
    console.log(
      `Memory of rongcuo serve --workers ${WORKERS} under a mixed load (embedded PostgreSQL), ` +
        `${SECONDS} s, load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
    console.log(
      `  ${cases} cases through the whole procedure by ${WRITERS} writers; ` +
        `${reads} reads by ${READERS} readers; ${peaks.samples} samples every ${SAMPLE_MS} ms`,
    );
    for (const r of rows)
      console.log(
        `  node ${r.role.padEnd(7)} pid ${String(r.pid).padEnd(8)} resident at start ` +
          `${r.idleMiB.toFixed(0).padStart(4)} MiB, peak ${r.peakMiB.toFixed(0).padStart(4)} MiB ` +
          `(by thirds of the run: ${r.thirds} MiB)`,
      );
    console.log(
      `  postgres processes together, peak ${mib(peaks.postgresSumKiB).toFixed(0)} MiB ` +
        '(shared buffers counted in each; not held to the ceiling)',
    );
    const pass = worst <= MAX_NODE_RSS_MIB && failures.length === 0;
    console.log(
      `  ceiling ${MAX_NODE_RSS_MIB} MiB per Node process: highest peak ${worst.toFixed(0)} MiB ` +
        `${pass ? 'PASS' : 'FAIL'}`,
    );
    for (const f of failures.slice(0, 5)) console.log(`  failed: ${f}`);
    if (!pass) process.exitCode = 1;
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await rm(base, { recursive: true, force: true });
  }
}

await main();
