// How Fastify checks each part of a request against its schema: two Ajv instances, one
// for the parts that arrive as text and one for JSON bodies.
//
// A query string, a path or a header is text, so "2" must be read as the integer 2 and
// "true" as true: those parts are coerced. A JSON body has types of its own: coercing it
// would record "false" as false, "" as unknown and a title -1 as "-1", so a body is taken
// as it is and a wrong type is INVALID_INPUT.

import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifySchemaValidationError, FastifyServerOptions } from 'fastify';

/** A compiled validator of one part of a request (Ajv's), as Fastify calls it. */
type Validator = ReturnType<ReturnType<ReturnType<typeof AjvCompiler>>>;

/** Fastify's own defaults, except that nothing a client sends is silently dropped. */
const COMMON = { useDefaults: true, removeAdditional: false, allErrors: false } as const;

/** Fastify's `schemaController` option: the validator of each route part by its kind. */
export const schemaController: FastifyServerOptions['schemaController'] = {
  compilersFactory: {
    buildValidator(externalSchemas) {
      // A fresh pool per server, so no two servers share compiled schemas.
      const fromPool = AjvCompiler();
      const text = fromPool(externalSchemas, {
        customOptions: { ...COMMON, coerceTypes: 'array' },
      });
      const json = fromPool(externalSchemas, { customOptions: { ...COMMON, coerceTypes: false } });
      return (route) =>
        route.httpPart === 'body' ? json(route) : finiteNumbersOnly(text(route), route.schema);
    },
  },
};

/** The part of a JSON schema this file reads: a text part's fields and their types. */
interface PartSchema {
  readonly properties?: Readonly<Record<string, { type?: unknown; items?: { type?: unknown } }>>;
}

/**
 * The text parts' validator, refusing a number that is not finite. Ajv coerces the text
 * "Infinity", "-1e400" or an integer of 400 digits to ±Infinity without checking it as it
 * checks a number that came as one, and then skips every bound (minimum, maximum) for a
 * number that is not finite: `offset=Infinity` would pass `Int()` and fail in PostgreSQL
 * (ajv-validator/ajv#2212, fastify/fastify#6718, unfixed in Ajv 8.20). A JSON body needs
 * no such check: a non-finite number there fails Ajv's type check.
 */
function finiteNumbersOnly(validate: Validator, schema: unknown): Validator {
  const checked = Object.assign(
    // Called as Fastify calls Ajv's: with the parent of the data, so it can coerce the root.
    function (this: unknown, data: unknown, context?: Parameters<Validator>[1]) {
      const valid = validate.call(this, data, context);
      if (valid !== true) {
        checked.errors = validate.errors ?? null;
        return valid;
      }
      const fault = nonFiniteNumber(data, schema as PartSchema);
      checked.errors = fault === null ? null : [fault];
      return fault === null;
    },
    { schema: validate.schema, schemaEnv: validate.schemaEnv },
    { errors: null as FastifySchemaValidationError[] | null },
  );
  // Ajv's type says a validator is a type guard, which no function but Ajv's own can be.
  return checked as unknown as Validator;
}

/**
 * The first field (or item of a repeated field) that Ajv left a number that is not
 * finite, as Ajv's own refusal of its type; null if there is none.
 */
function nonFiniteNumber(data: unknown, schema: PartSchema): FastifySchemaValidationError | null {
  if (data === null || typeof data !== 'object') return null;
  for (const [name, value] of Object.entries(data)) {
    const items: unknown[] = Array.isArray(value) ? value : [value];
    const at = items.findIndex((item) => typeof item === 'number' && !Number.isFinite(item));
    if (at < 0) continue;
    const field = schema.properties?.[name];
    const declared = Array.isArray(value) ? field?.items?.type : field?.type;
    const type = [declared].flat().includes('integer') ? 'integer' : 'number';
    return {
      keyword: 'type',
      instancePath: Array.isArray(value) ? `/${name}/${at}` : `/${name}`,
      schemaPath: `#/properties/${name}/type`,
      params: { type },
      message: `must be ${type}`,
    };
  }
  return null;
}
