// `rongcuo evaluate` through the real binary: the contract's examples, single and batch.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';

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
