// The literate policy files: faithful to the source texts, and checked at load with
// errors that name the file, the article and the field.
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_POLICY_DIR,
  loadPolicyFile,
  loadRegistry,
  PolicyFileError,
} from '../src/policy-files/load-policies.ts';

const SEEDS: Record<string, { file: string; articles: number }> = {
  'xilingol-emergency-2024': { file: '000_fb9340d196531141.txt', articles: 20 },
  'xilingol-education-2024': { file: '001_0c5020f43cfd973a.txt', articles: 19 },
};

describe('built-in policy files', () => {
  it.each(Object.entries(SEEDS))(
    '%s carries every article of its source text verbatim',
    async (id, seed) => {
      const source = await readFile(join(import.meta.dirname, 'fixtures/seeds', seed.file), 'utf8');
      const policy = (await loadRegistry()).byId.get(id)![0]!;
      const articles = policy.def.chapters.flatMap((c) => c.articles);
      expect(articles.map((a) => a.number)).toEqual(
        Array.from({ length: seed.articles }, (_, i) => i + 1),
      );
      for (const a of articles) {
        for (const p of a.paragraphs) {
          expect(source, `第${a.number}条`).toContain(p.text);
          for (const item of p.items ?? [])
            expect(source, `第${a.number}条 item ${item.n}`).toContain(item.text);
        }
      }
      // Nothing of the source is left out: its text, less the numbering, is covered by the file's.
      const covered = articles.flatMap((a) =>
        a.paragraphs.flatMap((p) => [p.text, ...(p.items ?? []).map((i) => i.text)]),
      );
      const body = source.slice(source.indexOf('第一章'));
      let rest = body;
      for (const piece of covered) rest = rest.replace(piece, '');
      expect(
        rest.replace(/第[一二三四五六七八九十]+[章条]|[（(][一二三四五六七八九十]+[）)]|\s/g, ''),
      ).toMatch(/^(总则|履职尽责|容错纠错)*$/);
    },
  );

  it('records the education notice metadata and its effective date', async () => {
    const policy = (await loadRegistry()).byId.get('xilingol-education-2024')![0]!;
    expect(policy.def.source).toMatchObject({
      issuer: '锡林郭勒盟教育局',
      indexNumber: '01165959-9/2024-00010',
      writtenOn: '2024-09-14',
      validity: '有效',
    });
    expect(policy.effectiveFrom).toBe('2024-10-14');
    expect(policy.def.procedure.decidingBody).toEqual({
      name: '锡林郭勒盟教育局党组',
      article: 13,
    });
  });

  it('states each procedural parameter of 第十四至十九条 against an article that exists', async () => {
    const policy = (await loadRegistry()).byId.get('xilingol-emergency-2024')![0]!;
    const p = policy.def.procedure;
    expect(p.decidingBody.name).toBe('本级应急管理部门党委');
    expect(p.notification).toMatchObject({ days: 7, counting: 'calendar', article: 14 });
    expect([
      p.notEnforcementError.article,
      p.correction.article,
      p.correction.detailsArticle,
      p.followUp.article,
      p.reports.article,
    ]).toEqual([15, 16, 17, 18, 19]);
    expect(p.correction.extensionAllowed).toBe(true);
  });
});

async function writePolicy(mutate: (text: string) => string): Promise<string> {
  const original = await readFile(
    join(BUILTIN_POLICY_DIR, 'xilingol-emergency-2024/v1.yaml'),
    'utf8',
  );
  const dir = join(await mkdtemp(join(tmpdir(), 'rongcuo-policy-')), 'xilingol-emergency-2024');
  await mkdir(dir);
  const file = join(dir, 'v1.yaml');
  await writeFile(file, mutate(original));
  return file;
}

async function problemsOf(file: string) {
  try {
    await loadPolicyFile(file);
  } catch (e) {
    if (e instanceof PolicyFileError) return e;
    throw e;
  }
  throw new Error('expected the file to be rejected');
}

describe('policy file errors', () => {
  it('names the file, the article and the field of a shape error', async () => {
    const file = await writePolicy((t) => t.replace('fact: a10.3\n', 'fact: a10.three\n'));
    const e = await problemsOf(file);
    expect(e.problems).toContainEqual(
      expect.objectContaining({ file, article: 10, field: 'paragraphs[0].items[2].fact' }),
    );
    expect(e.message).toContain(`${file}: 第十条 paragraphs[0].items[2].fact`);
  });

  it('names the article of a quote or 但书 that is not in the text', async () => {
    const file = await writePolicy((t) => t.replace('quote: "故意违法"', 'quote: "重大过失"'));
    const e = await problemsOf(file);
    expect(e.problems).toContainEqual(
      expect.objectContaining({ article: 10, field: 'paragraphs[0].items[0].exception.quote' }),
    );
  });

  it('names a rule that reads a fact the policy does not define', async () => {
    const file = await writePolicy((t) => t.replace('any: [a12.1, a12.2', 'any: [a12.9, a12.2'));
    const e = await problemsOf(file);
    expect(e.problems).toContainEqual(
      expect.objectContaining({ article: 12, field: 'grounds[0].rule.any[0]' }),
    );
  });

  it('reports YAML syntax errors and unknown keys', async () => {
    expect(
      (await problemsOf(await writePolicy((t) => t.replace('version: 1', 'version: [1'))))
        .problems[0]?.field,
    ).toBe('(yaml)');
    const e = await problemsOf(
      await writePolicy((t) => t.replace('version: 1', 'version: 1\nauthor: me')),
    );
    expect(e.problems[0]?.message).toMatch(/author/);
  });

  it('checks the interview’s chances: a default between 0 and 1, a whole minimum of cases', async () => {
    const probability = await problemsOf(
      await writePolicy((t) =>
        t.replace('defaultFactProbability: 0.2', 'defaultFactProbability: 1'),
      ),
    );
    expect(probability.problems[0]).toMatchObject({ field: 'interview.defaultFactProbability' });
    expect(probability.message).toContain('事实成立的默认概率应大于 0 且小于 1');
    const minimum = await problemsOf(
      await writePolicy((t) => t.replace('minimumDecidedCases: 20', 'minimumDecidedCases: 2.5')),
    );
    expect(minimum.problems[0]).toMatchObject({ field: 'interview.minimumDecidedCases' });
    expect(minimum.message).toContain('按本单位已决定案件估计概率所需的最少案件数应为正整数');
  });

  it('requires the file to live at policies/<id>/v<version>.yaml', async () => {
    const file = await writePolicy((t) => t.replace('version: 1', 'version: 2'));
    expect((await problemsOf(file)).message).toMatch(/v2\.yaml/);
  });
});
