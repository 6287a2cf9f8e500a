import { describe, expect, it } from 'vitest';
import {
  decidedOtherWay,
  departedOutcome,
  jaccard,
  likeness,
  MOST_FACTS,
  rankSimilar,
  type CaseLikeness,
  type SimilarCandidate,
} from './similar-cases.ts';

const subject: CaseLikeness = {
  policyId: 'p',
  trueFacts: ['a10.3', 'a12.2'],
  grounds: ['no_liability', 'discretionary_mitigation'],
  outcome: 'no_liability',
};

function candidate(key: string, over: Partial<SimilarCandidate> = {}): SimilarCandidate {
  return {
    key,
    policyId: 'p',
    trueFacts: [],
    outcome: null,
    typical: false,
    conclusion: 'no_liability',
    decidedOn: '2026-01-01',
    ...over,
  };
}

describe('jaccard', () => {
  it('is the share of the union the two sets have in common', () => {
    expect(jaccard(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3);
    expect(jaccard(['a', 'b'], ['a', 'b'])).toBe(1);
    expect(jaccard(['a'], ['b'])).toBe(0);
  });
  it('takes two cases with no facts found as not alike, and repeats as one', () => {
    expect(jaccard([], [])).toBe(0);
    expect(jaccard(['a', 'a'], ['a'])).toBe(1);
  });
});

describe('likeness', () => {
  it('matches a case whose determination rests on the outcome of this one', () => {
    const m = likeness(subject, candidate('x', { outcome: 'no_liability', trueFacts: ['a10.2'] }));
    expect(m).toMatchObject({ sharedGround: 'no_liability', sharedFacts: [], similarity: 0 });
  });

  it('matches a ground that holds here while the outcome is still undetermined', () => {
    const open: CaseLikeness = { ...subject, outcome: null };
    const m = likeness(open, candidate('x', { outcome: 'discretionary_mitigation' }));
    expect(m?.sharedGround).toBe('discretionary_mitigation');
  });

  it('does not take 无容错免责情形 as a ground in common', () => {
    const none: CaseLikeness = { ...subject, outcome: 'no_ground', grounds: [] };
    expect(likeness(none, candidate('x', { outcome: 'no_ground' }))).toBeNull();
  });

  it('matches on facts at half of the union, and not below it', () => {
    const at = candidate('at', {
      outcome: 'tolerated',
      trueFacts: ['a10.3', 'a12.2', 'a4.c1', 'a4.c2'],
    });
    expect(jaccard(subject.trueFacts, at.trueFacts)).toBe(MOST_FACTS);
    expect(likeness(subject, at)).toMatchObject({
      sharedGround: null,
      sharedFacts: ['a10.3', 'a12.2'],
    });
    const below = candidate('below', {
      outcome: 'tolerated',
      trueFacts: ['a10.3', 'a12.2', 'a4.c1', 'a4.c2', 'a4.c3'],
    });
    expect(likeness(subject, below)).toBeNull();
  });

  it('never matches a case of another policy, however alike', () => {
    const other = candidate('x', {
      policyId: 'q',
      outcome: 'no_liability',
      trueFacts: ['a10.3', 'a12.2'],
    });
    expect(likeness(subject, other)).toBeNull();
  });
});

describe('rankSimilar', () => {
  it('puts the shared ground first, then the index, then typical cases, then the newest', () => {
    const ranked = rankSimilar(subject, [
      candidate('facts-only', { outcome: 'tolerated', trueFacts: ['a10.3', 'a12.2'] }),
      candidate('ground-old', {
        outcome: 'no_liability',
        trueFacts: ['a10.3'],
        decidedOn: '2025-01-01',
      }),
      candidate('ground-new', {
        outcome: 'no_liability',
        trueFacts: ['a10.3'],
        decidedOn: '2026-02-01',
      }),
      candidate('ground-typical', {
        outcome: 'no_liability',
        trueFacts: ['a10.3'],
        typical: true,
        decidedOn: '2024-01-01',
      }),
      candidate('ground-best', { outcome: 'no_liability', trueFacts: ['a10.3', 'a12.2'] }),
      candidate('unlike', { outcome: 'tolerated', trueFacts: ['a4.c1'] }),
    ]);
    expect(ranked.map((m) => m.candidate.key)).toEqual([
      'ground-best',
      'ground-typical',
      'ground-new',
      'ground-old',
      'facts-only',
    ]);
  });

  it('lists at most the limit', () => {
    const many = Array.from({ length: 15 }, (_, i) =>
      candidate(`c${i}`, { outcome: 'no_liability' }),
    );
    expect(rankSimilar(subject, many, 4)).toHaveLength(4);
  });
});

describe('a decision that departs from the engine', () => {
  it('departs when the conclusion is not the engine’s outcome', () => {
    expect(departedOutcome('no_liability', 'not_tolerated')).toBe('no_liability');
    expect(departedOutcome('no_liability', 'no_liability')).toBeNull();
    expect(departedOutcome(null, 'tolerated')).toBeNull();
  });

  it('shows the alike cases whose conclusion is the outcome departed from', () => {
    const shown = decidedOtherWay(subject, 'no_liability', [
      candidate('followed', { outcome: 'no_liability', conclusion: 'no_liability' }),
      candidate('departed-too', { outcome: 'no_liability', conclusion: 'not_tolerated' }),
      candidate('unlike', {
        outcome: 'tolerated',
        conclusion: 'no_liability',
        trueFacts: ['a4.c1'],
      }),
    ]);
    expect(shown.map((m) => m.candidate.key)).toEqual(['followed']);
  });
});
