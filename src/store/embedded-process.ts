// The embedded PostgreSQL as a process: its log, readiness, lock holder, shutdown, and
// running its tools as the account that owns the cluster. embedded-server.ts decides
// when; this module knows how.

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { asOwner, exists, type Owner } from './embedded-location.ts';
import { StoreError } from './store-error.ts';

const STOP_GRACE_MS = 15_000;
const LOG_LINES_KEPT = 40;
export async function findSetpriv(): Promise<string | null> {
  if (process.platform !== 'linux') return null;
  for (const candidate of ['/usr/bin/setpriv', '/bin/setpriv']) {
    if (await exists(candidate)) return candidate;
  }
  return null;
}

/** The server's last log lines, for error messages; reading also keeps its pipe drained. */
export class LogTail {
  private readonly lines: string[] = [];
  private partial = '';
  private readonly listeners = new Set<(line: string) => void>();

  constructor(child: ChildProcess) {
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      const parts = (this.partial + chunk).split('\n');
      this.partial = parts.pop() ?? '';
      for (const line of parts) {
        this.lines.push(line);
        if (this.lines.length > LOG_LINES_KEPT) this.lines.shift();
        for (const listener of this.listeners) listener(line);
      }
    });
  }

  onLine(listener: (line: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  text(): string {
    return [...this.lines, this.partial].join('\n').trim();
  }
}

/** Resolves true once the server accepts connections, false if it exits first. */
export function untilReady(child: ChildProcess, log: LogTail): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const settle = (ready: boolean) => {
      child.off('exit', onExit);
      stopListening();
      resolve(ready);
    };
    const onExit = () => settle(false);
    const stopListening = log.onLine((line) => {
      if (line.includes('database system is ready to accept connections')) settle(true);
    });
    child.once('exit', onExit);
    child.once('error', (error) => {
      child.off('exit', onExit);
      stopListening();
      reject(new StoreError('EMBEDDED_START_FAILED', `无法启动嵌入式数据库 / ${error.message}`));
    });
  });
}

/** The pid PostgreSQL found in postmaster.pid when it refused to start (0: not said), or null. */
export function lockHolder(log: string): number | null {
  if (!log.includes('lock file "postmaster.pid" already exists')) return null;
  const pid = /another postmaster \(PID (\d+)\)/.exec(log)?.[1];
  return pid === undefined ? 0 : Number(pid);
}

/** Gone, or a zombie waiting to be reaped; only Linux's /proc can tell, elsewhere assume alive. */
export async function isDeadProcess(pid: number): Promise<boolean> {
  if (process.platform !== 'linux' || pid <= 0) return false;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

export async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
  const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_GRACE_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs a tool to completion, as `owner` when given; rejects with its output. */
export async function run(command: string, args: readonly string[], owner: Owner | null) {
  const child = spawn(command, args, {
    ...asOwner(owner),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0)
    throw new Error(`${path.basename(command)} exited with ${code}: ${output.trim()}`);
}
