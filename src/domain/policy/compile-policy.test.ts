import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compile-policy.ts';
import { Tri } from './decision-diagram.ts';
import { evaluate } from './evaluate.ts';
import type { ArticleDef, PolicyDef } from './policy-model.ts';
import { testProcedure, testTaxonomy } from './test-policy.ts';

/** A three-article policy: 第一条 an implied-condition ground, 第二条 items with a 但书, 第三条 the exclusion. */
function tinyPolicy(change: (articles: ArticleDef[]) => ArticleDef[] = (a) => a): PolicyDef {
  const articles: ArticleDef[] = [
    {
      number: 1,
      topic: '容错',
      paragraphs: [
        {
          text: '依法履职，及时纠正的，予以容错。',
          facts: [
            { fact: 'a1.c1', quote: '依法履职' },
            { fact: 'a1.c2', quote: '及时纠正' },
          ],
        },
      ],
      grounds: [
        {
          ground: 'tolerated',
          summary: '两项均具备',
          rule: {
            kind: 'all',
            of: [
              { kind: 'fact', fact: 'a1.c1' },
              { kind: 'fact', fact: 'a1.c2' },
            ],
          },
        },
      ],
    },
    {
      number: 2,
      topic: '不予追究',
      paragraphs: [
        {
          text: '符合下列情形之一的，不予追究：',
          items: [
            {
              n: 1,
              fact: 'a2.1',
              text: '依据不明确的，但故意违法的除外；',
              exception: { fact: 'a2.1.x', quote: '故意违法' },
            },
            { n: 2, fact: 'a2.2', text: '不可抗力的。' },
          ],
        },
      ],
      grounds: [
        {
          ground: 'no_liability',
          summary: '符合之一',
          rule: {
            kind: 'any',
            of: [
              { kind: 'exception', fact: 'a2.1', unless: 'a2.1.x' },
              { kind: 'fact', fact: 'a2.2' },
            ],
          },
        },
      ],
    },
    {
      number: 3,
      topic: '不予容错',
      paragraphs: [
        { text: '滥用职权的，不予容错。', facts: [{ fact: 'a3.c1', quote: '滥用职权' }] },
      ],
      grounds: [
        { ground: 'not_tolerated', summary: '滥用职权', rule: { kind: 'fact', fact: 'a3.c1' } },
      ],
    },
  ];
  return {
    id: 'tiny',
    version: 1,
    title: '测试制度',
    source: { issuer: '测试' },
    effectiveFrom: '2025-01-01',
    effectiveNote: '测试',
    procedure: testProcedure(3),
    taxonomy: testTaxonomy(3),
    exclusion: { ground: 'not_tolerated', survives: [] },
    chapters: [{ title: '第一章', articles: change(articles) }],
  };
}

/** The tiny policy with article `n` changed. */
function withArticle(n: number, change: (article: ArticleDef) => ArticleDef): PolicyDef {
  return tinyPolicy((a) => a.map((x) => (x.number === n ? change(x) : x)));
}

function issuesOf(def: PolicyDef) {
  const r = compilePolicy(def);
  if (r.ok) throw new Error('expected the policy to be rejected');
  return r.issues;
}

describe('compilePolicy', () => {
  it('orders facts per article: items, then 但书, then conditions', () => {
    const r = compilePolicy(tinyPolicy());
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.policy.facts.map((f) => f.id)).toEqual([
      'a1.c1',
      'a1.c2',
      'a2.1',
      'a2.2',
      'a2.1.x',
      'a3.c1',
    ]);
    expect(r.policy.facts.map((f) => f.citation)).toEqual([
      '第一条',
      '第一条',
      '第二条第（一）项',
      '第二条第（二）项',
      '第二条第（一）项',
      '第三条',
    ]);
    expect(r.policy.grounds.map((g) => g.code)).toEqual([
      'not_tolerated',
      'no_liability',
      'tolerated',
    ]);
    expect(Object.isFrozen(r.policy)).toBe(true);
  });

  it('evaluates the exclusion first and blocks what it defeats', () => {
    const r = compilePolicy(tinyPolicy());
    if (!r.ok) throw new Error('rejected');
    const values = Uint8Array.from([Tri.True, Tri.True, Tri.False, Tri.True, Tri.False, Tri.True]);
    const e = evaluate(r.policy, values);
    expect(e.outcome).toBe('not_tolerated');
    expect(e.grounds).toEqual([
      { code: 'not_tolerated', basis: ['a3.c1'], blocked: false },
      { code: 'no_liability', basis: ['a2.2'], blocked: true },
      { code: 'tolerated', basis: ['a1.c1', 'a1.c2'], blocked: true },
    ]);
  });

  it('names the article and field of a quote that is not in the text', () => {
    const issues = issuesOf(
      withArticle(1, (x) => ({
        ...x,
        paragraphs: [{ ...x.paragraphs[0]!, facts: [{ fact: 'a1.c1', quote: '不在原文' }] }],
      })),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ article: 1, field: 'paragraphs[0].facts[0].quote' }),
    );
  });

  it('rejects a fact numbered for another article or item', () => {
    const issues = issuesOf(
      withArticle(2, (x) => ({
        ...x,
        paragraphs: [
          {
            ...x.paragraphs[0]!,
            items: [
              { n: 1, fact: 'a2.5', text: '不可抗力的。' },
              { n: 2, fact: 'a9.2', text: '其他。' },
            ],
          },
        ],
      })),
    );
    expect(issues.map((i) => i.field)).toEqual(
      expect.arrayContaining(['paragraphs[0].items[0].fact', 'paragraphs[0].items[1].fact']),
    );
    expect(issues.every((i) => i.article === 2 || i.field.startsWith('grounds'))).toBe(true);
  });

  it('rejects rules that read undefined facts, read a fact twice, or cite the wrong 但书', () => {
    const withRule = (rule: NonNullable<ArticleDef['grounds']>[number]['rule']) =>
      withArticle(2, (x) => ({ ...x, grounds: [{ ground: 'no_liability', summary: 's', rule }] }));
    expect(issuesOf(withRule({ kind: 'fact', fact: 'a2.9' }))[0]).toMatchObject({
      article: 2,
      field: 'grounds[0].rule',
    });
    expect(
      issuesOf(
        withRule({
          kind: 'any',
          of: [
            { kind: 'fact', fact: 'a2.2' },
            { kind: 'not', of: { kind: 'fact', fact: 'a2.2' } },
          ],
        }),
      )[0]?.message,
    ).toMatch(/出现多次/);
    expect(
      issuesOf(withRule({ kind: 'exception', fact: 'a2.2', unless: 'a2.1.x' }))[0]?.message,
    ).toMatch(/不是 "a2.2" 的但书/);
  });

  it('rejects ground references that loop, and unknown procedure articles', () => {
    const looping = withArticle(1, (x) => ({
      ...x,
      grounds: [
        { ground: 'tolerated', summary: 's', rule: { kind: 'ground', ground: 'exemption' } },
        { ground: 'exemption', summary: 's', rule: { kind: 'ground', ground: 'tolerated' } },
      ],
    }));
    expect(issuesOf(looping).some((i) => /循环引用/.test(i.message))).toBe(true);
    const def = tinyPolicy();
    const badProcedure = { ...def, procedure: { ...def.procedure, followUp: { article: 42 } } };
    expect(issuesOf(badProcedure)).toContainEqual(
      expect.objectContaining({ field: 'procedure.followUp.article' }),
    );
  });
});
