// The faults, at random intervals from the drill's seed: SIGKILL of the application (its
// whole process group) and a restart, as a supervisor would; SIGKILL of the embedded
// PostgreSQL's postmaster, which the application starts again itself; and the termination
// of every database connection the application holds, from a connection of its own. Each
// fault is followed by a wait until the health check says the system is whole again.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import type { AppProcess } from './app-process.ts';
import type { Random } from './random.ts';

export type FaultKind = 'kill_app' | 'kill_database' | 'terminate_connections';

export interface FaultEvent {
  readonly kind: FaultKind | 'app_exited_by_itself';
  /** Seconds since the drill began. */
  readonly at: number;
  /** How long until the health check answered ok again; null if it never did. */
  readonly recoveredMs: number | null;
  readonly detail?: string;
}

export interface FaultPlan {
  /** Seconds between the end of one recovery and the next fault. */
  readonly minGapSeconds: number;
  readonly maxGapSeconds: number;
  /** The embedded cluster's directory; null on a server, which is not ours to kill. */
  readonly embeddedDataDir: string | null;
  /**
   * The faults in this order, round and round, instead of drawn at random (the test's
   * short run, so that each kind happens at least once).
   */
  readonly sequence?: readonly FaultKind[];
  /** The application role's URL, for the connection that terminates the others. */
  appDatabaseUrl(): string;
}

/**
 * The embedded application gives up on a PostgreSQL that dies more than five times a
 * minute (embedded-server.ts); the drill kills it at most this often, to test recovery
 * rather than that rule.
 */
const DATABASE_KILLS_PER_MINUTE = 3;
const HEALTH_TIMEOUT_MS = 120_000;

export class Faults {
  readonly events: FaultEvent[] = [];
  private readonly started = performance.now();
  stopped = false;

  constructor(
    private readonly app: AppProcess,
    private readonly plan: FaultPlan,
    private readonly random: Random,
  ) {}

  get restartsSurvived(): number {
    return this.events.filter((e) => e.kind !== 'terminate_connections' && e.recoveredMs !== null)
      .length;
  }

  private seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** Until stopped: a gap, a fault, the recovery. */
  async run(): Promise<void> {
    while (!this.stopped) {
      const gapMs = this.random.between(this.plan.minGapSeconds, this.plan.maxGapSeconds) * 1000;
      const until = performance.now() + gapMs;
      while (!this.stopped && performance.now() < until) {
        await this.reviveIfExited();
        await delay(100);
      }
      if (this.stopped) return;
      await this.inflict(this.choose());
    }
  }

  private choose(): FaultKind {
    const recentKills = this.events.filter(
      (e) => e.kind === 'kill_database' && this.seconds() - e.at < 60,
    ).length;
    const mayKillDatabase =
      this.plan.embeddedDataDir !== null && recentKills < DATABASE_KILLS_PER_MINUTE;
    const sequence = this.plan.sequence;
    if (sequence && sequence.length > 0) {
      const next = sequence[this.events.length % sequence.length]!;
      return next === 'kill_database' && !mayKillDatabase ? 'terminate_connections' : next;
    }
    const kinds: FaultKind[] = ['kill_app', 'terminate_connections'];
    if (mayKillDatabase) kinds.push('kill_database');
    return kinds[this.random.int(kinds.length)]!;
  }

  private async inflict(kind: FaultKind): Promise<void> {
    const at = this.seconds();
    const begun = performance.now();
    let detail: string | undefined;
    try {
      switch (kind) {
        case 'kill_app':
          await this.app.kill();
          await this.start();
          break;
        case 'kill_database': {
          const pid = await postmasterPid(this.plan.embeddedDataDir!);
          process.kill(pid, 'SIGKILL');
          detail = `postmaster ${pid}`;
          // The health check may still be answered from the dying server's backends: the
          // recovery counts until a new postmaster runs (or the application gave up).
          await this.untilNewPostmaster(pid);
          break;
        }
        case 'terminate_connections':
          detail = `${await terminateConnections(this.plan.appDatabaseUrl())} connection(s)`;
          break;
      }
    } catch (error) {
      detail = (error as Error).message;
    }
    const healthy = await this.untilHealthy();
    this.events.push({
      kind,
      at,
      recoveredMs: healthy ? performance.now() - begun : null,
      ...(detail === undefined ? {} : { detail }),
    });
  }

  /** An application that exited by itself (its database gave up) is started again. */
  private async reviveIfExited(): Promise<void> {
    if (this.app.running()) return;
    const at = this.seconds();
    const begun = performance.now();
    const output = this.app.output().slice(-600);
    let healthy = false;
    try {
      await this.start();
      healthy = await this.untilHealthy();
    } catch {
      // Recorded below as not recovered; the next look starts it again.
    }
    this.events.push({
      kind: 'app_exited_by_itself',
      at,
      recoveredMs: healthy ? performance.now() - begun : null,
      detail: output,
    });
  }

  /** A start right after a kill may meet the dead server's remains: a few tries. */
  private async start(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.app.start();
      } catch (error) {
        if (attempt >= 3) throw error;
        await delay(1_000);
      }
    }
  }

  private async untilNewPostmaster(killed: number): Promise<void> {
    const giveUpAt = Date.now() + HEALTH_TIMEOUT_MS;
    while (Date.now() < giveUpAt && this.app.running()) {
      const now = await postmasterPid(this.plan.embeddedDataDir!).catch(() => killed);
      if (now !== killed) return;
      await delay(50);
    }
  }

  /** Whether the health check says ok (application and database) within the timeout. */
  async untilHealthy(): Promise<boolean> {
    const giveUpAt = Date.now() + HEALTH_TIMEOUT_MS;
    while (Date.now() < giveUpAt) {
      if (!this.app.running()) return false;
      if (await healthy(this.app.url)) return true;
      await delay(100);
    }
    return false;
  }
}

export async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(5_000) });
    const body = (await res.json()) as { status?: string; database?: string };
    return res.status === 200 && body.status === 'ok' && body.database === 'ok';
  } catch {
    return false;
  }
}

/** The postmaster's pid: the first line of postmaster.pid in its data directory. */
export async function postmasterPid(dataDir: string): Promise<number> {
  const pid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no postmaster pid in ${dataDir}`);
  return pid;
}

/**
 * pg_terminate_backend on every other connection of the application's role to its
 * database, from a connection of the same role (which may signal its own role's backends).
 */
export async function terminateConnections(appUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: appUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ terminated: boolean }>(
      `select pg_terminate_backend(pid) as terminated from pg_stat_activity
       where usename = current_user and datname = current_database() and pid <> pg_backend_pid()`,
    );
    return rows.filter((r) => r.terminated).length;
  } finally {
    await client.end();
  }
}
