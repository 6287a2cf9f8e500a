// `rongcuo serve` as the drill runs it: a child in a process group of its own on a fixed
// port, so that a SIGKILL of the group takes the application, its HTTP workers and (on the
// embedded database) its PostgreSQL at once, as a power cut would, and the clients meet
// refused connections at the same address until it is back.

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const ROOT = path.resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 180_000;
/** The tail of the application's output kept for the report when it fails. */
const OUTPUT_KEPT = 20_000;

/** A free TCP port on 127.0.0.1, asked of the kernel once. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export class AppProcess {
  private child: ChildProcess | null = null;
  private exit: Promise<number | null> = Promise.resolve(null);
  private out = '';
  /** The application role's URL the application printed (embedded: its socket). */
  storeUrl = '';
  /** How many times it exited without being told to (not the drill's SIGKILL). */
  unexpectedExits = 0;
  private expectingExit = false;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    readonly port: number,
    private readonly workers: number,
    /** Every line the application writes, across its restarts, for a finding's reader. */
    readonly logFile: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  output(): string {
    return this.out;
  }

  /** Starts it and resolves once it says it serves. */
  async start(): Promise<void> {
    const args = ['bin/rongcuo.js', 'serve', '--port', String(this.port)];
    args.push('--workers', String(this.workers));
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: this.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.expectingExit = false;
    let fresh = '';
    appendFileSync(this.logFile, `--- drill: serve started ${new Date().toISOString()}\n`);
    const keep = (d: Buffer) => {
      appendFileSync(this.logFile, d);
      this.out = (this.out + d.toString()).slice(-OUTPUT_KEPT);
      if (fresh.length < OUTPUT_KEPT) fresh += d.toString();
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exit = once(child, 'exit').then(([code]) => {
      if (!this.expectingExit) this.unexpectedExits++;
      return code as number | null;
    });
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      const m = /serving on \S+ \(database: \w+ (\S+);/.exec(fresh);
      if (m) {
        this.storeUrl = m[1]!;
        return;
      }
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`serve exited (${child.exitCode ?? child.signalCode}):\n${fresh}`);
      if (Date.now() > deadline) throw new Error(`serve did not start:\n${fresh}`);
      await delay(50);
    }
  }

  /** SIGKILL to the whole process group: node, its workers, the embedded PostgreSQL. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.expectingExit = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Gone already.
    }
    await this.exit;
  }

  /** Whether it is running (it may exit by itself, e.g. when its database gave up). */
  running(): boolean {
    const child = this.child;
    return !!child && child.exitCode === null && child.signalCode === null;
  }

  /**
   * SIGTERM, as an operator stops it; its exit code, or 'did not exit' when it was still
   * running after `graceMs` (then it is killed, as a service manager would).
   */
  async stop(graceMs: number): Promise<number | null | 'did not exit'> {
    const child = this.child;
    if (!child) return null;
    if (child.exitCode === null && child.signalCode === null) {
      this.expectingExit = true;
      child.kill('SIGTERM');
    }
    const timer = delay(graceMs).then(() => 'did not exit' as const);
    const result = await Promise.race([this.exit, timer]);
    if (result === 'did not exit') {
      appendFileSync(this.logFile, `--- drill: no exit ${graceMs} ms after SIGTERM: SIGKILL\n`);
      await this.kill();
    }
    return result;
  }
}

/** Runs `rongcuo ARGS` to the end; its exit code and output. */
export async function runCli(
  env: NodeJS.ProcessEnv,
  args: string[],
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['bin/rongcuo.js', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}
