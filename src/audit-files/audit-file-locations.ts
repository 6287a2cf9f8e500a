// Where the audit log's signing key and its signed checkpoints live: on the file system,
// outside the database, so that whoever can change the database can neither read the key
// nor rewrite the checkpoints (src/domain/audit/audit-checkpoint.ts says why).
//
//   RONGCUO_KEY_DIR         the key directory; default `keys` beside the data directory
//   RONGCUO_CHECKPOINT_DIR  the checkpoints; default `audit-checkpoints` beside it
//
// "Beside the data directory": next to the embedded database's folder (./data/pg by
// default, or RONGCUO_DATA_DIR), so ./data/keys and ./data/audit-checkpoints; with
// DATABASE_URL the same ./data folder under the working directory.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_DATA_DIR } from '../store/database.ts';

export interface AuditFileLocations {
  /** Holds the SM2 signing key (mode 0700, the key file 0600). */
  readonly keyDir: string;
  /** Holds one signed JSON file per checkpoint. */
  readonly checkpointDir: string;
}

export function auditFileLocations(
  options: { readonly dataDir?: string } = {},
  env: NodeJS.ProcessEnv = process.env,
): AuditFileLocations {
  const dataDir = path.resolve(options.dataDir ?? env.RONGCUO_DATA_DIR ?? DEFAULT_DATA_DIR);
  const beside = path.dirname(dataDir);
  return {
    keyDir: path.resolve(env.RONGCUO_KEY_DIR || path.join(beside, 'keys')),
    checkpointDir: path.resolve(
      env.RONGCUO_CHECKPOINT_DIR || path.join(beside, 'audit-checkpoints'),
    ),
  };
}

/**
 * Locations in a new temporary directory, for an application assembled on a store it was
 * handed (tests, benchmarks): its chain is not the one the checkpoints under ./data record.
 */
async function temporaryAuditFiles(): Promise<{
  readonly locations: AuditFileLocations;
  remove(): Promise<void>;
}> {
  const base = await mkdtemp(path.join(tmpdir(), 'rongcuo-audit-'));
  return {
    locations: {
      keyDir: path.join(base, 'keys'),
      checkpointDir: path.join(base, 'audit-checkpoints'),
    },
    remove: () => rm(base, { recursive: true, force: true }),
  };
}

/**
 * The locations for an application being assembled: those given; else, on a store it was
 * handed, temporary ones (removed with it); else those of the environment.
 */
export async function auditFilesFor(options: {
  readonly auditFiles?: AuditFileLocations;
  readonly store?: unknown;
  readonly dataDir?: string;
}): Promise<{ readonly locations: AuditFileLocations; remove(): Promise<void> }> {
  if (options.auditFiles) return { locations: options.auditFiles, remove: async () => {} };
  if (options.store !== undefined) return temporaryAuditFiles();
  return { locations: auditFileLocations({ dataDir: options.dataDir }), remove: async () => {} };
}
