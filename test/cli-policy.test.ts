// `rongcuo policy ...` through the real binary.
import { copyFile, mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/run-cli.ts';

describe('rongcuo policy', () => {
  it('lists both built-in policies', async () => {
    const run = await runCli(['policy', 'list', '--json']);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        id: 'xilingol-education-2024',
        version: 1,
        effectiveFrom: '2024-10-14',
        facts: 28,
      }),
      expect.objectContaining({
        id: 'xilingol-emergency-2024',
        version: 1,
        effectiveFrom: null,
        facts: 44,
      }),
    ]);
  });

  it('shows an article with its facts, 但书 and rule', async () => {
    const run = await runCli(['policy', 'show', 'xilingol-emergency-2024', '--article', '10']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('第十条【不予追究情形】容错纠错要坚持“三个区分开来”');
    expect(run.stdout).toContain('（十一）法律、法规、规章规定的其他不予追究行政执法责任的情形。');
    expect(run.stdout).toContain('⟶ 但书 a10.6.x：「行政执法人员故意隐瞒或者因重大过失遗漏证据」');
    expect(run.stdout).toContain('▶ 规则 no_liability（不予追究行政执法责任）');
    expect(run.stdout).not.toContain('第十一条');
    const missing = await runCli(['policy', 'show', 'xilingol-emergency-2024', '--article', '21']);
    expect(missing.code).toBe(2);
  });

  it('diffs the two regimes article by article and rule by rule', async () => {
    const run = await runCli([
      'policy',
      'diff',
      'xilingol-emergency-2024',
      'xilingol-education-2024',
      '--json',
    ]);
    const diff = JSON.parse(run.stdout) as {
      articles: { status: string; left?: { number: number }; right?: { number: number } }[];
      rules: { ground: string; status: string; renumbered: boolean }[];
    };
    const pairOf = (n: number) => diff.articles.find((a) => a.left?.number === n);
    expect(pairOf(10)).toMatchObject({ status: 'left_only' });
    expect(pairOf(11)?.right?.number).toBe(10);
    expect(pairOf(3)?.right?.number).toBe(2); // 适用范围: the two texts put it in different places
    expect(diff.rules).toEqual([
      {
        ground: 'not_tolerated',
        label: '不予容错',
        status: 'same',
        renumbered: true,
        left: expect.anything(),
        right: expect.anything(),
      },
      expect.objectContaining({ ground: 'due_diligence', status: 'same', renumbered: false }),
      expect.objectContaining({ ground: 'no_liability', status: 'left_only' }),
      expect.objectContaining({ ground: 'tolerated', status: 'same' }),
      expect.objectContaining({ ground: 'exemption', status: 'same', renumbered: true }),
      expect.objectContaining({ ground: 'mandatory_mitigation', status: 'same', renumbered: true }),
      expect.objectContaining({ ground: 'discretionary_mitigation', status: 'changed' }),
    ]);
    const text = await runCli([
      'policy',
      'diff',
      'xilingol-emergency-2024',
      'xilingol-education-2024',
    ]);
    expect(text.stdout).toContain('仅左侧有  第十条【不予追究情形】  ↔  —');
  });

  it('checks a policy file: OK for the built-ins, exit 1 naming the article for a broken one', async () => {
    const ok = await runCli(['policy', 'check', 'policies/xilingol-emergency-2024/v1.yaml']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK xilingol-emergency-2024 版本 1: 20 条, 44 项事实, 7 条认定规则/);
    const dir = join(await mkdtemp(join(tmpdir(), 'rongcuo-check-')), 'xilingol-emergency-2024');
    await mkdir(dir);
    const text = await readFile(join(ROOT, 'policies/xilingol-emergency-2024/v1.yaml'), 'utf8');
    await writeFile(
      join(dir, 'v1.yaml'),
      text.replace('quote: "并及时纠正改正"', 'quote: "并及时改正"'),
    );
    const bad = await runCli(['policy', 'check', join(dir, 'v1.yaml')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('第四条 paragraphs[0].facts[2].quote');
  });

  it('runs the golden cases of both policies, and fails on a wrong expectation', async () => {
    for (const id of ['xilingol-emergency-2024', 'xilingol-education-2024']) {
      const run = await runCli(['policy', 'test', `policies/${id}/cases.yaml`]);
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`${id}: \\d+ passed, 0 failed`));
    }
    const dir = await mkdtemp(join(tmpdir(), 'rongcuo-golden-'));
    await mkdir(join(dir, 'xilingol-education-2024'));
    await copyFile(
      join(ROOT, 'policies/xilingol-education-2024/v1.yaml'),
      join(dir, 'xilingol-education-2024/v1.yaml'),
    );
    await writeFile(
      join(dir, 'xilingol-education-2024/cases.yaml'),
      'policy: xilingol-education-2024\nasOf: "2025-06-30"\ncases:\n  - name: 故意写错的期望\n    facts: { a9.1: true }\n    expect: { outcome: tolerated }\n',
    );
    const failing = await runCli(['policy', 'test', join(dir, 'xilingol-education-2024/v1.yaml')]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('outcome: expected "tolerated", got "due_diligence"');
    expect(failing.stdout).toContain('0 passed, 1 failed');
  });

  it('prints usage and exits 2 for an unknown subcommand or policy', async () => {
    expect((await runCli(['policy', 'frobnicate'])).code).toBe(2);
    expect((await runCli(['policy', 'show', 'nope'])).code).toBe(2);
  });
});

describe('rongcuo', () => {
  it('prints help with no command, and exits 2 on an unknown one', async () => {
    const help = await runCli([]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('rongcuo evaluate FILE|-');
    expect((await runCli(['nope'])).code).toBe(2);
  });
});
