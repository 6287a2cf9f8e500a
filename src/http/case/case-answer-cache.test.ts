import { describe, expect, it } from 'vitest';
import { caseAnswerKey, CaseAnswerCache } from './case-answer-cache.ts';

describe('the case page’s kept answers', () => {
  it('answers from what was kept under the same stamp and day, and nothing else', () => {
    const cache = new CaseAnswerCache();
    expect(cache.get('10+0', '2026-12-02', 'a')).toBeUndefined();
    cache.set('10+0', '2026-12-02', 'a', '{"v":1}');
    expect(cache.get('10+0', '2026-12-02', 'a')).toBe('{"v":1}');
    expect(cache.get('10+0', '2026-12-02', 'b')).toBeUndefined();
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
    // Another day: the deadlines shown count from today.
    expect(cache.get('10+0', '2026-12-03', 'a')).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.set('10+0', '2026-12-03', 'a', '{"v":2}');
    // A new stamp: everything kept goes.
    expect(cache.get('10+1', '2026-12-03', 'a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not keep an answer made under a stamp older than the one last seen', () => {
    const cache = new CaseAnswerCache();
    cache.get('10+0', '2026-12-02', 'a');
    // Another read saw a write meanwhile.
    cache.get('11+0', '2026-12-02', 'b');
    cache.set('10+0', '2026-12-02', 'a', 'made before the write');
    expect(cache.get('11+0', '2026-12-02', 'a')).toBeUndefined();
    expect(cache.get('10+0', '2026-12-02', 'a')).toBeUndefined();
  });

  it('keeps at most so many answers and so many bytes, dropping the oldest', () => {
    const cache = new CaseAnswerCache({ entries: 2, bytes: 100 });
    cache.get('s', 'd', 'x');
    cache.set('s', 'd', 'a', 'A');
    cache.set('s', 'd', 'b', 'B');
    cache.set('s', 'd', 'c', 'C');
    expect(cache.size).toBe(2);
    expect(cache.get('s', 'd', 'a')).toBeUndefined();
    expect(cache.get('s', 'd', 'c')).toBe('C');
    // 2 bytes a character: 50 characters fill the 100 bytes, and the rest goes.
    cache.set('s', 'd', 'd', 'D'.repeat(50));
    expect(cache.size).toBe(1);
    // Too big to keep at all.
    cache.set('s', 'd', 'e', 'E'.repeat(51));
    expect(cache.get('s', 'd', 'e')).toBeUndefined();
    expect(cache.get('s', 'd', 'd')).toBe('D'.repeat(50));
  });

  it('keys an answer by the reader’s account, unit and roles, the address and the question', () => {
    const reader = { id: 'u1', unitId: 'n1', roles: ['investigator', 'officer'] };
    const key = caseAnswerKey(reader, 'c1', false);
    expect(caseAnswerKey({ ...reader, roles: ['officer', 'investigator'] }, 'c1', false)).toBe(key);
    for (const other of [
      caseAnswerKey({ ...reader, id: 'u2' }, 'c1', false),
      caseAnswerKey({ ...reader, unitId: 'n2' }, 'c1', false),
      caseAnswerKey({ ...reader, roles: ['officer'] }, 'c1', false),
      caseAnswerKey(reader, 'c2', false),
      caseAnswerKey(reader, 'c1', true),
    ])
      expect(other).not.toBe(key);
  });
});
