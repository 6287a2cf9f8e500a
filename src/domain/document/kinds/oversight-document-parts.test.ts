import { describe, expect, it } from 'vitest';
import { testPolicy } from '../../policy/test-policy.ts';
import {
  countedLimitText,
  limitWords,
  policyArticle,
  sentence,
} from './oversight-document-parts.ts';

describe('the parts of the oversight papers', () => {
  it('quotes an article with its paragraphs and numbered items, as the policy gives them', () => {
    const def = testPolicy();
    const withItems = def.chapters
      .flatMap((c) => c.articles)
      .find((a) => a.paragraphs.some((p) => (p.items ?? []).length > 0))!;
    const quoted = policyArticle(def, withItems.number);
    expect(quoted.number).toBe(withItems.number);
    for (const p of withItems.paragraphs) {
      expect(quoted.text).toContain(p.text);
      for (const item of p.items ?? []) expect(quoted.text).toContain(item.text);
    }
    expect(quoted.text).toContain('（一）');
    expect(() => policyArticle(def, 999)).toThrow(/no article 999/);
  });

  it('writes a limit in Chinese with how it is counted and the day it ends', () => {
    expect(limitWords(30, 'working')).toBe('三十个工作日');
    expect(limitWords(60, 'calendar')).toBe('六十日');
    expect(limitWords(2, 'calendar')).toBe('两日');
    expect(limitWords(12, 'working')).toBe('十二个工作日');
    const plain = countedLimitText({
      from: '2026-03-02',
      days: 30,
      counting: 'working',
      due: '2026-04-14',
      movedFrom: null,
      restDay: null,
    });
    expect(plain).toBe(
      '三十个工作日（按工作日计算），自2026年3月2日之次日起算，至2026年4月14日届满',
    );
    const moved = countedLimitText({
      from: '2026-09-30',
      days: 7,
      counting: 'calendar',
      due: '2026-10-08',
      movedFrom: '2026-10-07',
      restDay: 'holiday',
    });
    expect(moved).toBe(
      '七日（按自然日计算），自2026年9月30日之次日起算，期限的最后一日（2026年10月7日）为法定节假日，顺延至2026年10月8日届满',
    );
  });

  it('ends a sentence once', () => {
    expect(sentence('已整改')).toBe('已整改。');
    expect(sentence(' 已整改。 ')).toBe('已整改。');
  });
});
