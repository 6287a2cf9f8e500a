import { describe, expect, it } from 'vitest';
import { ACTORS, context, contextFor, validAction } from './test-fixtures.ts';
import { accepted, code, decideIn, effectsOf } from './test-helpers.ts';

describe('closing (办结) and withdrawal (撤回申请)', () => {
  it('REASON_REQUIRED: closing without publication; a published case closes without one', () => {
    expect(
      code(decideIn('notified', { kind: 'close' }, ACTORS.secretary, contextFor('close'))),
    ).toBe('REASON_REQUIRED');
    // A published case closes without a reason.
    const closed = effectsOf(
      decideIn('published', { kind: 'close' }, ACTORS.secretary, contextFor('close')),
    );
    expect(closed).toEqual(accepted('close', 'published', 'closed', []));
  });

  it('keeps the reason of a closing and a withdrawal', () => {
    const closed = effectsOf(
      decideIn('notified', validAction('close'), ACTORS.secretary, contextFor('close')),
    );
    expect(closed.reason).toBe('涉及个人隐私，不予公开');
    const withdrawn = effectsOf(
      decideIn('assessing', { kind: 'withdraw', reason: '自愿撤回' }, ACTORS.officer, context()),
    );
    expect(withdrawn).toMatchObject({ state: 'withdrawn', reason: '自愿撤回' });
  });
});
