// The fuzzer's own judges, held to cases whose answer is known: a check that passed
// everything would make the fuzz test prove nothing.

import { describe, expect, it } from 'vitest';
import { errorShapeProblem } from './fuzz-checks.ts';
import { encodeText } from './malformed-values.ts';
import type { JsonSchema } from './openapi-operations.ts';
import { isCalendarDay, jsonBreaks, rawJson, textBreaks } from './verdict.ts';
import type { WireResponse } from './wire.ts';

const json = (status: number, body: string, type = 'application/json; charset=utf-8') =>
  ({ status, headers: { 'content-type': type }, body: Buffer.from(body) }) as WireResponse;

describe('the error shape check', () => {
  it('takes the documented shape with a stable code and a Chinese message', () => {
    expect(
      errorShapeProblem(json(400, '{"error":{"code":"INVALID_INPUT","message":"请求体无效"}}')),
    ).toBeUndefined();
  });

  it.each([
    ["Fastify's own shape", '{"error":"Bad Request","message":"Client Error","statusCode":400}'],
    ['an English message', '{"error":{"code":"INVALID_INPUT","message":"bad input"}}'],
    ['a lower-case code', '{"error":{"code":"invalid","message":"请求无效"}}'],
    ['an extra field', '{"error":{"code":"X","message":"无效","statusCode":400}}'],
    ['an empty body', ''],
  ])('refuses %s', (_what, body) => {
    expect(errorShapeProblem(json(400, body))).toBeDefined();
  });

  it('refuses an answer that is not JSON', () => {
    expect(errorShapeProblem(json(400, '{"error":{}}', 'text/plain'))).toMatch(/content-type/);
  });
});

describe('what must be refused', () => {
  const body: JsonSchema = {
    type: 'object',
    required: ['version', 'value'],
    properties: {
      version: { type: 'integer', minimum: 1 },
      value: { type: 'boolean', nullable: true },
      note: { type: 'string', maxLength: 5, nullable: true },
      day: { type: 'string', format: 'date' },
    },
    additionalProperties: false,
  };

  it('takes a valid body', () => {
    expect(jsonBreaks(body, { version: 3, value: null, note: '说明', day: '2024-02-29' })).toBe(
      false,
    );
  });

  it.each<[string, Record<string, unknown>]>([
    ['a boolean sent as text (no coercion of a body)', { version: 1, value: 'false' }],
    ['a number sent as text', { version: '1', value: true }],
    ['a NUL', { version: 1, value: true, note: 'a\u0000' }],
    ['a lone surrogate', { version: 1, value: true, note: '\ud800' }],
    ['a day not in the calendar', { version: 1, value: true, day: '2025-02-29' }],
    [
      'an integer past 2^53',
      { version: rawJson('99999999999999999999', 'number', 1e20), value: true },
    ],
    ['1e400', { version: rawJson('1e400', 'number', Infinity), value: true }],
    ['an unknown property', { version: 1, value: true, isAdmin: true }],
    ['a missing property', { version: 1 }],
    ['a string past its length', { version: 1, value: true, note: '一二三四五六' }],
    ['a deep array for a scalar', { version: rawJson('[[[]]]', 'array'), value: true }],
  ])('refuses %s', (_what, value) => {
    expect(jsonBreaks(body, value)).toBe(true);
  });

  it('judges parameter text as a parameter is coerced, and only text that says a number', () => {
    const offset: JsonSchema = { type: 'integer', minimum: 0 };
    expect(textBreaks(offset, '20')).toBe(false);
    expect(textBreaks(offset, '99999999999999999999')).toBe(true);
    expect(textBreaks(offset, '-1')).toBe(true);
    expect(textBreaks(offset, 'abc')).toBe(true);
    expect(textBreaks(offset, '1e3')).toBeUndefined();
    expect(textBreaks({ type: 'string', maxLength: 100 }, 'a\u0000')).toBe(true);
  });

  it('knows the calendar', () => {
    expect(['2024-02-29', '2000-02-29', '2025-12-31'].map(isCalendarDay)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['2025-02-29', '1900-02-29', '2025-04-31', '9999-99-99'].map(isCalendarDay)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('writes a lone surrogate into a URL as the bytes no UTF-8 decoder takes', () => {
    expect(encodeText('x\ud800')).toBe('x%ED%A0%80');
    expect(encodeText('中\u0000')).toBe('%E4%B8%AD%00');
  });
});
