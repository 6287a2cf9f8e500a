// The progress bar of `evaluate --batch`: on stderr when it is a terminal, never on stdout.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';

function capture(isTTY: boolean) {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number };
  stream.isTTY = isTTY;
  stream.columns = 80;
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
}

async function batchFile(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'rongcuo-progress-')), 'in.jsonl');
  const line = JSON.stringify({
    policy: 'xilingol-education-2024',
    asOf: '2025-01-01',
    facts: { 'a9.1': true, 'a12.c1': false },
  });
  await writeFile(file, `${Array.from({ length: 2500 }, () => line).join('\n')}\n`);
  return file;
}

async function runBatch(isTTY: boolean) {
  const file = await batchFile();
  const stdout = capture(false);
  const stderr = capture(isTTY);
  const code = await main(['evaluate', '--batch', file], {
    stdin: Readable.from([]),
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('evaluate --batch progress', () => {
  it('shows progress on a terminal and keeps stdout to one JSON object per line', async () => {
    const run = await runBatch(true);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('认定');
    expect(run.stderr).toContain('2500 行');
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2500);
    expect(JSON.parse(lines[2499]!)).toMatchObject({ outcome: 'due_diligence' });
  });

  it('stays silent on stderr when it is not a terminal', async () => {
    expect((await runBatch(false)).stderr).toBe('');
  });

  it('gives the terminal its cursor back when writing the answers fails', async () => {
    const file = await batchFile();
    // Full at once, then failing: the batch waits for 'drain' and gets the error instead.
    const stdout = new Writable({
      highWaterMark: 1,
      write: (_chunk, _encoding, done) => done(new Error('stdout closed')),
    });
    const stderr = capture(true);
    const run = main(['evaluate', '--batch', file], {
      stdin: Readable.from([]),
      stdout,
      stderr: stderr.stream,
    });
    await expect(run).rejects.toThrow('stdout closed');
    expect(stderr.text()).toContain('\x1b[?25l');
    expect(stderr.text()).toContain('\x1b[?25h');
  });
});
