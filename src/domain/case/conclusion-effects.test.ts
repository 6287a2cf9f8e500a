import { describe, expect, it } from 'vitest';
import type { OutcomeCode, ProcedureParams } from '../policy/policy-model.ts';
import type { CaseAction } from './case-actions.ts';
import type { CaseChange } from './case-effects.ts';
import {
  conclusionChanges,
  needsEnforcementErrorRecord,
  opensCorrection,
} from './conclusion-effects.ts';
import {
  ACTORS,
  context,
  EDUCATION_OUTCOMES,
  EDUCATION_PROCEDURE,
  EMERGENCY_OUTCOMES,
  EMERGENCY_PROCEDURE,
  OFFICER_ID,
  validAction,
} from './test-fixtures.ts';
import { decideIn, effectsOf, kinds } from './test-helpers.ts';

type Policy = 'emergency' | 'education';
type Attached = [errorRecord: boolean, correction: boolean];

describe('第十五条 and 第十六条 on the committee decision', () => {
  // Written out rather than derived from the procedure, so that the table is checked.
  // The two regimes differ in 不予追究 (no_liability), which only the emergency one has.
  const expected: Record<OutcomeCode, Record<Policy, Attached | null>> = {
    not_tolerated: { emergency: [true, false], education: [true, false] },
    due_diligence: { emergency: [false, true], education: [false, true] },
    no_liability: { emergency: [false, true], education: null },
    tolerated: { emergency: [false, true], education: [false, true] },
    exemption: { emergency: [false, true], education: [false, true] },
    mandatory_mitigation: { emergency: [true, false], education: [true, false] },
    discretionary_mitigation: { emergency: [true, false], education: [true, false] },
    no_ground: { emergency: [true, false], education: [true, false] },
  };
  const policies: [Policy, ProcedureParams, readonly OutcomeCode[]][] = [
    ['emergency', EMERGENCY_PROCEDURE, EMERGENCY_OUTCOMES],
    ['education', EDUCATION_PROCEDURE, EDUCATION_OUTCOMES],
  ];
  const rows = policies.flatMap(([policy, procedure, outcomes]) =>
    outcomes.map((conclusion) => ({ policy, procedure, outcomes, conclusion })),
  );

  it.each(rows)('$policy: $conclusion', ({ policy, procedure, outcomes, conclusion }) => {
    const attached = expected[conclusion][policy];
    if (attached === null) throw new Error(`${policy} has no outcome ${conclusion}`);
    const [errorRecord, correction] = attached;
    expect(needsEnforcementErrorRecord(procedure, conclusion)).toBe(errorRecord);
    expect(opensCorrection(procedure, conclusion)).toBe(correction);

    const action = {
      ...validAction('record_decision'),
      conclusion,
      departureReason: '经党委研究',
    } as CaseAction;
    const effects = effectsOf(
      decideIn('awaiting_decision', action, ACTORS.secretary, context({ procedure, outcomes })),
    );
    const liability = effects.changes.filter(
      (c) => c.kind !== 'record_decision' && c.kind !== 'create_notification',
    );
    const want: CaseChange[] = [];
    if (errorRecord) {
      want.push({
        kind: 'create_enforcement_error_record',
        officerId: OFFICER_ID,
        article: procedure.notEnforcementError.article,
      });
    }
    if (correction) want.push({ kind: 'open_correction', article: procedure.correction.article });
    expect(liability).toEqual(want);
  });
});

describe('conclusionChanges', () => {
  const changes = (before: OutcomeCode | null, after: OutcomeCode) =>
    kinds(conclusionChanges(EDUCATION_PROCEDURE, OFFICER_ID, before, after));

  it('attaches to a first conclusion what the articles attach to it', () => {
    expect(changes(null, 'not_tolerated')).toEqual(['create_enforcement_error_record']);
    expect(changes(null, 'exemption')).toEqual(['open_correction']);
  });

  it("undoes and does only what a change of conclusion crosses, at the policy's articles", () => {
    expect(conclusionChanges(EDUCATION_PROCEDURE, OFFICER_ID, 'tolerated', 'no_ground')).toEqual([
      { kind: 'create_enforcement_error_record', officerId: OFFICER_ID, article: 14 },
      { kind: 'cancel_correction', article: 15 },
    ]);
    expect(changes('not_tolerated', 'due_diligence')).toEqual([
      'revoke_enforcement_error_record',
      'open_correction',
    ]);
    expect(changes('due_diligence', 'exemption')).toEqual([]);
    expect(changes('not_tolerated', 'discretionary_mitigation')).toEqual([]);
    expect(changes('tolerated', 'tolerated')).toEqual([]);
  });
});
