// `rongcuo evaluate --batch FILE|-`: one output line per non-blank input line, in order.
//
// The input is cut into chunks of whole lines (evaluate-chunks.ts) and answered in this
// thread; with more than one job, worker threads (evaluate-pool.ts) take their share. Either
// way the answers are written in the order of the chunks, at most a few chunks are
// in flight, and writing waits for standard output to drain, so memory stays bounded
// whatever the file's size and however slowly the output is read.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { SingleBar } from 'cli-progress';
import { todayInChina } from '../domain/calendar-date.ts';
import type { PolicyRegistry } from '../domain/policy/policy-registry.ts';
import { printError, type CliIO } from './cli-io.ts';
import { lineChunks } from './evaluate-chunks.ts';
import { evaluateLines, type LinesResult } from './evaluate-lines.ts';
import { EvaluatePool } from './evaluate-pool.ts';

/**
 * Bytes per chunk (about 110 lines of a fully known case). Under 128 kB on purpose: V8
 * makes a string of 128 kB or more in its large-object space, with pages of its own, and
 * decoding the benchmark's 56 MB took 269 ms in chunks of 256 kB, 36 ms in 64 kB
 * (`bench/chunk-decode.ts`; BENCHMARKS, issue 13 batch). Passing a
 * chunk to a worker costs little beside answering it, and the few chunks in flight keep
 * the peak memory near a single thread's. RONGCUO_BATCH_CHUNK_BYTES overrides it (tuning,
 * and tests that need many chunks).
 */
const DEFAULT_CHUNK_BYTES = 64 * 1024;

/** Chunks in flight (sent, or answered and not yet written) per job. */
const IN_FLIGHT_PER_JOB = 4;

/**
 * Chunks a worker holds at most (one it answers, the rest waiting), so it never sits idle
 * while the main thread answers a chunk of its own or reads and writes.
 */
const QUEUED_PER_WORKER = 4;

/**
 * Below this many bytes (some 280,000 lines of fully known cases) a worker costs as much as
 * it saves: its start-up (tsx, the domain's modules, the policies compiled, the code warmed
 * up) is about a second of CPU on the 2-core benchmark machine. Measured there against
 * `--jobs 1`: level at 169 MB, 25 % less wall time at 564 MB, 6 % more at 56 MB.
 * RONGCUO_BATCH_WORKERS_FROM_BYTES overrides it (tests start workers on small files).
 */
const MIN_BYTES_FOR_WORKERS = 160 * 1024 * 1024;

export interface BatchOptions {
  /** A file's name, or `-` for standard input. */
  readonly file: string;
  readonly explain: boolean;
  /** Threads that answer lines; 1 answers them in this thread. */
  readonly jobs: number;
  /** Loads the policies (loaded after the workers are started, to overlap with them). */
  readonly loadRegistry: () => Promise<PolicyRegistry>;
}

