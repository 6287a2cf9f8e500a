// `rongcuo evaluate` through the real binary: the contract's examples, single and batch.
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { determine } from '../src/domain/determination/determine.ts';
import { loadRegistry } from '../src/policy-files/load-policies.ts';
import { runCli, type CliRun } from './support/run-cli.ts';

interface Example {
  input: unknown;
  expected: { error?: { code: string; message: string } } & Record<string, unknown>;
}

const examples: Example[] = (
  await readFile(join(import.meta.dirname, 'fixtures/spec-examples.jsonl'), 'utf8')
)
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Example);

/** An error matches when its code is the same and its message names the offending value. */
function expectMatches(actual: Record<string, unknown>, expected: Example['expected']) {
  if (expected.error) {
    const error = actual.error as { code: string; message: string };
    expect(error.code).toBe(expected.error.code);
    expect(error.message).toContain(expected.error.message);
  } else {
    expect(actual).toEqual(expected);
  }
}

const tmp = await mkdtemp(join(tmpdir(), 'rongcuo-cli-'));

describe('rongcuo evaluate --batch', () => {
  it('answers every example of the contract, in order, exit 0', async () => {
    const file = join(tmp, 'examples.jsonl');
    // A blank line and a malformed line among them: skipped, and INVALID_INPUT in its place.
    const lines = examples.map((e) => JSON.stringify(e.input));
    lines.splice(3, 0, '', '{not json');
    await writeFile(file, `${lines.join('\n')}\n`);
    const run = await runCli(['evaluate', '--batch', file]);
    expect(run.code).toBe(0);
    const out = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(examples.length + 1);
    expect(out[3]).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    out.splice(3, 1);
    out.forEach((o, i) => expectMatches(o, examples[i]!.expected));
  });

  it('reads standard input with -', async () => {
    const run = await runCli(
      ['evaluate', '--batch', '-'],
      examples.map((e) => JSON.stringify(e.input)).join('\n'),
    );
    expect(run.stdout.trim().split('\n')).toHaveLength(examples.length);
  });
});

describe('rongcuo evaluate FILE', () => {
  it('prints the output of one input and exits 0', async () => {
    const file = join(tmp, 'one.json');
    await writeFile(file, JSON.stringify(examples[0]!.input));
    const run = await runCli(['evaluate', file]);
    expect(run.code).toBe(0);
    expectMatches(JSON.parse(run.stdout) as Record<string, unknown>, examples[0]!.expected);
  });

  it('prints the error object and exits 2 on an error, from standard input', async () => {
    const errorExample = examples.find((e) => e.expected.error?.code === 'UNKNOWN_FACT')!;
    const run = await runCli(['evaluate', '-'], JSON.stringify(errorExample.input));
    expect(run.code).toBe(2);
    expectMatches(JSON.parse(run.stdout) as Record<string, unknown>, errorExample.expected);
    const bad = await runCli(['evaluate', '-'], '{"policy": ');
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
  });

  it('adds the explanation and the next question with --explain', async () => {
    const run = await runCli(
      ['evaluate', '--explain', '-'],
      JSON.stringify({
        policy: 'xilingol-education-2024',
        asOf: '2025-01-01',
        facts: { 'a12.c1': false },
      }),
    );
    const out = JSON.parse(run.stdout) as {
      status: string;
      explanation: { summary: string };
      nextQuestion: { fact: string };
      missing: string[];
    };
    expect(out.status).toBe('undetermined');
    expect(out.explanation.summary).toMatch(/^尚不能作出认定/);
    expect(out.missing).toContain(out.nextQuestion.fact);
  });
});

// ---------------------------------------------------------------------------------------
// Batches answered by worker threads: the same bytes out as the single-threaded reading of
// the same file, whatever the number of threads and however the file is cut into chunks.

/**
 * RONGCUO_BATCH_CHUNK_BYTES cuts a small file into many chunks, so many workers share it;
 * RONGCUO_BATCH_WORKERS_FROM_BYTES starts them on a file of any size.
 */
