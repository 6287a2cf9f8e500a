// `npm run drill [-- --seconds N --clients N --seed N --workers N --min-gap S --max-gap S
// --faults kill_app,kill_database,terminate_connections]` (--faults: in that order, round
// and round, instead of drawn at random):
// the fault drill of issue 14 (bench/drill/drill.ts). The same settings by environment:
// DRILL_SECONDS, DRILL_CLIENTS, DRILL_SEED, DRILL_WORKERS. With DATABASE_URL (a superuser's
// URL) it runs on a fresh database on that server, which it drops afterwards; the server
// itself is never stopped. Prints the report to stdout, progress to stderr; exits 1 when
// anything acknowledged is missing, a state is unreachable, a job is missing, or the audit
// chain does not verify.

import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runDrill } from './drill.ts';
import type { FaultKind } from './faults.ts';
import { failures, report } from './report.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string' },
    clients: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    'min-gap': { type: 'string' },
    'max-gap': { type: 'string' },
    faults: { type: 'string' },
  },
});

function numberOf(given: string | undefined, fallback: number): number {
  const n = Number(given ?? fallback);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`not a number: ${given}`);
    process.exit(2);
  }
  return n;
}

const KINDS: readonly FaultKind[] = ['kill_app', 'kill_database', 'terminate_connections'];
const sequence = (values.faults ?? process.env.DRILL_FAULTS)?.split(',').filter(Boolean);
const unknownKind = sequence?.find((k) => !(KINDS as readonly string[]).includes(k));
if (unknownKind !== undefined) {
  console.error(`--faults: one of ${KINDS.join(', ')}, not ${unknownKind}`);
  process.exit(2);
}

const t0 = performance.now();
// Often a shared machine: the load before the run goes into the report.
const loadBefore = loadavg()
  .map((n) => n.toFixed(2))
  .join(' / ');
const result = await runDrill({
  seconds: numberOf(values.seconds ?? process.env.DRILL_SECONDS, 120),
  clients: numberOf(values.clients ?? process.env.DRILL_CLIENTS, 4),
  seed: numberOf(values.seed ?? process.env.DRILL_SEED, Date.now() % 1_000_000),
  workers: numberOf(values.workers ?? process.env.DRILL_WORKERS, 2),
  minGapSeconds: numberOf(values['min-gap'], 4),
  maxGapSeconds: numberOf(values['max-gap'], 12),
  serverAdminUrl: process.env.DATABASE_URL || null,
  ...(sequence === undefined ? {} : { sequence: sequence as FaultKind[] }),
  log: (line) => console.error(`drill: ${((performance.now() - t0) / 1000).toFixed(1)} s: ${line}`),
});
console.log(report(result));
console.log(
  `机器 / machine: Node ${process.version}, load average before the run ${loadBefore}, after ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ')}, ${new Date().toISOString()}`,
);
process.exitCode = failures(result).length === 0 ? 0 : 1;
