import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../policy/compile-policy.ts';
import type { PolicyDef } from '../policy/policy-model.ts';
import { testProcedure, testTaxonomy } from '../policy/test-policy.ts';
import { notEnforcementErrorRule, ruleApplied } from './officer-record.ts';

const def: PolicyDef = {
  id: 'record',
  version: 2,
  title: '测试制度',
  source: { issuer: '测试' },
  effectiveFrom: null,
  effectiveNote: '测试',
  procedure: {
    ...testProcedure(1),
    notEnforcementError: { article: 2, grounds: ['tolerated'] },
  },
  taxonomy: testTaxonomy(1),
  exclusion: { ground: 'not_tolerated', survives: [] },
  chapters: [
    {
      title: '第一章',
      articles: [
        {
          number: 1,
          topic: '容错',
          paragraphs: [
            {
              text: '依法履职，滥用职权的，予以容错。',
              facts: [
                { fact: 'a1.c1', quote: '依法履职' },
                { fact: 'a1.c2', quote: '滥用职权' },
              ],
            },
          ],
          grounds: [
            { ground: 'tolerated', summary: '容错', rule: { kind: 'fact', fact: 'a1.c1' } },
            { ground: 'not_tolerated', summary: '不容错', rule: { kind: 'fact', fact: 'a1.c2' } },
          ],
        },
        {
          number: 2,
          topic: '不作为执法错误认定',
          paragraphs: [{ text: '予以容错的，不作为执法错误认定。' }],
        },
      ],
    },
  ],
};

const compiled = compilePolicy(def);
if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
const policy = compiled.policy;

describe('the record’s 不作为执法错误认定 rule', () => {
  it('quotes the policy’s own article', () => {
    expect(notEnforcementErrorRule(policy)).toEqual({
      policyId: 'record',
      policyVersion: 2,
      policyTitle: '测试制度',
      article: 2,
      citation: '第二条',
      topic: '不作为执法错误认定',
      text: '予以容错的，不作为执法错误认定。',
      grounds: ['tolerated'],
    });
  });

  it('applies to a case concluded on a listed ground, not to others nor to an open case', () => {
    expect(ruleApplied(policy, 'tolerated')).toBe(true);
    expect(ruleApplied(policy, 'not_tolerated')).toBe(false);
    expect(ruleApplied(policy, 'no_ground')).toBe(false);
    expect(ruleApplied(policy, null)).toBe(false);
    expect(ruleApplied(policy, 'not_a_code')).toBe(false);
  });
});