/** Why a file could not be read, in the contract's Chinese: the file's name quoted. */
export function cannotRead(file: string, error: unknown): string {
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

function chunkBytes(): number {
  const value = Number(process.env.RONGCUO_BATCH_CHUNK_BYTES);
  return Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_CHUNK_BYTES;
}

function workersFromBytes(): number {
  const text = process.env.RONGCUO_BATCH_WORKERS_FROM_BYTES;
  const value = Number(text);
  return text && Number.isSafeInteger(value) && value >= 0 ? value : MIN_BYTES_FOR_WORKERS;
}

/** An error of the input stream itself (not of a line), told apart from a worker's failure. */
class InputError extends Error {
  constructor(readonly reason: unknown) {
    super('input stream failed');
  }
}

async function* guarded(input: AsyncIterable<Buffer | string>) {
  try {
    yield* input;
  } catch (e) {
    throw new InputError(e);
  }
}

export async function evaluateBatch(options: BatchOptions, io: CliIO): Promise<number> {
  const { file, explain, jobs } = options;
  const target = chunkBytes();
  let input: NodeJS.ReadableStream;
  let total = 0;
  if (file === '-') input = io.stdin;
  else {
    try {
      total = (await stat(file)).size;
    } catch (e) {
      return printError(io, 'INVALID_INPUT', cannotRead(file, e));
    }
    input = createReadStream(file, { highWaterMark: target });
  }

  // The date is fixed once per run, so a batch that crosses midnight stays consistent.
  const today = todayInChina(new Date());
  // This thread is one of the jobs: it answers a chunk whenever the workers have enough
  // to do, so N jobs start N - 1 workers (each costs a second or so of start-up). A small
  // file has too little to share out; standard input's length is not known.
  const parallel = jobs > 1 && (file === '-' || total > workersFromBytes());
  const pool = parallel ? new EvaluatePool(jobs - 1, { today, explain }) : null;
  try {
    const registry = await options.loadRegistry();
    const here = (bytes: Buffer) =>
      Promise.resolve(evaluateLines(registry, bytes.toString('utf8'), today, explain));
    let answer = here;
    if (pool) {
      pool.start([...registry.byId.values()].flat().map((p) => p.def));
      answer = (bytes) => pool.run(bytes, QUEUED_PER_WORKER) ?? here(bytes);
    }
    const chunks = lineChunks(guarded(input), target);
    await writeInOrder(chunks, answer, jobs * IN_FLIGHT_PER_JOB, io, total);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return printError(io, 'INVALID_INPUT', cannotRead(file, e.reason));
  } finally {
    await pool?.close();
  }
  return 0;
}

/**
 * Answers every chunk and writes the answers in the chunks' order. The reader stops while
 * `limit` chunks are in flight; the writer waits for standard output to drain. A read
 * error ends the input: what was read before it is still answered and written first.
 */
async function writeInOrder(
  chunks: AsyncIterable<Buffer>,
  answer: (bytes: Buffer) => Promise<LinesResult>,
  limit: number,
  io: CliIO,
  total: number,
): Promise<void> {
  const progress = startProgress(io, total);
  const queue: { bytes: number; result: Promise<LinesResult> }[] = [];
  let ended = false;
  // Who is waiting: the writer for a chunk, the reader for room in the queue.
  const wake: { writer?: () => void; reader?: () => void } = {};

  const writer = (async () => {
    for (;;) {
      while (queue.length === 0) {
        if (ended) {
          progress?.finish();
          return;
        }
        await new Promise<void>((resolve) => (wake.writer = resolve));
      }
      const head = queue[0]!;
      const { out, lines } = await head.result;
      queue.shift();
      wake.reader?.();
      if (out !== '' && !io.stdout.write(out)) await once(io.stdout, 'drain');
      progress?.advance(head.bytes, lines);
    }
    // Finished or failed, the bar is stopped: a failure must not leave the cursor hidden.
  })().finally(() => progress?.stop());
  // Awaited below; meanwhile a failure must not count as unhandled.
  writer.catch(() => {});

  let readError: unknown = null;
  try {
    for await (const chunk of chunks) {
      while (queue.length >= limit) {
        // The writer only settles early by failing, and then this fails with it.
        await Promise.race([new Promise<void>((resolve) => (wake.reader = resolve)), writer]);
      }
      const result = answer(chunk);
      // Awaited in turn by the writer; this only keeps a failure from counting as unhandled
      // while earlier chunks are still being written.
      result.catch(() => {});
      queue.push({ bytes: chunk.length, result });
      wake.writer?.();
    }
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    readError = e;
  } finally {
    ended = true;
    wake.writer?.();
  }
  await writer;
  if (readError) throw readError;
}

/** The progress bar, on standard error when it is a terminal; null otherwise. */
function startProgress(io: CliIO, total: number) {
  if (!io.stderr.isTTY) return null;
  const bar = new SingleBar({
    stream: io.stderr as NodeJS.WriteStream,
    format: total > 0 ? '认定 [{bar}] {percentage}% | {lines} 行' : '认定 {lines} 行',
    hideCursor: true,
  });
  bar.start(Math.max(total, 1), 0, { lines: 0 });
  let bytes = 0;
  let lines = 0;
  return {
    advance(chunkBytes: number, chunkLines: number) {
      bytes += chunkBytes;
      lines += chunkLines;
      bar.update(Math.min(bytes, total || 1), { lines });
    },
    finish() {
      bar.update(Math.max(total, 1), { lines });
    },
    stop() {
      bar.stop();
    },
  };
}
