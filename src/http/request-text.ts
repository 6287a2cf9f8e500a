// One check of every text a request carries, for every route, before any schema or
// handler sees it: no NUL character and no lone UTF-16 surrogate, in values and in keys;
// and JSON nested no deeper than any request of the API needs.
//
// Why here and not per field: PostgreSQL refuses NUL in text (a 500) and stores a lone
// surrogate as U+FFFD, so what was hashed into the audit chain would differ from what was
// stored. Such a string is never a person's text, whatever the field; JSON.parse makes one
// from "\ud800", a query string or path from %00, a cookie from its percent-encoding.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UseCaseError } from '../app/app-context.ts';

/** A NUL, a high surrogate not followed by a low one, or a low one not after a high one. */
const NOT_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The deepest nesting a request's JSON may have. The deepest the API reads is 2 (a list of
 * members in a step, the facts of an evaluation); a 5,000-deep array would only make
 * recursive code (JSON.stringify in a message) overflow its stack.
 */
export const MAX_JSON_DEPTH = 32;

/** Where in the request, in words (as the schema refusals say it). */
const PARTS = [
  ['params', '路径参数'],
  ['query', '查询参数'],
  ['headers', '请求头'],
  ['cookies', 'Cookie'],
  ['body', '请求体'],
] as const;

type Fault = { readonly kind: 'text' | 'depth'; readonly path: string };

/** The first fault of a value, walked without recursion so no input can exhaust the stack. */
export function firstFault(value: unknown): Fault | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value: v, path, depth } = item;
    if (typeof v === 'string') {
      if (NOT_TEXT.test(v)) return { kind: 'text', path };
      continue;
    }
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) continue;
    if (depth >= MAX_JSON_DEPTH) return { kind: 'depth', path };
    const entries = Array.isArray(v) ? v.entries() : Object.entries(v);
    for (const [key, child] of entries) {
      const name = String(key);
      // A key is text too; the path never repeats a faulty one back to the client.
      if (NOT_TEXT.test(name)) return { kind: 'text', path: join(path, '(键名)') };
      stack.push({ value: child, path: join(path, name), depth: depth + 1 });
    }
  }
  return null;
}

const join = (path: string, name: string) => (path === '' ? name : `${path}.${name}`);

/** Throws INVALID_INPUT, in Chinese, for the first part of the request with a fault. */
export function checkRequestText(request: FastifyRequest): void {
  for (const [part, words] of PARTS) {
    const fault = firstFault(request[part]);
    if (!fault) continue;
    const where = `${words}${fault.path === '' ? '' : ` ${fault.path} `}`;
    throw new UseCaseError(
      'INVALID_INPUT',
      fault.kind === 'depth'
        ? `${where}嵌套超过 ${MAX_JSON_DEPTH} 层`
        : `${where}含有空字符（NUL）或不成对的 UTF-16 代理项，不是有效的文本`,
    );
  }
}

/** For every route, after the body is parsed and before its schema is checked. */
export function installRequestTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => checkRequestText(request));
}
