// The shape of every area's routes: a Fastify plugin typed by its TypeBox schemas, so a
// handler's request and reply are the contract's types (src/contract).

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export type Routes = FastifyPluginAsyncTypebox;

/** Dates leave as ISO 8601 text, the contract's DateTime. */
export function iso(date: Date): string {
  return date.toISOString();
}

export function isoOrNull(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

/** T with every array and object read-only, as the domain's values are. */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * A domain value sent as it is. The wire's types are mutable and the domain's read-only;
 * the shape is still checked, only the `readonly` is dropped.
 */
export function asSent<T>(value: DeepReadonly<T>): T {
  return value as T;
}
