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
/** A day, 'YYYY-MM-DD' (the domain's CalendarDate). */
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
export const DateOnly = Type.String({ format: 'date', pattern: DATE_PATTERN });
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

export const UnitRef = Type.Object({ id: Type.String(), name: Type.String() });
export type UnitRef = Static<typeof UnitRef>;

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
