// `rongcuo evaluate FILE|-` and `rongcuo evaluate --batch FILE|-` (determination contract).

import { availableParallelism } from 'node:os';
import { todayInChina } from '../domain/calendar-date.ts';
import { isDeterminationError } from '../domain/determination/determine.ts';
import { parseCommandLine, printError, readInput, type CliIO } from './cli-io.ts';
import { cannotRead, evaluateBatch } from './evaluate-batch.ts';
import { evaluateLine } from './evaluate-lines.ts';

const USAGE =
  '用法：rongcuo evaluate [--batch [--jobs N]] [--explain] 文件|-（- 为标准输入）\n' +
  '  --jobs N  逐行认定所用的线程数（默认为 CPU 数，也可由环境变量 RONGCUO_JOBS 指定；1 为单线程；\n' +
  '            不足 160 MB 的文件单线程更快，按单线程处理）';

/** More threads than this is a typing mistake, not a machine. */
const MAX_JOBS = 256;

/**
 * The policies, loaded only when needed: their schema library is most of this command's
 * start-up, and a batch starts its worker threads first.
 */
async function loadRegistry() {
  const { loadRegistry: load } = await import('../policy-files/load-policies.ts');
  return load();
}

/** The thread count as given (option, else environment, else the CPUs); null if it is not one. */
function jobsOf(option: string | undefined, io: CliIO): number | null {
  const env = process.env.RONGCUO_JOBS;
  const [value, source] =
    option !== undefined
      ? [option, '--jobs']
      : env !== undefined && env !== ''
        ? [env, '环境变量 RONGCUO_JOBS']
        : [null, ''];
  if (value === null) return availableParallelism();
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (Number.isSafeInteger(n) && n >= 1 && n <= MAX_JOBS) return n;
  io.stderr.write(
    `${source} 须为 1 至 ${MAX_JOBS} 之间的整数（线程数），收到 ${JSON.stringify(value)}\n${USAGE}\n`,
  );
  return null;
}

export async function runEvaluate(args: string[], io: CliIO): Promise<number> {
  const options = {
    batch: { type: 'boolean' },
    explain: { type: 'boolean' },
    jobs: { type: 'string' },
  } as const;
  const parsed = parseCommandLine(io, args, options, USAGE);
  if (!parsed) return 2;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const explain = parsed.values.explain ?? false;
  if (parsed.values.batch) {
    const jobs = jobsOf(parsed.values.jobs, io);
    if (jobs === null) return 2;
    return evaluateBatch({ file, explain, jobs, loadRegistry }, io);
  }
  if (parsed.values.jobs !== undefined) {
    io.stderr.write(`--jobs 仅用于逐行认定 --batch\n${USAGE}\n`);
    return 2;
  }

  const registry = await loadRegistry();
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
