// The signed checkpoints of the audit chain as files: one JSON file per checkpoint in the
// checkpoint directory, named by its seq and time so that a listing reads in order, each
// written whole under a temporary name and renamed into place. Copy the directory off the
// machine (or onto write-once storage) as often as the checkpoints are written: that is
// what makes them outlast whoever controls this machine.

import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { parseCheckpoint, type AuditCheckpoint } from '../domain/audit/audit-checkpoint.ts';
import { writeNewFileSynced } from './durable-file.ts';

const CHECKPOINT_NAME = /^checkpoint-\d+-[0-9TZ]+\.json$/;

export interface CheckpointFiles {
  readonly checkpoints: readonly AuditCheckpoint[];
  /** Files named as checkpoints that do not read as one. */
  readonly unreadable: readonly { readonly name: string; readonly problem: string }[];
}

/** Every checkpoint in the directory (none when it does not exist yet). */
export async function readCheckpoints(dir: string): Promise<CheckpointFiles> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { checkpoints: [], unreadable: [] };
    throw error;
  }
  const checkpoints: AuditCheckpoint[] = [];
  const unreadable: { name: string; problem: string }[] = [];
  for (const name of names.filter((n) => CHECKPOINT_NAME.test(n)).sort()) {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
    } catch {
      unreadable.push({ name, problem: '不是 JSON' });
      continue;
    }
    const parsed = parseCheckpoint(value);
    if ('problem' in parsed) unreadable.push({ name, problem: parsed.problem });
    else checkpoints.push(parsed);
  }
  return { checkpoints, unreadable };
}

function compactTime(iso: string): string {
  return iso.replace(/[-:.]/g, '');
}

/** Writes one checkpoint durably; returns its file's path. */
export async function writeCheckpoint(dir: string, checkpoint: AuditCheckpoint): Promise<string> {
  await mkdir(dir, { recursive: true });
  const name = `checkpoint-${String(checkpoint.seq).padStart(12, '0')}-${compactTime(checkpoint.at)}.json`;
  const file = path.join(dir, name);
  const temporary = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  await writeNewFileSynced(temporary, `${JSON.stringify(checkpoint)}\n`, 0o644);
  try {
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
  // The rename is durable once the directory is synced too.
  const directory = await open(dir, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
  return file;
}

/**
 * Moves every checkpoint into `archived-<time>/` inside the directory, for a database that
 * is deliberately started afresh (`rongcuo demo --reset`): the old chain's checkpoints are
 * kept, but no longer held against the new chain. Returns the archive's path, or null when
 * there was nothing to move.
 */
export async function archiveCheckpoints(dir: string, at: Date): Promise<string | null> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => CHECKPOINT_NAME.test(n));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (names.length === 0) return null;
  const archive = path.join(dir, `archived-${compactTime(at.toISOString())}`);
  await mkdir(archive, { recursive: true });
  for (const name of names) await rename(path.join(dir, name), path.join(archive, name));
  return archive;
}
