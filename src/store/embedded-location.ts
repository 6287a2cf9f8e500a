// Where the embedded PostgreSQL's binaries and cluster are, as the account that runs them
// sees it. Run as root, the server runs as the `postgres` account, which must enter every
// parent directory of both: a project cloned under /root (mode 700 on Debian) or into a
// `mktemp -d` folder is closed to it. Rather than ask for a chmod of the user's folders,
// Rongcuo then keeps what the server needs under SYSTEM_DIR, which root owns and the
// server account may enter:
//
//   /var/lib/rongcuo/postgresql/<package version>/   a copy of the binaries (bin, lib, share)
//   /var/lib/rongcuo/clusters/<hash of the data directory's path>/pg
//                                                    the cluster; ./data/pg links to it

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  access,
  chmod,
  mkdir,
  mkdtemp,
  readFile,
  readlink,
  rename,
  rm,
  rmdir,
  symlink,
} from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { StoreError } from './store-error.ts';

const execFileAsync = promisify(execFile);

/** Root's home for what the server account must reach; see the file's comment. */
export const SYSTEM_DIR = '/var/lib/rongcuo';

export interface Binaries {
  readonly initdb: string;
  readonly postgres: string;
}

/** The account the server runs as (root may not run PostgreSQL); null: ourselves. */
export interface Owner {
  readonly uid: number;
  readonly gid: number;
}

/**
 * Spawn options for a process of the server account. Its working directory is `/`: the
 * child changes to its working directory after taking the account's identity, and ours
 * (the project folder) may be closed to it.
 */
export function asOwner(owner: Owner | null) {
  return { ...(owner ?? {}), cwd: '/' };
}

export const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

/** Whether the server account can run this PostgreSQL binary (and load its libraries). */
async function runs(postgres: string, owner: Owner | null): Promise<boolean> {
  try {
    const { stdout } = await execFileAsync(postgres, ['-V'], asOwner(owner));
    return stdout.includes('PostgreSQL');
  } catch {
    return false;
  }
}

/** Whether the server account can enter a directory (and every directory above it). */
async function canEnter(dir: string, owner: Owner): Promise<boolean> {
  try {
    await execFileAsync('/bin/sh', ['-c', 'test -x "$1"', 'sh', dir], asOwner(owner));
    return true;
  } catch {
    return false;
  }
}

/**
 * The binaries as found in node_modules when the server account can run them there;
 * otherwise a copy under SYSTEM_DIR, made once per package version: copied into a
 * staging directory, checked by running it as that account, and renamed into place, so
 * a copy cut short is never used. A copy that no longer runs is made again.
 */
export async function reachableBinaries(found: Binaries, owner: Owner | null): Promise<Binaries> {
  if (owner === null || (await runs(found.postgres, owner))) return found;
  const native = path.dirname(path.dirname(found.postgres));
  const version = await packageVersion(native);
  const root = path.join(SYSTEM_DIR, 'postgresql');
  const target = path.join(root, version);
  const inTarget = (dir: string): Binaries => ({
    initdb: path.join(dir, 'bin', 'initdb'),
    postgres: path.join(dir, 'bin', 'postgres'),
  });
  if (await exists(target)) {
    if (await runs(inTarget(target).postgres, owner)) return inTarget(target);
    await rm(target, { recursive: true, force: true });
  }
  await openDirectory(root);
  const staging = await mkdtemp(path.join(root, `.${version}-`));
  try {
    await execFileAsync('cp', ['-a', `${native}/.`, staging]);
    await chmod(staging, 0o755);
    if (!(await runs(inTarget(staging).postgres, owner))) {
      throw new Error(`the copy in ${staging} does not run as the server account`);
    }
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another process put its copy in place first: use it.
    if (await runs(inTarget(target).postgres, owner)) return inTarget(target);
    throw new StoreError(
      'EMBEDDED_START_FAILED',
      `postgres 账户无法运行 ${native} 中的 PostgreSQL，复制到 ${target} 也未成功` +
        ` / The postgres account cannot run PostgreSQL from ${native}, and copying it to ${target} failed:` +
        ` ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return inTarget(target);
}

async function packageVersion(native: string): Promise<string> {
  try {
    const manifest = JSON.parse(await readFile(path.join(native, '..', 'package.json'), 'utf8'));
    if (typeof manifest.version === 'string' && /^[\w.+-]+$/.test(manifest.version)) {
      return manifest.version;
    }
  } catch {
    // fall through: name the copy by where it came from
  }
  return createHash('sha256').update(native).digest('hex').slice(0, 16);
}

/**
 * The directory the cluster really lives in, for a data directory asked for by path.
 * Not root, or a folder the server account can reach: that path itself. A link (made by
 * an earlier start): where it leads. Otherwise the cluster goes under SYSTEM_DIR and
 * the data directory becomes a link to it, so `./data/pg` still names the data.
 */
export async function clusterDirectory(requested: string, owner: Owner | null): Promise<string> {
  if (owner === null) return requested;
  const link = await readlink(requested).catch(() => null);
  if (link !== null) return path.resolve(path.dirname(requested), link);
  const parent = path.dirname(requested);
  await mkdir(parent, { recursive: true });
  if (await canEnter(parent, owner)) return requested;
  if (await exists(path.join(requested, 'PG_VERSION'))) {
    throw new StoreError(
      'EMBEDDED_START_FAILED',
      `数据目录 ${requested} 位于 postgres 账户无法进入的目录中：请将其移到该账户可进入的位置，并用 RONGCUO_DATA_DIR 指明` +
        ` / The data directory ${requested} is inside a folder the postgres account cannot enter: move it somewhere it can, and name it in RONGCUO_DATA_DIR.`,
    );
  }
  const home = path.join(
    SYSTEM_DIR,
    'clusters',
    createHash('sha256').update(requested).digest('hex').slice(0, 16),
  );
  await openDirectory(home);
  const target = path.join(home, 'pg');
  // An empty folder made beforehand gives way to the link; a non-empty one is refused.
  await rmdir(requested).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') {
      throw new StoreError(
        'EMBEDDED_START_FAILED',
        `数据目录 ${requested} 不是空目录，且 postgres 账户无法进入其上级目录 / The data directory ${requested} is not empty, and the postgres account cannot enter its parent: ${error.message}`,
      );
    }
  });
  await symlink(target, requested).catch(async (error: NodeJS.ErrnoException) => {
    // Another process linked it at the same moment: the same target, by the same hash.
    if (error.code !== 'EEXIST' || (await readlink(requested)) !== target) throw error;
  });
  return target;
}

/** Makes a directory under SYSTEM_DIR, and it and its parents there enterable by all. */
async function openDirectory(dir: string) {
  try {
    await mkdir(dir, { recursive: true });
    for (let d = dir; d.startsWith(SYSTEM_DIR); d = path.dirname(d)) {
      await chmod(d, 0o755);
      if (d === SYSTEM_DIR) break;
    }
  } catch (error) {
    throw new StoreError(
      'EMBEDDED_START_FAILED',
      `postgres 账户无法进入项目目录，而 ${dir} 也无法创建：请把项目放在该账户可进入的目录中，或设置 DATABASE_URL` +
        ` / The postgres account cannot enter the project's folder, and ${dir} cannot be made: put the project where that account can enter, or set DATABASE_URL.` +
        ` (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
