import { describe, expect, it } from 'vitest';
import { markingRefusal, withdrawalRefusal, type MarkingFacts } from './typical-case-marking.ts';

const marking: MarkingFacts = {
  actor: { id: 'u-secretary', roles: ['secretary'] },
  actorOrganId: 'bureau',
  decidingOrganId: 'bureau',
  caseView: { officerId: 'u-officer', applicantId: null, recusedIds: [], state: 'published' },
  published: true,
  typical: false,
};

const code = (f: Partial<MarkingFacts>) => markingRefusal({ ...marking, ...f })?.code ?? null;

describe('marking a case as typical', () => {
  it('lets the deciding organ’s secretary mark a published case, closed or not', () => {
    expect(code({})).toBeNull();
    expect(code({ caseView: { ...marking.caseView, state: 'closed' } })).toBeNull();
  });

  it('refuses an unpublished case', () => {
    expect(code({ published: false })).toBe('NOT_PUBLISHED');
    expect(code({ published: false, decidingOrganId: null })).toBe('NOT_PUBLISHED');
  });

  it('refuses anyone but a secretary of the organ that decided, and the case’s own people', () => {
    expect(code({ actor: { id: 'u-inv', roles: ['investigator'] } })).toBe('FORBIDDEN');
    expect(code({ actorOrganId: 'county' })).toBe('FORBIDDEN');
    expect(code({ actor: { id: 'u-officer', roles: ['secretary', 'officer'] } })).toBe('FORBIDDEN');
    expect(code({ caseView: { ...marking.caseView, recusedIds: ['u-secretary'] } })).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses while an objection is reviewed, and a case typical already', () => {
    expect(code({ caseView: { ...marking.caseView, state: 'objection_review' } })).toBe(
      'OBJECTION_UNDER_REVIEW',
    );
    expect(code({ typical: true })).toBe('ALREADY_TYPICAL');
  });
});

describe('withdrawing the mark', () => {
  const typical = { ...marking, typical: true };
  it('needs the deciding secretary, a mark and a reason', () => {
    expect(withdrawalRefusal(typical, '结论经复核变更')).toBeNull();
    expect(withdrawalRefusal(typical, '  ')?.code).toBe('REASON_REQUIRED');
    expect(withdrawalRefusal(marking, '理由')?.code).toBe('NOT_TYPICAL');
    expect(withdrawalRefusal({ ...typical, actorOrganId: 'county' }, '理由')?.code).toBe(
      'FORBIDDEN',
    );
  });
});
