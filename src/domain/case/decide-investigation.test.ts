import { describe, expect, it } from 'vitest';
import { ACTORS, context, determination, TODAY } from './test-fixtures.ts';
import { code, decideIn, effectsOf } from './test-helpers.ts';

describe('intake and investigation', () => {
  const ctx = context();

  it('REASON_REQUIRED: refusing', () => {
    expect(
      code(decideIn('submitted', { kind: 'refuse', reason: ' ' }, ACTORS.investigator, ctx)),
    ).toBe('REASON_REQUIRED');
  });

  it('keeps the reason of a refusal', () => {
    const refused = effectsOf(
      decideIn('submitted', { kind: 'refuse', reason: ' 超出受理范围 ' }, ACTORS.investigator, ctx),
    );
    expect(refused).toEqual({
      action: 'refuse',
      from: 'submitted',
      state: 'refused',
      reason: '超出受理范围',
      changes: [],
    });
  });

  it('records the engine determination when submitting for decision', () => {
    const effects = effectsOf(
      decideIn('assessing', { kind: 'submit_for_decision' }, ACTORS.investigator, ctx),
    );
    expect(effects.changes).toEqual([
      {
        kind: 'record_determination',
        determination: determination('determined', 'tolerated'),
        submittedOn: TODAY,
      },
    ]);
  });
});
