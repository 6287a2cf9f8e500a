// The malformed values of issue 8's fuzz item, by class: wrong types, values a lenient
// validator would coerce, 1 MiB strings, deep nesting, NUL, lone surrogates, `__proto__`,
// huge and negative numbers, impossible dates, SQL and path metacharacters, bad
// percent-encoding. Each class gives values for a field of a JSON body and for text in a
// path, a query or a header; raw JSON (a 5,000-deep array, 1e400) is put in as it is.

import type { Prng } from './prng.ts';
import { rawJson } from './verdict.ts';

/** 1 MiB of text: over any field's limit and over the whole body's. */
export const ONE_MIB = 1024 * 1024;

export const VALUE_CLASSES = [
  'wrong-type',
  'coercible',
  'huge-string',
  'deep-nesting',
  'nul',
  'lone-surrogate',
  'proto-key',
  'extreme-number',
  'impossible-date',
  'sql-meta',
  'path-meta',
] as const;
export type ValueClass = (typeof VALUE_CLASSES)[number];

/** A value for a JSON body, and a note saying what it is for the report. */
export interface BodyValue {
  readonly value: unknown;
  readonly note: string;
}

/** Text for a path, a query or a header, as the server should decode it. */
export interface TextValue {
  readonly text: string;
  readonly note: string;
}

const SQL_META = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '%',
  '_',
  '\\',
  '$1',
  "'::uuid",
  '"',
  "%' AND 1=1 --",
  '1) OR (1=1',
  "E'\\\\x00'",
  '/* */',
  ';',
];

const PATH_META = [
  '../../etc/passwd',
  '..\\..\\boot.ini',
  '/',
  '..',
  '.',
  'a/b',
  '~root',
  'file:///etc/passwd',
  'C:\\Windows\\win.ini',
  '\\\\server\\share',
  '%2e%2e%2f',
];

const IMPOSSIBLE_DATES = [
  '2025-02-29',
  '2025-02-30',
  '9999-99-99',
  '0000-00-00',
  '2025-13-01',
  '2025-00-10',
  '2024-02-30',
  '2100-02-29',
  '99999-01-01',
  '2025-1-1',
  '2025-01-01T00:00:00Z',
  '-2025-01-01',
  '２０２５-０１-０１',
];

const LONE_SURROGATES = ['\ud800', 'x\udfff', '\ud83d', '\udc00\ud800', '名\udbff字'];

const NUL_TEXTS = ['\u0000', 'a\u0000b', 'name\u0000', '\u0000\u0000'];

const PROTO_TEXTS = ['__proto__', 'constructor', 'prototype', '__proto__.polluted'];

