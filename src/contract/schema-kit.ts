// The building blocks of the API's JSON schemas (TypeBox: a schema is a JSON Schema
// value and its TypeScript type at once). Fastify validates requests and serializes
// responses with them, the OpenAPI document is generated from them, and the web reads
// the same types: one definition of every shape on the wire.

import { Type, type Static, type TSchema, type TString } from 'typebox';

export { Type, type Static, type TSchema };

/**
 * A scalar that may be null, as `type: [T, 'null']`. Not `anyOf`: with type coercion on
 * (query strings), Ajv would try the first branch of an anyOf and turn `null` into `""`
 * or `false` into `null`; a list of types is coerced only when no type matches.
 */
export function Nullable<T extends TSchema>(schema: T) {
  const { type, enum: values } = schema as { type?: unknown; enum?: unknown[] };
  if (typeof type !== 'string') throw new Error('Nullable takes a scalar; use NullableObject');
  return Type.Unsafe<Static<T> | null>({
    ...schema,
    type: [type, 'null'],
    ...(values ? { enum: [...values, null] } : {}),
  });
}

/** An object that may be null. */
export function NullableObject<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** One of the given strings, as `{ type: 'string', enum }` (documented as such in OpenAPI). */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export const Uuid = Type.String({ format: 'uuid' });
/**
 * A day, 'YYYY-MM-DD' (the domain's CalendarDate). The format 'date' (ajv-formats, full
 * mode) refuses a day the month does not have (2025-02-29, 2025-02-30, 9999-99-99); the
 * pattern keeps the year within four digits from 1000, which PostgreSQL and JavaScript's
 * Date both read the same way (PostgreSQL has no year 0).
 */
export const DATE_PATTERN = '^[1-9]\\d{3}-\\d{2}-\\d{2}$';
export const DateOnly = Type.String({ format: 'date', pattern: DATE_PATTERN });

/** PostgreSQL's `integer`: versions, counts, pages. A larger number is refused, not a 500. */
export const INT_MAX = 2_147_483_647;
/** PostgreSQL's `bigint` as far as a JavaScript number holds it exactly (sequence numbers). */
export const BIGINT_SAFE_MAX = Number.MAX_SAFE_INTEGER;

/**
 * An integer a client sends, always with both bounds, within PostgreSQL's `integer` unless
 * a larger maximum is given: an unbounded one (99999999999999999999) would reach the
 * database and fail there. The bounds alone do not stop `Infinity` or `1e400` in a query
 * (Ajv coerces them to a number it no longer bounds); the server's validator of query,
 * path and headers refuses every number that is not finite (src/http/request-validation.ts).
 */
export function Int(options: { minimum?: number; maximum?: number; description?: string } = {}) {
  const { minimum = 0, maximum = INT_MAX, ...rest } = options;
  return Type.Integer({ minimum, maximum, ...rest });
}

/** A case's version as the client read it (optimistic locking). */
export const Version = Int({ minimum: 1 });
/** An instant, ISO 8601 with its offset. */
export const DateTime = Type.String({ format: 'date-time' });

/** A text a person writes, at most `max` characters. */
export function Text(max: number, min = 0) {
  return Type.String({ maxLength: max, ...(min > 0 ? { minLength: min } : {}) });
}

/** Fields that are plain text, named once each: `...texts('id', 'name')`. */
export function texts<const K extends string>(...names: K[]): { [N in K]: TString } {
  return Object.fromEntries(names.map((name) => [name, Type.String()])) as {
    [N in K]: TString;
  };
}

/** Fields that are text or null, named once each: `...nullableTexts('note', 'reason')`. */
export function nullableTexts<const K extends string>(
  ...names: K[]
): { [N in K]: ReturnType<typeof Nullable<TString>> } {
  return Object.fromEntries(names.map((name) => [name, Nullable(Type.String())])) as {
    [N in K]: ReturnType<typeof Nullable<TString>>;
  };
}

/** A code with its Chinese label, as lists of choices are sent. */
export const Choice = Type.Object({ value: Type.String(), label: Type.String() });
export type Choice = Static<typeof Choice>;

/** Someone named on a page: an id and the name people know them by. */
export const Person = Type.Object({ id: Type.String(), displayName: Type.String() });
export type Person = Static<typeof Person>;

/**
 * Someone or something named on a page (an officer, a unit, the staffer who acted): an id
 * and its name.
 */
export const Named = Type.Object({ id: Type.String(), name: Type.String() });
export type Named = Static<typeof Named>;

/** A unit named on a page. */
export const UnitRef = Named;
export type UnitRef = Named;

/**
 * A downloaded file: its own bytes in its own content type (Fastify sends a Buffer as it
 * is), not JSON.
 */
export const BinaryFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

/** A policy version by name. */
export const PolicyRef = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
});

/** Every error: `{"error":{"code","message"}}`, the code stable, the message Chinese. */
export const ErrorBody = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Type.String() }) },
  { description: '错误 / error: {"error":{"code","message"}}' },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** The error responses every route may give. */
export const errors = { '4xx': ErrorBody, '5xx': ErrorBody } as const;

export const IdParams = Type.Object({ id: Uuid });
