// The statements read most often, built and compiled once per process and sent as named
// statements, which PostgreSQL parses and plans once per connection instead of on every
// execution. The case page's one statement takes 1.4–2.1 ms to plan and well under that
// to run (BENCHMARKS.md, "Issue 13: case read"); Kysely builds, compiles and sends every
// query afresh as an unnamed statement. Only statements named here are prepared: each one
// holds a plan in every connection of the pool, so a text that changes with its arguments
// (an IN list, optional filters) must not be.

import { createHash } from 'node:crypto';
import type { CompiledQuery, Compilable } from 'kysely';
import type { Conn } from './transaction.ts';

/** Statement text → its name, for the pool (database-pool.ts). */
const prepared = new Map<string, string>();

/** The name to send `sql` under, if it is a prepared statement; else undefined. */
export function preparedNameOf(sql: string): string | undefined {
  return prepared.get(sql);
}

/** Nothing a caller passes can be mistaken for it. */
const standIn = (name: string) => `\u0000rongcuo-argument:${name}`;

/**
 * A query of string arguments, compiled once on first use and sent as a named statement.
 * `build` must depend on nothing but its arguments (and constants): whatever else it reads
 * is frozen into the statement at the first call. Each argument must reach the statement
 * as a parameter of its own, or the compile fails (rather than send a stand-in).
 */
export function preparedQuery<A extends Record<string, string>, R>(
  name: string,
  argumentNames: readonly (keyof A & string)[],
  build: (db: Conn, args: A) => Compilable<R>,
): (db: Conn, args: A) => Promise<R[]> {
  let compiled: { readonly query: CompiledQuery<R>; readonly slots: (string | null)[] } | null =
    null;
  return async (db, args) => {
    compiled ??= compileOnce(name, argumentNames, build(db, standIns(argumentNames) as A));
    const { query, slots } = compiled;
    const parameters = query.parameters.map((p, i) => {
      const slot = slots[i];
      return slot === null || slot === undefined ? p : args[slot];
    });
    return (await db.executeQuery<R>({ ...query, parameters })).rows;
  };
}

function standIns(argumentNames: readonly string[]): Record<string, string> {
  return Object.fromEntries(argumentNames.map((a) => [a, standIn(a)]));
}

function compileOnce<R>(name: string, argumentNames: readonly string[], built: Compilable<R>) {
  const query = built.compile();
  const byStandIn = new Map(argumentNames.map((a) => [standIn(a), a]));
  const slots = query.parameters.map((p) => (typeof p === 'string' ? byStandIn.get(p) : null));
  for (const a of argumentNames) {
    if (!slots.includes(a) || query.sql.includes(standIn(a)))
      throw new Error(`prepared statement ${name}: ${a} is not a parameter of its own`);
  }
  const digest = createHash('sha256').update(query.sql).digest('hex').slice(0, 16);
  prepared.set(query.sql, `rongcuo_${name}_${digest}`);
  return { query, slots: slots.map((s) => s ?? null) };
}