function describe(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…(${text.length} chars)` : text;
  return JSON.stringify(shown);
}

/** A value of the class for a field of a JSON body whose schema types are `types`. */
export function bodyValue(cls: ValueClass, types: readonly string[], rng: Prng): BodyValue {
  switch (cls) {
    case 'wrong-type': {
      const candidates: [string, unknown][] = [
        ['string', 'x'],
        ['integer', 7],
        ['number', 1.5],
        ['boolean', true],
        ['null', null],
        ['array', ['x']],
        ['object', { a: 1 }],
      ];
      const wrong = candidates.filter(
        ([t]) => !types.includes(t) && !(t === 'integer' && types.includes('number')),
      );
      const [t, value] = rng.pick(wrong.length > 0 ? wrong : candidates);
      return { value, note: `a ${t} (${JSON.stringify(value)})` };
    }
    case 'coercible': {
      const values: unknown[] = types.includes('boolean')
        ? ['false', 'true', '', '0', 0, 1, 'null']
        : types.includes('integer') || types.includes('number')
          ? ['7', '-1', '1e3', '', true, [7], '0x10']
          : types.includes('array')
            ? ['x', 1, { 0: 'x' }]
            : [-1, 0, true, false, 12.5, ['x'], null];
      const value = rng.pick(values);
      return { value, note: `coercible ${JSON.stringify(value)}` };
    }
    case 'huge-string': {
      const length = rng.pick([ONE_MIB, 100_001, 10_001]);
      const unit = rng.pick(['a', '中', '😀']);
      return {
        value: unit.repeat(unit.length === 2 ? length / 2 : length),
        note: `${length} code units of ${unit}`,
      };
    }
    case 'deep-nesting': {
      const depth = rng.pick([64, 5_000, 50_000]);
      const arrays = rng.chance(0.5);
      const raw = arrays
        ? '['.repeat(depth) + ']'.repeat(depth)
        : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
      return {
        value: rawJson(raw, arrays ? 'array' : 'object'),
        note: `${depth}-deep ${arrays ? 'arrays' : 'objects'}`,
      };
    }
    case 'nul': {
      const text = rng.pick(NUL_TEXTS);
      return { value: text, note: `NUL in ${describe(text)}` };
    }
    case 'lone-surrogate': {
      const text = rng.pick(LONE_SURROGATES);
      return { value: text, note: `lone surrogate ${describe(text)}` };
    }
    case 'proto-key': {
      if (rng.chance(0.5)) {
        const key = rng.pick(['__proto__', 'constructor']);
        const raw =
          key === '__proto__'
            ? '{"__proto__":{"isAdmin":true,"roles":["sysadmin"]}}'
            : '{"constructor":{"prototype":{"isAdmin":true}}}';
        return { value: rawJson(raw, 'object'), note: `object with key ${key}` };
      }
      const text = rng.pick(PROTO_TEXTS);
      return { value: text, note: `text ${describe(text)}` };
    }
    case 'extreme-number': {
      const [raw, value] = rng.pick<[string, number]>([
        ['1e308', 1e308],
        ['-1e308', -1e308],
        ['99999999999999999999', 1e20],
        ['-99999999999999999999', -1e20],
        ['-1', -1],
        ['0', 0],
        ['9007199254740993', 2 ** 53 + 1],
        ['1.5', 1.5],
        ['-0', -0],
        ['1e400', Infinity],
        ['1e-400', 0],
        ['2147483648', 2 ** 31],
      ]);
      return { value: rawJson(raw, 'number', value), note: `number ${raw}` };
    }
    case 'impossible-date': {
      const text = rng.pick(IMPOSSIBLE_DATES);
      return { value: text, note: `date ${describe(text)}` };
    }
    case 'sql-meta': {
      const text = rng.pick(SQL_META);
      return { value: text, note: `SQL ${describe(text)}` };
    }
    case 'path-meta': {
      const text = rng.pick(PATH_META);
      return { value: text, note: `path ${describe(text)}` };
    }
  }
}

/** Text of the class for a path segment, a query value or a header. */
export function textValue(cls: ValueClass, types: readonly string[], rng: Prng): TextValue {
  switch (cls) {
    case 'wrong-type': {
      const candidates = types.includes('string')
        ? ['[object Object]', 'true', '{"a":1}', '[]']
        : types.includes('boolean')
          ? ['yes', '2', 'null', 'x']
          : ['abc', 'true', 'null', '1.5', '[1]', '0x10'];
      const text = rng.pick(candidates);
      return { text, note: `text ${describe(text)}` };
    }
    case 'coercible': {
      const text = rng.pick(['', ' ', 'false', '0', '-1', '1e3', 'null', 'undefined', 'NaN']);
      return { text, note: `coercible ${describe(text)}` };
    }
    case 'huge-string': {
      // A request line past the server's 16 KiB header limit, or a field past its own.
      const length = rng.pick([64 * 1024, 4_000, 201]);
      return { text: rng.pick(['a', '9']).repeat(length), note: `${length} characters` };
    }
    case 'deep-nesting': {
      const depth = rng.pick([64, 2_000]);
      return { text: '['.repeat(depth) + ']'.repeat(depth), note: `${depth}-deep brackets` };
    }
    case 'nul': {
      const text = rng.pick(NUL_TEXTS);
      return { text, note: `NUL in ${describe(text)}` };
    }
    case 'lone-surrogate': {
      const text = rng.pick(LONE_SURROGATES);
      return { text, note: `lone surrogate ${describe(text)}` };
    }
    case 'proto-key': {
      const text = rng.pick(PROTO_TEXTS);
      return { text, note: `text ${describe(text)}` };
    }
    case 'extreme-number': {
      const text = rng.pick([
        '99999999999999999999',
        '-99999999999999999999',
        '1e308',
        '-1',
        '9007199254740993',
        '1.5',
        '-0',
        'Infinity',
        '2147483648',
      ]);
      return { text, note: `number ${text}` };
    }
    case 'impossible-date': {
      const text = rng.pick(IMPOSSIBLE_DATES);
      return { text, note: `date ${describe(text)}` };
    }
    case 'sql-meta': {
      const text = rng.pick(SQL_META);
      return { text, note: `SQL ${describe(text)}` };
    }
    case 'path-meta': {
      const text = rng.pick(PATH_META);
      return { text, note: `path ${describe(text)}` };
    }
  }
}

/** Percent-encoding that does not decode: in a path or a query, sent as it is. */
export const BAD_PERCENT = [
  '%',
  '%g0',
  '%zz',
  '%ff',
  '%c0%af',
  '%ed%a0%80',
  '%e4%b8',
  '%%',
  '%u4e2d',
  '%0',
  'abc%',
  '%fe%ff',
];

/**
 * Text as a path segment or query value: percent-encoded UTF-8, with a lone surrogate
 * written as the three bytes it would take (CESU-8), which no UTF-8 decoder accepts.
 */
export function encodeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const paired = code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (paired) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(text[i]!);
    }
  }
  return out;
}
