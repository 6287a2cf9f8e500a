// What every area's routes are built with: a Fastify plugin typed by its TypeBox schemas,
// so a handler's request and reply are the contract's types (src/contract); the options
// of a route; and dates and read-only values as they leave.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors, type TSchema } from '../contract/schema-kit.ts';
import { statusOf } from './http-errors.ts';

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

/** What a route takes; each part is validated by Fastify and typed in its handler. */
interface RouteParts {
  readonly params?: TSchema;
  readonly querystring?: TSchema;
  readonly body?: TSchema;
  readonly headers?: TSchema;
}

/**
 * The options of an area's routes, under its OpenAPI tag: each route's summary (Chinese
 * / English), what it takes and what it answers, with the error answer every route gives.
 */
export function specFor(tag: string) {
  return <const P extends RouteParts, const R extends Record<number, TSchema>>(
    summary: string,
    parts: P,
    response: R,
  ) => ({ schema: { tags: [tag], summary, ...parts, response: { ...response, ...errors } } });
}

/**
 * specFor with the codes a route may refuse with, and their statuses, as its description:
 * the area's own codes (baseCodes, on every route of it) followed by the route's. A route
 * with no code at all has no description.
 */
export function specWithCodes(tag: string, baseCodes: readonly string[] = []) {
  const tagged = specFor(tag);
  return <const P extends RouteParts, const R extends Record<number, TSchema>>(
    summary: string,
    parts: P,
    response: R,
    codes: readonly string[] = [],
  ) => {
    const options = tagged(summary, parts, response);
    const all = [...baseCodes, ...codes];
    if (all.length === 0) return options;
    const description = `错误码 / error codes: ${all.map((c) => `${c} (${statusOf(c)})`).join(', ')}`;
    return { schema: { ...options.schema, description } };
  };
}
