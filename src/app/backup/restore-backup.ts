// `rongcuo restore FILE`: a backup loaded into an empty database, as it was. The file is
// verified whole first, so a damaged one changes nothing; the schema is brought to the
// backup's version and every table loaded in one transaction, so a failure part-way
// leaves no half-restored tables; then the schema goes on to this release's latest, the
// audit checkpoints go back beside the database, and the chain is verified.

import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import {
  schemaCheck,
  type ChainHead,
  type TableSection,
} from '../../domain/backup/backup-format.ts';
import type { AuditFileLocations } from '../../audit-files/audit-file-locations.ts';
import { loadVerifyingKey } from '../../audit-files/signing-key.ts';
import {
  beginLoad,
  copyTableIn,
  countEvidence,
  inClientTransaction,
  withClient,
  type ClientConfig,
  type CopyClient,
  dropPublicSchema,
  endLoad,
  evidenceMismatches,
  tablesWithRows,
} from '../../store/backup.queries.ts';
import type { Store } from '../../store/database.ts';
import { MIGRATION_NAMES, migrateTo } from '../../store/migrate.ts';
import { StoreError } from '../../store/store-error.ts';
import { inTransaction } from '../../store/transaction.ts';
import { appendAudit, verifyAuditLog } from '../audit/audit-log.ts';
import { readBackup } from './backup-reader.ts';
import { verifyBackup } from './backup-verify.ts';
import { CHECKPOINT_SECTION_DIR } from './backup-writer.ts';

export interface RestoreOptions {
  readonly file: string;
  /** Where the target keeps its audit checkpoints and keys. */
  readonly auditFiles: AuditFileLocations;
  /** Drop what the target holds instead of refusing it. */
  readonly replace: boolean;
  readonly now: Date;
}

export interface RestoreResult {
  readonly sha256: string;
  readonly createdAt: string;
  readonly release: string;
  readonly tables: number;
  readonly rows: number;
  readonly checkpoints: number;
  readonly chainHead: ChainHead | null;
  /** The migrations this release ran after loading the backup's tables. */
  readonly migrated: readonly string[];
  readonly evidence: { readonly checked: number; readonly mismatched: readonly string[] };
  readonly audit: {
    readonly ok: boolean;
    /** Whether the chain was held to the signed checkpoints (their key found in the key directory). */
    readonly checkpointsChecked: boolean;
    readonly reason?: string;
  };
}

export class RestoreError extends Error {
  constructor(
    readonly code: 'RESTORE_TARGET_NOT_EMPTY' | 'RESTORE_SCHEMA_UNKNOWN',
    message: string,
  ) {
    super(message);
  }
}

export async function restoreBackup(store: Store, options: RestoreOptions): Promise<RestoreResult> {
  const verified = await verifyBackup(options.file);
  const { header, manifest } = verified;
  const check = schemaCheck(header.migrations, MIGRATION_NAMES);
  if (!check.ok) throw new RestoreError('RESTORE_SCHEMA_UNKNOWN', check.message);
  const ownerConfig = store.connections.owner;
  if (!ownerConfig) {
    throw new StoreError(
      'OWNER_CONNECTION_REQUIRED',
      '恢复须以数据库结构的所有者执行：请设置 DATABASE_OWNER_URL / A restore needs the schema owner: set DATABASE_OWNER_URL.',
    );
  }
  const checkpointDir = options.auditFiles.checkpointDir;
  await refuseNonEmpty(ownerConfig, checkpointDir, options.replace);

  // A clean schema at the backup's version, then its rows in one transaction.
  await withClient(ownerConfig, dropPublicSchema);
  await store.asOwner((ownerDb) => migrateTo(ownerDb, header.migrations.at(-1)!));
  const tables = manifest.sections.filter((s) => s.kind === 'table').map((s) => s.name);
  const files = await withClient(ownerConfig, (client) =>
    inClientTransaction(client, async () => {
      await beginLoad(client, tables);
      const kept = await loadSections(client, options.file);
      await endLoad(client, tables, header.sequences);
      return kept;
    }),
  );
  const migrated = await store.migrate();

  await mkdir(checkpointDir, { recursive: true, mode: 0o700 });
  for (const file of files) {
    await writeFile(path.join(checkpointDir, file.name), file.bytes, { mode: 0o600 });
  }
  await inTransaction(store.db, (tx) =>
    appendAudit(
      tx,
      {
        actorId: null,
        action: 'system.restore',
        entityType: 'backup',
        entityId: path.basename(options.file),
        data: {
          sha256: verified.sha256,
          createdAt: header.createdAt,
          release: header.release,
          chainHead: header.chainHead,
        },
      },
      options.now,
    ),
  );
  const evidence = await withClient(ownerConfig, async (client) => ({
    checked: await countEvidence(client),
    mismatched: await evidenceMismatches(client),
  }));
  const audit = await verifyChain(store, options.auditFiles);
  return {
    sha256: verified.sha256,
    createdAt: header.createdAt,
    release: header.release,
    tables: tables.length,
    rows: manifest.sections.filter((s) => s.kind === 'table').reduce((sum, s) => sum + s.lines, 0),
    checkpoints: files.length,
    chainHead: header.chainHead,
    migrated,
    evidence,
    audit,
  };
}

