// @fastify/rate-limit counts in the memory of the process that answers. Under `rongcuo
// serve --workers N` (src/cli/serve.command.ts sets RONGCUO_SERVE_WORKERS in each worker)
// the cluster spreads a client's connections over N processes, each counting on its own:
// each may allow only its share of the limit, so that all of them together never allow
// more than the limit. (The account lockout after failed sign-ins is in the database and
// holds across workers as it is.)

/** A worker's share of a limit: at least 1, and N shares at most the limit. */
export function perWorkerShare(max: number): number {
  const workers = Number(process.env.RONGCUO_SERVE_WORKERS ?? 1);
  if (!Number.isInteger(workers) || workers <= 1) return max;
  return Math.max(1, Math.floor(max / workers));
}
