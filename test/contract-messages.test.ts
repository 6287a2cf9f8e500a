// Every error of the determination contract (docs/spec/determination.md), through the CLI
// and through the HTTP API, says what is wrong in Chinese alone (issue 9): the only Latin
// letters a message may hold are a quoted value of the input and a policy's id.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemble, type Application } from '../src/main.ts';
import type { DeterminationErrorCode } from '../src/domain/determination/determine.ts';
import type { Store } from '../src/store/database.ts';
import { HttpClient } from './support/http-client.ts';
import { runCli } from './support/run-cli.ts';
import { storeTargets } from './support/test-databases.ts';

const deep = (n: number): string => '['.repeat(n) + ']'.repeat(n);

/** An input that draws each error, as the text sent; at least one per code of the contract. */
const FAULTS: readonly (readonly [DeterminationErrorCode, string, string])[] = [
  ['INVALID_INPUT', 'not JSON', '{"policy": '],
  ['INVALID_INPUT', 'not an object', '["xilingol-emergency-2024"]'],
  ['INVALID_INPUT', 'no policy', '{"facts": {}}'],
  ['INVALID_INPUT', 'facts not an object', '{"policy": "xilingol-emergency-2024", "facts": true}'],
  ['UNKNOWN_POLICY', 'unknown policy', '{"policy": "no-such-policy", "facts": {}}'],
  [
    'INVALID_DATE',
    'no such day',
    '{"policy": "xilingol-emergency-2024", "asOf": "2025-02-30", "facts": {}}',
  ],
  [
    'POLICY_NOT_IN_FORCE',
    'before the regime',
    '{"policy": "xilingol-education-2024", "asOf": "2024-10-01", "facts": {}}',
  ],
  [
    'UNKNOWN_FACT',
    'unknown fact',
    '{"policy": "xilingol-education-2024", "facts": {"a10.9.x": true}}',
  ],
  [
    'INVALID_FACT_VALUE',
    'not a truth value',
    '{"policy": "xilingol-emergency-2024", "facts": {"a9.1": "yes"}}',
  ],
];

const POLICY_IDS = ['xilingol-emergency-2024', 'xilingol-education-2024'];

/**
 * The Latin words of a message once the input's quoted values ("…", as JSON quotes them)
 * and the policies' ids are taken out: none, for a message in Chinese alone.
 */
function latinWords(message: string): string[] {
  let rest = message.replace(/"(?:[^"\\]|\\.)*"?/g, ' ');
  for (const id of POLICY_IDS) rest = rest.replaceAll(id, ' ');
  return rest.match(/[A-Za-z]+/g) ?? [];
}

function expectChinese(error: { code: string; message: string }, code: string, what: string) {
  expect(error.code, what).toBe(code);
  expect(latinWords(error.message), `${what}: ${error.message}`).toEqual([]);
  expect(error.message, what).toMatch(/\p{Script=Han}/u);
}

describe('the contract’s messages are Chinese', () => {
  it('the helper finds English, and passes quoted values and policy ids', () => {
    expect(latinWords('输入不是有效的 JSON / input is not valid JSON')).toEqual([
      'JSON',
      'input',
      'is',
      'not',
      'valid',
      'JSON',
    ]);
    expect(latinWords('没有这个制度："no-such"（xilingol-emergency-2024）')).toEqual([]);
  });

  // Each run of the binary starts Node and loads the policies: seconds on a loaded machine.
  describe('through the CLI', { timeout: 180_000 }, () => {
    // One run answers every fault (a run costs seconds): the batch and the single input
    // go through the same evaluateLine.
    it('every fault, as a batch and as one input', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'rongcuo-messages-'));
      const file = join(dir, 'inputs.jsonl');
      // A value nested too deep to quote is named in words (the HTTP body parser refuses it first).
      const tooDeep = `{"policy": "xilingol-emergency-2024", "asOf": ${deep(5000)}, "facts": {}}`;
      const faults = [...FAULTS, ['INVALID_DATE', 'nested too deep to quote', tooDeep] as const];
      await writeFile(file, `${faults.map(([, , text]) => text).join('\n')}\n`);
      const batch = await runCli(['evaluate', '--batch', file]);
      expect(batch.code).toBe(0);
      const lines = batch.stdout.trim().split('\n');
      expect(lines).toHaveLength(faults.length);
      lines.forEach((line, i) =>
        expectChinese((JSON.parse(line) as { error: never }).error, faults[i]![0], faults[i]![1]),
      );
      const one = await runCli(['evaluate', '-'], FAULTS[0]![2]);
      expect(one.code).toBe(2);
      expectChinese((JSON.parse(one.stdout) as { error: never }).error, 'INVALID_INPUT', 'one');
    });

    it('a file that cannot be read', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'rongcuo-messages-'));
      for (const args of [
        ['evaluate', join(dir, 'missing.json')],
        ['evaluate', '--batch', join(dir, 'missing.jsonl')],
        ['evaluate', dir],
      ]) {
        const run = await runCli(args);
        expect(run.code).toBe(2);
        const { error } = JSON.parse(run.stdout) as { error: { code: string; message: string } };
        expectChinese(error, 'INVALID_INPUT', args.join(' '));
        expect(error.message).toMatch(/^无法读取文件 ".*"：(文件不存在|这是一个目录，不是文件)$/);
      }
    });
  });

  describe('through the HTTP API', () => {
    let store: Store;
    let app: Application;
    let client: HttpClient;

    beforeAll(async () => {
      store = await storeTargets()[0]!.open();
      app = await assemble({ store });
      client = new HttpClient(await app.server.listen({ port: 0, host: '127.0.0.1' }));
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await store?.close();
    });

    it.each(FAULTS)('%s: %s', async (code, what, text) => {
      const res = await client.request('POST', '/api/v1/evaluate', text, {
        'content-type': 'application/json',
      });
      expect(res.status, what).toBe(400);
      expectChinese(res.body.error, code, what);
    });
  });

  it('dates are written as people write them', { timeout: 120_000 }, async () => {
    const run = await runCli(
      ['evaluate', '-'],
      FAULTS.find(([c]) => c === 'POLICY_NOT_IN_FORCE')![2],
    );
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        code: 'POLICY_NOT_IN_FORCE',
        message:
          '锡林郭勒盟教育局行政执法尽职免责和容错纠错制度（xilingol-education-2024）自2024年10月14日起施行，适用日期 "2024-10-01"（2024年10月1日）时尚未施行',
      },
    });
  });
});
