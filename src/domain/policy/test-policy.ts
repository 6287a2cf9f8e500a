// The policy the question tests compile: four articles in the shapes of the built-in
// regimes. 第一条 three implied conditions (as 第四条), 第二条 items with a 但书 (as 第十条),
// 第三条 items and, in a second paragraph, numbered conditions (as 第十一条), 第四条 the
// exclusion, on two conditions.

import type { ArticleDef, PolicyDef, ProcedureParams, Taxonomy } from './policy-model.ts';

/** The test policy. */
export function testPolicy(): PolicyDef {
  const articles: ArticleDef[] = [
    {
      number: 1,
      topic: '容错的一般条件',
      paragraphs: [
        {
          text: '依法履职过程中，因客观因素造成损失，并及时纠正的，予以容错。',
          facts: [
            { fact: 'a1.c1', quote: '依法履职过程中' },
            { fact: 'a1.c2', quote: '因客观因素造成损失' },
            { fact: 'a1.c3', quote: '并及时纠正' },
          ],
        },
      ],
      grounds: [
        {
          ground: 'tolerated',
          summary: '三项条件同时具备',
          rule: {
            kind: 'all',
            of: [
              { kind: 'fact', fact: 'a1.c1' },
              { kind: 'fact', fact: 'a1.c2' },
              { kind: 'fact', fact: 'a1.c3' },
            ],
          },
        },
      ],
    },
    {
      number: 2,
      topic: '不予追究情形',
      paragraphs: [
        {
          text: '符合下列情形之一的，不予追究：',
          items: [
            {
              n: 1,
              fact: 'a2.1',
              text: '因依据不明确致使执法出现偏差的，但故意违法的除外；',
              exception: { fact: 'a2.1.x', quote: '故意违法' },
            },
            { n: 2, fact: 'a2.2', text: '因不可抗力未能履职的。' },
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
      topic: '免责情形',
      paragraphs: [
        {
          text: '符合下列情形之一的，应当从轻处理：',
          items: [{ n: 1, fact: 'a3.1', text: '先行先试出现失误的。' }],
        },
        {
          text: '具有上述情形同时符合下列条件的，可以免责：',
          items: [
            { n: 1, fact: 'a3.c1', text: '法律没有明令禁止的；' },
            { n: 2, fact: 'a3.c2', text: '没有造成重大损失的。' },
          ],
        },
      ],
      grounds: [
        {
          ground: 'exemption',
          summary: '情形与条件同时具备',
          rule: {
            kind: 'all',
            of: [
              { kind: 'fact', fact: 'a3.1' },
              { kind: 'fact', fact: 'a3.c1' },
              { kind: 'fact', fact: 'a3.c2' },
            ],
          },
        },
      ],
    },
    {
      number: 4,
      topic: '不予容错',
      paragraphs: [
        {
          text: '滥用职权，造成不良后果的，不予容错。',
          facts: [
            { fact: 'a4.c1', quote: '滥用职权' },
            { fact: 'a4.c2', quote: '造成不良后果' },
          ],
        },
      ],
      grounds: [
        {
          ground: 'not_tolerated',
          summary: '两项同时具备',
          rule: {
            kind: 'all',
            of: [
              { kind: 'fact', fact: 'a4.c1' },
              { kind: 'fact', fact: 'a4.c2' },
            ],
          },
        },
      ],
    },
  ];
  return {
    id: 'test',
    version: 1,
    title: '测试制度',
    source: { issuer: '测试' },
    effectiveFrom: '2025-01-01',
    effectiveNote: '测试',
    procedure: testProcedure(4),
    taxonomy: testTaxonomy(4),
    exclusion: { ground: 'not_tolerated', survives: [] },
    chapters: [{ title: '第一章', articles }],
  };
}

/**
 * The procedure of a test policy, every parameter citing one article (the policy's
 * smallest): what the tests of the engine and the policy's readers need, and no more.
 */
export function testProcedure(article: number): ProcedureParams {
  const limit = (days: number, counting: 'calendar' | 'working') => ({ days, counting, article });
  return {
    decidingBody: { name: '党组', article },
    notification: { ...limit(7, 'calendar'), recipients: ['当事人'] },
    publication: {
      article,
      scopes: ['本单位'],
      defaultScope: '本单位',
      period: limit(5, 'working'),
    },
    review: { legal: { required: true }, discipline: { required: false } },
    notEnforcementError: { article, grounds: ['tolerated'] },
    correction: {
      article,
      detailsArticle: article,
      opensOn: ['tolerated'],
      extensionAllowed: true,
      deadline: limit(30, 'working'),
      reminder: limit(5, 'working'),
    },
    followUp: { article },
    objection: limit(15, 'calendar'),
    reports: { article, feedback: limit(60, 'calendar') },
  };
}

/** A taxonomy of one field and one error type, citing `article`. */
export function testTaxonomy(article: number): Taxonomy {
  return {
    article,
    fields: [{ code: 'field_a', label: '领域甲' }],
    errorTypes: [{ code: 'error_a', label: '错误甲' }],
  };
}
