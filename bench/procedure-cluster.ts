// The procedure benchmark on several processors: the benchmark's process stays the
// primary (it holds the database, the demo data and the application's clock) and forks
// N workers (node:cluster) that each assemble the application on the same database, by
// its URL, and answer on one shared port, as `rongcuo serve --workers N` does. The
// clock is the benchmark's: moving it past the objection period is a message to every
// worker, so no clock override is needed in `rongcuo serve` itself.

import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';
import type { AuditFileLocations } from '../src/audit-files/audit-file-locations.ts';
import { assemble } from '../src/main.ts';

interface ToWorker {
  readonly advanceMs?: number;
  readonly stop?: true;
}

export interface BenchCluster {
  readonly url: string;
  /** Moves every worker's clock on, and resolves once each has. */
  advance(ms: number): Promise<void>;
  stop(): Promise<void>;
}

/** Forks `count` workers on the database at `databaseUrl`; resolves once all listen. */
export async function startBenchCluster(
  count: number,
  databaseUrl: string,
  auditFiles: AuditFileLocations,
  offsetMs: number,
): Promise<BenchCluster> {
  // Under tsx's loader, as bin/run-ts.js runs the benchmark itself.
  cluster.setupPrimary({
    exec: fileURLToPath(new URL('../bin/run-ts.js', import.meta.url)),
    args: [fileURLToPath(new URL('./procedure.ts', import.meta.url))],
  });
  const workers: Worker[] = [];
  const listening = new Promise<number>((resolve, reject) => {
    let n = 0;
    cluster.on('listening', (_worker, address) => {
      if (++n === count) resolve(address.port);
    });
    cluster.on('exit', (worker, code) => {
      if (n < count) reject(new Error(`bench worker ${worker.process.pid} exited ${code}`));
    });
  });
  for (let i = 0; i < count; i++) {
    workers.push(
      cluster.fork({
        BENCH_DATABASE_URL_WORKER: databaseUrl,
        BENCH_AUDIT_FILES: JSON.stringify(auditFiles),
        BENCH_CLOCK_OFFSET_MS: String(offsetMs),
      }),
    );
  }
  const port = await listening;
  const tell = (message: ToWorker) =>
    Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('message', () => resolve());
            w.send(message);
          }),
      ),
    );
  return {
    url: `http://127.0.0.1:${port}`,
    async advance(ms) {
      await tell({ advanceMs: ms });
    },
    async stop() {
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              w.once('exit', () => resolve());
              w.send({ stop: true } satisfies ToWorker);
            }),
        ),
      );
      cluster.removeAllListeners('listening');
      cluster.removeAllListeners('exit');
    },
  };
}

/** A worker: the application on the primary's database and clock, on the shared port. */
export async function benchWorker(): Promise<void> {
  let offsetMs = Number(process.env.BENCH_CLOCK_OFFSET_MS ?? 0);
  const app = await assemble({
    url: process.env.BENCH_DATABASE_URL_WORKER!,
    auditFiles: JSON.parse(process.env.BENCH_AUDIT_FILES!) as AuditFileLocations,
    now: () => new Date(Date.now() + offsetMs),
  });
  process.on('message', (message: ToWorker) => {
    if (message.advanceMs !== undefined) {
      offsetMs += message.advanceMs;
      process.send!('advanced');
    }
    if (message.stop) {
      void app.close().then(() => process.exit(0));
    }
  });
  await app.server.listen({ port: 0, host: '127.0.0.1' });
}
