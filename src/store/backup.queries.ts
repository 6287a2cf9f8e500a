// The SQL of backups and restores, on a plain `pg` client: COPY streams are not something
// Kysely speaks, so the backup's snapshot and the restore's load each hold one connection
// of their own (pg-copy-streams for COPY TO STDOUT / FROM STDIN).

import type { Readable, Writable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { ChainHead, SequenceValue } from '../domain/backup/backup-format.ts';
import { databaseUnavailable, isConnectionLoss } from './store-error.ts';

/** Kysely's own bookkeeping of the migrations: made by migrating the target, not restored. */
const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

export interface SnapshotTable {
  readonly name: string;
  readonly columns: readonly string[];
}

export interface Snapshot {
  readonly tables: readonly SnapshotTable[];
  readonly references: readonly { readonly from: string; readonly to: string }[];
  readonly sequences: readonly SequenceValue[];
  readonly migrations: readonly string[];
  readonly serverVersion: string;
  readonly chainHead: ChainHead | null;
}

/** A plain connection of its own, for the COPY streams; the app layer only passes it on. */
export type CopyClient = pg.Client;
/** How to open one (Store.connections). */
export type ClientConfig = pg.ClientConfig;

/** Work on a connection of its own, closed after. */
export async function withClient<T>(
  config: ClientConfig,
  work: (client: CopyClient) => Promise<T>,
): Promise<T> {
  const client = await connectClient(config);
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** One transaction on that connection: committed if `work` returns, rolled back if it throws. */
export async function inClientTransaction<T>(
  client: CopyClient,
  work: () => Promise<T>,
): Promise<T> {
  await client.query('begin');
  try {
    const result = await work();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}

/** Ends the snapshot's read-only transaction. */
export async function endSnapshot(client: CopyClient): Promise<void> {
  await client.query('commit');
}

export async function countEvidence(client: CopyClient): Promise<number> {
  const { rows } = await client.query<{ n: string }>('select count(*)::text as n from evidence');
  return Number(rows[0]!.n);
}

/** A connected client whose lost connection fails its work rather than the process. */
async function connectClient(config: ClientConfig): Promise<pg.Client> {
  const client = new pg.Client(config);
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw isConnectionLoss(error) ? databaseUnavailable(error) : error;
  }
  return client;
}

/**
 * Opens the snapshot every later read sees: one REPEATABLE READ transaction, read only,
 * so the tables, the sequences and the chain's head are of one moment while writers go on.
 */
export async function beginSnapshot(client: pg.Client): Promise<Snapshot> {
  await client.query('begin isolation level repeatable read read only');
  const tables = await client.query<{ name: string; columns: string[] }>(
    `select c.relname as name,
            array_agg(a.attname::text order by a.attnum) as columns
       from pg_class c
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                          and a.attgenerated = ''
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        and c.relname <> all($1::text[])
      group by c.relname
      order by c.relname`,
    [MIGRATION_TABLES],
  );
  const references = await client.query<{ from: string; to: string }>(
    `select c.conrelid::regclass::text as "from", c.confrelid::regclass::text as "to"
       from pg_constraint c
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
  );
  // Sequences are not transactional: read now, each is at least what any row in the
  // snapshot took from it, which is all a restore needs.
  const sequences = await client.query<{ name: string; last_value: string | null }>(
    `select sequencename as name, last_value::text as last_value
       from pg_sequences where schemaname = 'public' order by sequencename`,
  );
  const migrations = await client.query<{ name: string }>(
    `select name from kysely_migration order by name`,
  );
  const version = await client.query<{ v: string }>(
    `select current_setting('server_version') as v`,
  );
  const head = await client.query<{ seq: string; hash: string }>(
    `select seq::text as seq, hash from audit_events order by audit_events.seq desc limit 1`,
  );
  const top = head.rows[0];
  return {
    tables: tables.rows,
    references: references.rows.map((r) => ({ from: unquote(r.from), to: unquote(r.to) })),
    sequences: sequences.rows.map((s) => ({ name: s.name, lastValue: s.last_value })),
    migrations: migrations.rows.map((m) => m.name),
    serverVersion: version.rows[0]!.v,
    chainHead: top ? { seq: Number(top.seq), hash: top.hash } : null,
  };
}

/** regclass::text quotes a name only when it must; ours never need it, but be exact. */
function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name;
}

const columnList = (client: pg.ClientBase, columns: readonly string[]) =>
  columns.map((c) => client.escapeIdentifier(c)).join(', ');

/** A table's rows, as COPY's text format, from the snapshot. */
export function copyTableOut(
  client: pg.Client,
  table: string,
  columns: readonly string[],
): Readable {
  return client.query(
    copyTo(`copy ${client.escapeIdentifier(table)} (${columnList(client, columns)}) to stdout`),
  );
}

/** Where a table's rows go, as COPY's text format, in the restore's transaction. */
export function copyTableIn(
  client: pg.Client,
  table: string,
  columns: readonly string[],
): Writable {
  return client.query(
    copyFrom(`copy ${client.escapeIdentifier(table)} (${columnList(client, columns)}) from stdin`),
  );
}

/** The application's tables that hold at least one row: a target that is not empty. */
export async function tablesWithRows(client: pg.ClientBase): Promise<string[]> {
  const tables = await client.query<{ name: string }>(
    `select relname as name from pg_class
      where relnamespace = 'public'::regnamespace and relkind in ('r', 'p')
        and relname <> all($1::text[])
      order by relname`,
    [MIGRATION_TABLES],
  );
  const found: string[] = [];
  for (const { name } of tables.rows) {
    const any = await client.query(`select 1 from ${client.escapeIdentifier(name)} limit 1`);
    if ((any.rowCount ?? 0) > 0) found.push(name);
  }
  return found;
}

/** Drops everything in `public`, as its owner: `restore --replace`. */
export async function dropPublicSchema(client: pg.ClientBase): Promise<void> {
  await client.query('drop schema public cascade');
  await client.query('create schema public');
}

/**
 * Empties the tables about to be loaded, with their own triggers off until `endLoad`:
 * the rows come back exactly as they were, the derived ones (statistics counts, search
 * grams) included, so nothing must recompute them, and the audit log's append-only guard
 * must let the owner load its rows. Foreign keys stay on: they are checked as rows load.
 * The caller holds the transaction.
 */
export async function beginLoad(client: pg.ClientBase, tables: readonly string[]): Promise<void> {
  const names = tables.map((t) => client.escapeIdentifier(t));
  for (const name of names) await client.query(`alter table ${name} disable trigger user`);
  if (names.length > 0) await client.query(`truncate ${names.join(', ')}`);
}

export async function endLoad(
  client: pg.ClientBase,
  tables: readonly string[],
  sequences: readonly SequenceValue[],
): Promise<void> {
  for (const t of tables) {
    await client.query(`alter table ${client.escapeIdentifier(t)} enable trigger user`);
  }
  for (const s of sequences) {
    const name = client.escapeIdentifier(s.name);
    if (s.lastValue === null) await client.query(`alter sequence ${name} restart`);
    else await client.query(`select setval($1::regclass, $2::bigint, true)`, [name, s.lastValue]);
  }
}

/** Every evidence file whose stored bytes no longer give its recorded SHA-256. */
export async function evidenceMismatches(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `select id::text from evidence where encode(sha256(content), 'hex') <> sha256 order by id`,
  );
  return rows.map((r) => r.id);
}
