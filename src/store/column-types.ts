// The kinds of column the table types are made of (schema.ts and the areas' *.schema.ts).

import type { ColumnType } from 'kysely';

/**
 * jsonb: read as parsed JSON, written as JSON text. Write `JSON.stringify(value)`: given a
 * JavaScript array, `pg` would send a PostgreSQL array literal, not JSON.
 */
export type Json<T = unknown> = ColumnType<T, string, string>;
/** jsonb with a database default. */
export type JsonWithDefault<T = unknown> = ColumnType<T, string | undefined, string>;
/** A 'YYYY-MM-DD' day. */
export type DateOnly = string;
/** A nullable column that an insert may leave out. */
export type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

/**
 * The distribution key (migration 0020; docs/ARCHITECTURE.md, "From one machine to a
 * cluster"): the top-level unit (盟市) a case, a report and every row of theirs belong to. A
 * trigger fills it on insert from the row's unit or parent, so writers may leave it out; it
 * never changes.
 */
export type TenantKey = ColumnType<string, string | undefined, never>;

/** The columns of a file kept in the database: a case's evidence, a report's attachment. */
export interface StoredFileColumns {
  filename: string;
  content_type: string;
  size: number;
  /** Hex SHA-256 of `content`. */
  sha256: string;
  content: Buffer;
  uploaded_by: string;
}
