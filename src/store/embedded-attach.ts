// Finds the embedded PostgreSQL that a running `rongcuo serve` holds on a data directory,
// so that a tool (`rongcuo backup`) can read the live database through the same socket
// instead of stopping the service: PostgreSQL lets one server hold a directory, and
// postmaster.pid says where that server listens.

import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

export interface RunningServer {
  readonly socketDir: string;
  readonly port: number;
}

/**
 * The live server on `dataDir` (or on the cluster its link leads to), or null when none
 * runs there: no postmaster.pid, or one a killed server left behind.
 */
export async function runningEmbeddedServer(dataDir: string): Promise<RunningServer | null> {
  let text: string;
  try {
    text = await readFile(path.join(await realpath(dataDir), 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  // PostgreSQL's layout: pid, data directory, start time, port, socket directory, …
  const [pid, , , port, socketDir] = text.split('\n');
  const pidNumber = Number(pid);
  if (!Number.isInteger(pidNumber) || pidNumber <= 0 || !socketDir || !alive(pidNumber)) {
    return null;
  }
  return { socketDir, port: Number(port) };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it lives, under another account (the `postgres` account when run as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