/** A target that holds rows, or checkpoints of another chain, is refused unless replaced. */
async function refuseNonEmpty(config: ClientConfig, checkpointDir: string, replace: boolean) {
  const withRows = await withClient(config, tablesWithRows);
  const checkpoints = await existingCheckpoints(checkpointDir);
  if (replace) {
    for (const file of checkpoints) await rm(path.join(checkpointDir, file));
    return;
  }
  if (withRows.length === 0 && checkpoints.length === 0) return;
  const what = [
    ...(withRows.length > 0 ? [`数据库中已有数据（${withRows.slice(0, 5).join('、')}…）`] : []),
    ...(checkpoints.length > 0 ? [`${checkpointDir} 中已有审计检查点`] : []),
  ].join('；');
  throw new RestoreError(
    'RESTORE_TARGET_NOT_EMPTY',
    `恢复目标不是空的：${what}。如确要覆盖其中的全部数据，请加 --replace / The target is not empty` +
      `${withRows.length > 0 ? ` (tables with rows: ${withRows.slice(0, 5).join(', ')})` : ''}` +
      `${checkpoints.length > 0 ? ` (checkpoints in ${checkpointDir})` : ''}: add --replace to overwrite it.`,
  );
}

async function existingCheckpoints(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
}

interface KeptFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/** Streams every table section into its COPY; returns the checkpoint files to write. */
async function loadSections(client: CopyClient, file: string): Promise<KeptFile[]> {
  const kept: KeptFile[] = [];
  let copy: Writable | null = null;
  let fileSection: { name: string; base64: string[] } | null = null;
  for await (const event of readBackup(file)) {
    if (event.kind === 'section') {
      if (event.section.kind === 'table') {
        const section: TableSection = event.section;
        copy = copyTableIn(client, section.name, section.columns);
      } else {
        const name = event.section.path.slice(CHECKPOINT_SECTION_DIR.length + 1);
        // Only a plain file name under the checkpoints' folder: never a path elsewhere.
        if (
          !event.section.path.startsWith(`${CHECKPOINT_SECTION_DIR}/`) ||
          name !== path.basename(name)
        ) {
          throw new Error(`unexpected file in the backup: ${event.section.path}`);
        }
        fileSection = { name, base64: [] };
      }
    } else if (event.kind === 'data') {
      if (copy) {
        if (!copy.write(event.chunk)) await once(copy, 'drain');
      } else fileSection?.base64.push(event.chunk.toString('ascii'));
    } else if (event.kind === 'end') {
      if (copy) {
        copy.end();
        await finished(copy);
        copy = null;
      } else if (fileSection) {
        kept.push({
          name: fileSection.name,
          bytes: Buffer.from(fileSection.base64.join('').replace(/\s+/g, ''), 'base64'),
        });
        fileSection = null;
      }
    }
  }
  return kept;
}

async function verifyChain(
  store: Store,
  files: AuditFileLocations,
): Promise<RestoreResult['audit']> {
  // Without the signing key the checkpoints cannot be held to anything: the chain alone.
  let key;
  try {
    key = await loadVerifyingKey(files.keyDir);
  } catch {
    key = undefined;
  }
  const verdict = await verifyAuditLog(store.db, key === undefined ? null : files);
  return {
    ok: verdict.ok,
    checkpointsChecked: key !== undefined,
    ...(verdict.ok ? {} : { reason: verdict.reason }),
  };
}