const withChunks = (bytes: number, extra: NodeJS.ProcessEnv = {}) => ({
  ...process.env,
  RONGCUO_BATCH_CHUNK_BYTES: String(bytes),
  RONGCUO_BATCH_WORKERS_FROM_BYTES: '0',
  ...extra,
});

const NOT_JSON = '输入无法解析：数据格式不正确';
const registry = await loadRegistry();

/**
 * What `evaluate --batch` printed before it had workers: node:readline over the file, one
 * answer per non-blank line. The test's own reading, independent of the chunking code.
 */
async function expectedOutput(file: string): Promise<string> {
  let out = '';
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    let input: unknown;
    try {
      input = JSON.parse(line);
    } catch {
      out += `${JSON.stringify({ error: { code: 'INVALID_INPUT', message: NOT_JSON } })}\n`;
      continue;
    }
    out += `${JSON.stringify(determine(registry, input, { today: '2025-06-30' }))}\n`;
  }
  return out;
}

/** Valid inputs of both policies (each with its date), errors, blank lines and odd bytes. */
async function mixedFile(): Promise<string> {
  const valid = examples.map((e) =>
    JSON.stringify({ asOf: '2025-06-30', ...(e.input as Record<string, unknown>) }),
  );
  const parts: (string | Buffer)[] = [`\ufeff${valid[0]}\n`];
  for (let i = 0; i < 120; i++) {
    const v = valid[i % valid.length]!;
    parts.push(
      `${v}\n`,
      `${v}\r\n`,
      `${valid[(i + 1) % valid.length]}\r${v}\n`,
      '\n',
      ' \t\u3000\r\n',
      '{not json\n',
      '{"policy":"xilingol-education-2024","asOf":"2025-06-30","facts":{"zz.1":true}}\n',
      '{"policy":"锡林郭勒盟","asOf":"2025-13-01"}\n',
      // Bytes that are not UTF-8, one sequence cut short just before the line's end.
      Buffer.from([...Buffer.from('{"policy":"a'), 0xff, 0xe4, 0xb8, ...Buffer.from('"}\n')]),
      Buffer.from([...Buffer.from('{"policy":"b"}'), 0xe4, 0xb8, 0x0a]),
    );
    if (i === 60) {
      // One line far longer than a chunk.
      parts.push(
        `${JSON.stringify({ policy: 'xilingol-emergency-2024', asOf: '2025-06-30', facts: { 'a9.1': 'x'.repeat(300_000) } })}\n`,
      );
    }
  }
  parts.push(valid[3]!); // the last line without a line break
  const file = join(tmp, 'mixed.jsonl');
  await writeFile(
    file,
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))),
  );
  return file;
}

/** One valid input per line, each with its own date, which its answer repeats. */
function datedLines(count: number): { lines: string[]; dates: string[] } {
  const dates = Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10),
  );
  const lines = dates.map((asOf, i) =>
    JSON.stringify({
      policy: i % 2 ? 'xilingol-education-2024' : 'xilingol-emergency-2024',
      asOf,
      facts: { 'a9.1': i % 3 === 0 },
    }),
  );
  return { lines, dates };
}

