// The read-load client of the procedure benchmark: runs one autocannon measurement and
// posts back a summary. Started by `runLoad` in a worker thread, so the load generator
// has an event loop (and heap) of its own and does not queue behind the server it
// measures, which runs on the main thread.

import { createRequire } from 'node:module';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** Requests each connection cycles through. */
  readonly paths: readonly string[];
  readonly headers: Record<string, string>;
}

export interface LoadResult {
  readonly seconds: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly latencyMs: {
    readonly mean: number;
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly max: number;
  };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCodes: Record<string, number>;
}

/** Runs autocannon in a worker thread and resolves with its summary. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  // tsx's loader is not inherited by worker threads: register it there before importing.
  const api = import.meta.resolve('tsx/esm/api');
  const self = import.meta.url;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(self)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: options });
    let result: LoadResult | undefined;
    worker.once('message', (message: LoadResult) => {
      result = message;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`load worker exited (${code}) without a result`));
    });
  });
}

// autocannon (v9) ships no types; these are the parts used here.
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  requests: { method: 'GET'; path: string }[];
}
interface RawResult {
  statusCodeStats: Record<string, { count: number }>;
}
interface Aggregated {
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latency: { mean: number; p50: number; p90: number; p99: number; max: number };
  requests: { total: number };
  statusCodeStats: Record<string, { count: number }>;
}
interface Autocannon {
  (options: AutocannonOptions): Promise<RawResult>;
  aggregateResult(results: RawResult[], options: AutocannonOptions): Aggregated;
}

async function measure(options: LoadOptions): Promise<LoadResult> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const opts: AutocannonOptions = {
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: options.headers,
    requests: options.paths.map((path) => ({ method: 'GET', path })),
  };
  // Off the main thread autocannon returns its histograms encoded; aggregateResult
  // decodes them into percentiles, as its own multi-worker mode does.
  const r = autocannon.aggregateResult([await autocannon(opts)], opts);
  const requests = Object.values(r.statusCodeStats).reduce((n, s) => n + s.count, 0);
  return {
    seconds: r.duration,
    requests,
    requestsPerSecond: requests / r.duration,
    latencyMs: {
      mean: r.latency.mean,
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
    },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]),
    ),
  };
}

if (!isMainThread && parentPort) {
  parentPort.postMessage(await measure(workerData as LoadOptions));
}
