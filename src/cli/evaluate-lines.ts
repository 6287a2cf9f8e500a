// The determination of one JSON text, and of a run of JSON Lines: what `evaluate` prints,
// shared by the single input, the in-process batch and the batch's worker threads. It
// imports the domain only (no policy files, no YAML or schema library), so a worker
// thread starts quickly.

import { determine } from '../domain/determination/determine.ts';
import type { PolicyRegistry } from '../domain/policy/policy-registry.ts';

/** An input that is not JSON at all: said in Chinese alone, as every message of the contract. */
const NOT_JSON = '输入无法解析：数据格式不正确';

export function evaluateLine(
  registry: PolicyRegistry,
  text: string,
  today: string,
  explain: boolean,
) {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return { error: { code: 'INVALID_INPUT', message: NOT_JSON } };
  }
  return determine(registry, input, { today, explain });
}

/** The output of a run of lines: one JSON line per non-blank input line, and how many. */
export interface LinesResult {
  /** A worker's answer comes as bytes, encoded in the worker and moved, not copied. */
  readonly out: string | Uint8Array;
  readonly lines: number;
}

/**
 * Splits as node:readline does (`\n`, `\r\n` and a lone `\r` each end a line), skips blank
 * lines, and answers every other line in order. A break between `\r` and `\n` only adds a
 * blank line, which is skipped, so a text cut anywhere at a line break gives the same
 * output in pieces as whole.
 */
export function evaluateLines(
  registry: PolicyRegistry,
  text: string,
  today: string,
  explain: boolean,
): LinesResult {
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  let out = '';
  let count = 0;
  for (const line of lines) {
    // `{` is how almost every line starts; only other lines pay for the blank test.
    if (line.charCodeAt(0) !== 0x7b && line.trim() === '') continue;
    count++;
    out += `${JSON.stringify(evaluateLine(registry, line, today, explain))}\n`;
  }
  return { out, lines: count };
}
