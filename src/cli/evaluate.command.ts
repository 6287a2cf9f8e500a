// `rongcuo evaluate FILE|-` and `rongcuo evaluate --batch FILE|-` (determination contract).

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { SingleBar } from 'cli-progress';
import { todayInChina } from '../domain/calendar-date.ts';
import { determine, isDeterminationError } from '../domain/determination/determine.ts';
import type { PolicyRegistry } from '../domain/policy/policy-registry.ts';
import { loadRegistry } from '../policy-files/load-policies.ts';
import { parseCommandLine, printError, readInput, type CliIO } from './cli-io.ts';

const USAGE = '用法：rongcuo evaluate [--batch] [--explain] 文件|-（- 为标准输入）';

/** An input that is not JSON at all: said in Chinese alone, as every message of the contract. */
const NOT_JSON = '输入无法解析：数据格式不正确';

export async function runEvaluate(args: string[], io: CliIO): Promise<number> {
  const options = { batch: { type: 'boolean' }, explain: { type: 'boolean' } } as const;
  const parsed = parseCommandLine(io, args, options, USAGE);
  if (!parsed) return 2;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const registry = await loadRegistry();
  const explain = parsed.values.explain ?? false;
  if (parsed.values.batch) return evaluateBatch(registry, file, explain, io);

  let text: string;
  try {
    text = await readInput(io, file);
  } catch (e) {
    return printError(io, 'INVALID_INPUT', cannotRead(file, e));
  }
  const result = evaluateLine(registry, text, todayInChina(new Date()), explain);
  io.stdout.write(`${JSON.stringify(result)}\n`);
  return isDeterminationError(result) ? 2 : 0;
}

/** Why a file could not be read, in the contract's Chinese: the file's name quoted. */
function cannotRead(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? '文件不存在'
      : code === 'EACCES' || code === 'EPERM'
        ? '没有读取权限'
        : code === 'EISDIR'
          ? '这是一个目录，不是文件'
          : '读取时出错';
  return `无法读取文件 ${JSON.stringify(file)}：${why}`;
}

function evaluateLine(registry: PolicyRegistry, text: string, today: string, explain: boolean) {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return { error: { code: 'INVALID_INPUT', message: NOT_JSON } };
  }
  return determine(registry, input, { today, explain });
}

/**
 * One output line per non-empty input line, in order. Streams in both directions
 * (readline in, backpressure-aware writes out), so memory stays bounded whatever the
 * file's size.
 */
async function evaluateBatch(
  registry: PolicyRegistry,
  file: string,
  explain: boolean,
  io: CliIO,
): Promise<number> {
  let input: NodeJS.ReadableStream;
  let total = 0;
  if (file === '-') input = io.stdin;
  else {
    try {
      total = (await stat(file)).size;
    } catch (e) {
      return printError(io, 'INVALID_INPUT', cannotRead(file, e));
    }
    input = createReadStream(file);
  }

  const bar = io.stderr.isTTY
    ? new SingleBar({
        stream: io.stderr as NodeJS.WriteStream,
        format: total > 0 ? '认定 [{bar}] {percentage}% | {lines} 行' : '认定 {lines} 行',
        hideCursor: true,
      })
    : null;
  bar?.start(Math.max(total, 1), 0, { lines: 0 });

  let bytes = 0;
  let lines = 0;
  // The date is fixed once per run, so a batch that crosses midnight stays consistent.
  const today = todayInChina(new Date());
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    bytes += Buffer.byteLength(line) + 1;
    if (line.trim() === '') continue;
    lines++;
    const result = evaluateLine(registry, line, today, explain);
    if (!io.stdout.write(`${JSON.stringify(result)}\n`)) await once(io.stdout, 'drain');
    if (bar && lines % 1000 === 0) bar.update(Math.min(bytes, total || 1), { lines });
  }
  bar?.update(Math.max(total, 1), { lines });
  bar?.stop();
  return 0;
}
