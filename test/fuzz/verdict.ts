// Whether the application must refuse a value it was sent: because the route's own schema
// refuses it (without coercion for a JSON body: issue 8, item 13), or because issue 8
// guarantees a refusal whatever the schema says (a NUL or a lone surrogate in any string,
// item 1; a day that is not in the calendar, an integer past 2^53, item 12). The answer is
// true, false, or undefined when this small checker cannot tell; only true is held
// against the application.

import type { JsonSchema } from './openapi-operations.ts';
import { typesOf } from './openapi-operations.ts';

/** A piece of JSON text put into a body as it is, with the type it stands for. */
export interface RawJson {
  readonly raw: string;
  /** What the text parses as; `invalid` when it is not JSON at all. */
  readonly parsesAs: 'array' | 'object' | 'number' | 'string' | 'invalid';
  /** The parsed value when it is a scalar, for the checks on numbers and strings. */
  readonly value?: unknown;
}

export function isRawJson(value: unknown): value is RawJson {
  return typeof value === 'object' && value !== null && RAW in value;
}

const RAW = Symbol('raw JSON');

export function rawJson(raw: string, parsesAs: RawJson['parsesAs'], value?: unknown): RawJson {
  return { [RAW]: true, raw, parsesAs, value } as RawJson;
}

/** A lone (unpaired) UTF-16 surrogate. */
export const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Item 1: no string with a NUL or a lone surrogate gets past input validation. */
export function isPoisonedText(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD day that the calendar has (no 2025-02-29, no 9999-99-99). */
export function isCalendarDay(text: string): boolean {
  const m = DATE_SHAPE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

function typeOfJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeOfJson(value) === 'object';
    default:
      return false;
  }
}

/** Whether a string breaks its schema's string keywords or a guarantee. */
function stringBreaks(schema: JsonSchema, text: string): boolean | undefined {
  if (isPoisonedText(text)) return true;
  const length = [...text].length;
  if (schema.minLength !== undefined && length < schema.minLength) return true;
  if (schema.maxLength !== undefined && length > schema.maxLength) return true;
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(text)) return true;
  if (schema.format === 'uuid' && !UUID.test(text)) return true;
  if (schema.format === 'date' && !isCalendarDay(text)) return true;
  if (schema.enum && !schema.enum.includes(text)) return true;
  return false;
}

function numberBreaks(schema: JsonSchema, n: number): boolean {
  if (!Number.isFinite(n)) return true;
  // Item 12: an integer past 2^53 cannot be held exactly; offset=1e20 must be refused.
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) return true;
  if (schema.minimum !== undefined && n < schema.minimum) return true;
  if (schema.maximum !== undefined && n > schema.maximum) return true;
  if (schema.enum && !schema.enum.includes(n)) return true;
  return false;
}

/** Whether a JSON value in a body must be refused (no coercion of a body: item 13). */
export function jsonBreaks(schema: JsonSchema, value: unknown): boolean | undefined {
  if (schema.anyOf || schema.oneOf || schema.allOf) return undefined;
  const types = typesOf(schema);
  if (isRawJson(value)) {
    if (value.parsesAs === 'invalid') return true;
    if (value.value !== undefined) return jsonBreaks(schema, value.value);
    if (types.length === 0) return undefined;
    if (!types.includes(value.parsesAs)) return true;
    // A deep nest of arrays where the items are not arrays themselves.
    if (value.parsesAs === 'array' && schema.items) {
      const itemTypes = typesOf(schema.items);
      if (itemTypes.length > 0 && !itemTypes.includes('array')) return true;
    }
    return undefined;
  }
  if (types.length === 0) {
    if (schema.enum) return !schema.enum.includes(value);
    return undefined;
  }
  if (value === null) return !types.includes('null');
  if (!types.some((t) => matchesType(value, t))) return true;
  if (typeof value === 'string') return stringBreaks(schema, value);
  if (typeof value === 'number') return numberBreaks(schema, value);
  if (typeof value === 'boolean') return schema.enum ? !schema.enum.includes(value) : false;
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return true;
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return true;
    if (!schema.items) return undefined;
    let unknown = false;
    for (const item of value) {
      const v = jsonBreaks(schema.items, item);
      if (v === true) return true;
      if (v === undefined) unknown = true;
    }
    return unknown ? undefined : false;
  }
  return objectBreaks(schema, value as Record<string, unknown>);
}

function objectBreaks(schema: JsonSchema, value: Record<string, unknown>): boolean | undefined {
  const properties = schema.properties ?? {};
  for (const name of schema.required ?? []) if (!Object.hasOwn(value, name)) return true;
  let unknown = false;
  for (const [key, item] of Object.entries(value)) {
    const declared = Object.hasOwn(properties, key) ? properties[key] : undefined;
    const itemSchema =
      declared ??
      (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (!declared && schema.additionalProperties === false) return true;
    if (itemSchema && isPoisonedText(key)) return true;
    if (!itemSchema) {
      unknown = true;
      continue;
    }
    const v = jsonBreaks(itemSchema, item);
    if (v === true) return true;
    if (v === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

/**
 * Whether a parameter's text (as the server decodes it from the path, the query or a
 * header) must be refused. Text may stand for a number or a boolean there (Fastify
 * coerces parameters, which arrive as text), but only text that says one exactly.
 */
export function textBreaks(schema: JsonSchema, text: string): boolean | undefined {
  if (isPoisonedText(text)) return true;
  const types = typesOf(schema).filter((t) => t !== 'null');
  if (types.length === 0) return schema.enum ? !schema.enum.includes(text) : undefined;
  if (types.includes('string')) return stringBreaks(schema, text);
  if (types.includes('integer') || types.includes('number')) {
    if (/^-?\d+$/.test(text)) return numberBreaks(schema, Number(text));
    if (text === '' || Number.isNaN(Number(text))) return true;
    const n = Number(text);
    if (types.includes('integer') && !Number.isInteger(n)) return true;
    // "1e3", " " and the like: coerced by some validators (" " to 0), refused by others.
    return undefined;
  }
  if (types.includes('boolean')) return text !== 'true' && text !== 'false';
  return undefined;
}