/** The lines written to a file of the test's directory, each ended by a line break; its path. */
async function linesFile(name: string, lines: readonly string[]): Promise<string> {
  const file = join(tmp, name);
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

/** `evaluate --batch --jobs N FILE`, the file cut into chunks of `chunkBytes`. */
function batchInChunks(file: string, jobs: number, chunkBytes: number): Promise<CliRun> {
  return runCli(
    ['evaluate', '--batch', '--jobs', String(jobs), file],
    undefined,
    withChunks(chunkBytes),
  );
}

// Each test starts the binary, and its workers, several times on a shared machine.
describe('rongcuo evaluate --batch with worker threads', { timeout: 90_000 }, () => {
  it('prints the same bytes for --jobs 1, 2 and 4, from a file or standard input', async () => {
    const file = await mixedFile();
    const expected = await expectedOutput(file);
    expect(expected.split('\n').length).toBeGreaterThan(1000);
    const runs = await Promise.all([
      runCli(['evaluate', '--batch', '--jobs', '1', file]),
      runCli(['evaluate', '--batch', '--jobs', '2', file]),
      runCli(['evaluate', '--batch', '--jobs', '4', file], undefined, withChunks(4096)),
      runCli(['evaluate', '--batch', '--jobs', '1', file], undefined, withChunks(4096)),
    ]);
    const stdin = await runCli(
      ['evaluate', '--batch', '--jobs', '2', '-'],
      await readFile(file),
      withChunks(8192),
    );
    for (const run of [...runs, stdin]) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout === expected).toBe(true);
    }
  });

  it('keeps the order of the lines across many chunks and workers', async () => {
    const { lines, dates } = datedLines(3000);
    const run = await batchInChunks(await linesFile('dated.jsonl', lines), 4, 2000);
    expect(run.code).toBe(0);
    const out = run.stdout.trimEnd().split('\n');
    expect(out.map((l) => (JSON.parse(l) as { asOf: string }).asOf)).toEqual(dates);
  });

  it('answers errors in their places when they fall in different chunks', async () => {
    const { lines, dates } = datedLines(2000);
    lines[7] = '{"policy": ';
    lines[1000] = JSON.stringify({ policy: 'xilingol-emergency-2024', facts: { 'a0.1': true } });
    lines[1999] = JSON.stringify({
      policy: 'xilingol-emergency-2024',
      asOf: '2025-02-30',
      facts: {},
    });
    const run = await batchInChunks(await linesFile('errors.jsonl', lines), 3, 1500);
    expect(run.code).toBe(0);
    const out = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { asOf?: string; error?: { code: string } });
    expect(out).toHaveLength(2000);
    expect(out[7]!.error!.code).toBe('INVALID_INPUT');
    expect(out[1000]!.error!.code).toBe('UNKNOWN_FACT');
    expect(out[1999]!.error!.code).toBe('INVALID_DATE');
    out.forEach((o, i) => {
      if (![7, 1000, 1999].includes(i)) expect(o.asOf).toBe(dates[i]);
    });
  });

  it('starts its workers when run from another directory', async () => {
    const file = await linesFile('elsewhere.jsonl', datedLines(500).lines);
    const run = await runCli(
      ['evaluate', '--batch', '--jobs', '2', 'elsewhere.jsonl'],
      undefined,
      withChunks(500),
      tmp,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(await expectedOutput(file));
  });

  it('refuses a thread count that is not a whole number from 1 to 256, exit 2', async () => {
    const file = join(tmp, 'examples.jsonl');
    const bad = ['0', 'abc', '1.5', '-2', '257'];
    const runs = await Promise.all(
      bad.map((jobs) => runCli(['evaluate', '--batch', `--jobs=${jobs}`, file])),
    );
    runs.forEach((run, i) => {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`--jobs 须为 1 至 256 之间的整数（线程数），收到 "${bad[i]}"`);
    });
    const env = await runCli(['evaluate', '--batch', file], undefined, {
      ...process.env,
      RONGCUO_JOBS: 'many',
    });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('环境变量 RONGCUO_JOBS 须为 1 至 256 之间的整数');
    const single = await runCli(['evaluate', '--jobs', '2', file]);
    expect(single.code).toBe(2);
    expect(single.stderr).toContain('--jobs 仅用于逐行认定 --batch');
  });

  it('answers a file it cannot read with the contract error, exit 2', async () => {
    const run = await runCli(['evaluate', '--batch', tmp]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: `无法读取文件 ${JSON.stringify(tmp)}：这是一个目录，不是文件`,
      },
    });
  });
});
