// What the fuzzer holds every error answer to: the documented error shape, with a stable
// code and a Chinese message. (What it holds the database to is in state-digest.ts.)

import type { WireResponse } from './wire.ts';

const CODE = /^[A-Z][A-Z0-9_]*$/;
/** A CJK ideograph: the message is Chinese (it may name English values too). */
const CHINESE = /[\u3400-\u4dbf\u4e00-\u9fff]/;

/**
 * Why an error answer is not `{"error":{"code","message"}}` with a stable code and a
 * Chinese message (src/http/http-errors.ts), or undefined when it is.
 */
export function errorShapeProblem(response: WireResponse): string | undefined {
  const type = response.headers['content-type'] ?? '';
  if (!type.startsWith('application/json'))
    return `content-type ${JSON.stringify(type)}, not application/json`;
  let body: unknown;
  try {
    body = JSON.parse(response.body.toString('utf8'));
  } catch {
    return 'the body is not JSON';
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'not an object';
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== 'error') return `top-level keys ${keys.join(', ')}`;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return '"error" is not an object';
  const fields = Object.keys(error).sort();
  if (fields.join(',') !== 'code,message') return `"error" has ${fields.join(', ')}`;
  const { code, message } = error as { code: unknown; message: unknown };
  if (typeof code !== 'string' || !CODE.test(code)) return `code ${JSON.stringify(code)}`;
  if (typeof message !== 'string' || !CHINESE.test(message))
    return `message not in Chinese: ${JSON.stringify(message).slice(0, 120)}`;
  return undefined;
}

/** The stable code of an error answer, when it has one. */
export function errorCodeOf(response: WireResponse): string | undefined {
  try {
    const code = (JSON.parse(response.body.toString('utf8')) as { error?: { code?: unknown } })
      .error?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}
