import { describe, expect, it } from 'vitest';
import { allowedActions, checkAllowed } from './case-guards.ts';
import {
  allowedReviews,
  checkRecordReview,
  missingReviews,
  requiredReviews,
  reviewsOwed,
} from './case-reviews.ts';
import { hasWorkOn } from './worklist.ts';
import {
  ACTORS,
  caseIn,
  context,
  EDUCATION_PROCEDURE,
  EMERGENCY_PROCEDURE,
  TODAY,
} from './test-fixtures.ts';

const awaiting = (reviews = caseIn('awaiting_decision').reviews) =>
  caseIn('awaiting_decision', { reviews });
const opinion = { kind: 'legal', opinion: '事实清楚，程序合法', agrees: true, reviewedOn: TODAY };

describe('review opinions before the decision (法制审核, 纪检监察)', () => {
  it('are required as the policy says: legal required, discipline optional', () => {
    expect(requiredReviews(EMERGENCY_PROCEDURE)).toEqual(['legal']);
    expect(missingReviews(awaiting([]), EMERGENCY_PROCEDURE)).toEqual(['legal']);
    expect(
      missingReviews(awaiting([{ kind: 'discipline', agrees: false }]), EMERGENCY_PROCEDURE),
    ).toEqual(['legal']);
    expect(missingReviews(awaiting(), EMERGENCY_PROCEDURE)).toEqual([]);
    expect(requiredReviews(EDUCATION_PROCEDURE)).toContain('legal');
  });

  it('REVIEW_REQUIRED holds the decision back; allowedActions says so too', () => {
    expect(checkAllowed(awaiting([]), 'record_decision', ACTORS.secretary, context())).toEqual({
      code: 'REVIEW_REQUIRED',
      message: '尚未记录法制审核意见，不能登记研究决定',
    });
    expect(allowedActions(awaiting([]), ACTORS.secretary, context())).not.toContain(
      'record_decision',
    );
    expect(allowedActions(awaiting(), ACTORS.secretary, context())).toContain('record_decision');
  });

  it('are recorded by a reviewer of the unit while the case awaits the decision', () => {
    expect(checkRecordReview(awaiting([]), ACTORS.reviewer, opinion, TODAY)).toEqual({ ok: true });
    expect(allowedReviews(awaiting([]), ACTORS.reviewer)).toEqual(['legal', 'discipline']);
    const refused = (view = awaiting([]), actor = ACTORS.reviewer, input = opinion) =>
      checkRecordReview(view, actor, input, TODAY);
    expect(refused(awaiting([]), ACTORS.outsideReviewer)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(refused(awaiting([]), ACTORS.secretary)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(refused(caseIn('assessing'))).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });
    expect(refused(caseIn('decided'))).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });
    const recused = caseIn('awaiting_decision', { recusedIds: [ACTORS.reviewer.id] });
    expect(refused(recused)).toMatchObject({
      error: { code: 'FORBIDDEN', message: '您已回避本案，不能办理本案' },
    });
    expect(refused(undefined, undefined, { ...opinion, opinion: ' ' })).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    expect(refused(undefined, undefined, { ...opinion, kind: 'party' })).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    // Submitted 2030-09-05: a review is dated from then to today.
    for (const reviewedOn of ['2030-09-04', '2030-09-21', '1900-01-01']) {
      expect(refused(undefined, undefined, { ...opinion, reviewedOn })).toMatchObject({
        error: { code: 'INVALID_INPUT' },
      });
    }
  });

  it('a missing required review is on the reviewer’s to-do list, not the secretary’s', () => {
    expect(reviewsOwed(awaiting([]), ACTORS.reviewer, EMERGENCY_PROCEDURE)).toEqual(['legal']);
    expect(hasWorkOn(awaiting([]), ACTORS.reviewer, context())).toBe(true);
    expect(hasWorkOn(awaiting([]), ACTORS.secretary, context())).toBe(false);
    expect(hasWorkOn(awaiting(), ACTORS.reviewer, context())).toBe(false);
    expect(hasWorkOn(awaiting(), ACTORS.secretary, context())).toBe(true);
    expect(hasWorkOn(awaiting([]), ACTORS.outsideReviewer, context())).toBe(false);
  });
});
