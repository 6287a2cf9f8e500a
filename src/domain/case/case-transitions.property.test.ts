// Random runs of the procedure: actions by random actors with random (often invalid)
// payloads on a case whose snapshot is updated from the effects, as the store would.
// Whatever happens, the case stays in the table's states, a refusal carries no
// effects, and the enforcement error record and the correction match 第十五、十六条 for
// the current conclusion, however often a review changes it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar-date.ts';
import { OUTCOME_CODES } from '../policy/policy-model.ts';
import type { OutcomeCode } from '../policy/policy-model.ts';
import { allowedRecords, checkRecordAssessment } from './case-records.ts';
import { isAdminRole } from '../account/roles.ts';
import type { CaseAction } from './case-actions.ts';
import type { TransitionEffects } from './case-effects.ts';
import { allowedActions, newCaseActions } from './case-guards.ts';
import { checkRecordReview, reviewsOwed } from './case-reviews.ts';
import { isTerminalState } from './case-state.ts';
import { NO_CASE, TRANSITION_NAMES, TRANSITIONS, type TransitionName } from './case-transitions.ts';
import type { Actor, CaseContext, CaseView } from './case-view.ts';
import { needsEnforcementErrorRecord, opensCorrection } from './conclusion-effects.ts';
import { decideTransition } from './decide-transition.ts';
import {
  ACTORS,
  context,
  determination,
  EMERGENCY_PROCEDURE,
  validAction,
} from './test-fixtures.ts';
import { ASSESSMENT_FACTORS, CASE_STATES, type AssessmentFactor } from '../vocabulary.ts';

interface Ledger {
  errorRecords: number;
  corrections: number;
  notificationCounter: number;
}

/** What the store does with the effects, on the snapshot. */
function apply(view: CaseView | null, effects: TransitionEffects, ledger: Ledger): CaseView {
  let next: CaseView | null = view;
  for (const change of effects.changes) {
    switch (change.kind) {
      case 'create_case':
        next = {
          id: 'case-p',
          state: effects.state,
          origin: change.origin,
          unitId: change.unitId,
          officerId: change.officerId,
          applicantId: change.applicantId,
          recordedFactors: [],
          determination: determination('undetermined', null),
          decision: null,
          notifications: [],
          objectionDue: null,
          stateBeforeObjection: null,
          submittedForDecisionOn: null,
          recusedIds: [],
          reviews: [],
          field: change.field,
          errorType: change.errorType,
        };
        break;
      case 'record_determination':
        next = { ...next!, submittedForDecisionOn: change.submittedOn };
        break;
      case 'create_publication':
        break;
      case 'record_decision':
        next = {
          ...next!,
          decision: { conclusion: change.conclusion, meetingDate: change.meetingDate },
        };
        break;
      case 'create_notification':
        ledger.notificationCounter += 1;
        next = {
          ...next!,
          notifications: [
            ...next!.notifications,
            {
              id: `n${ledger.notificationCounter}`,
              recipientKind: change.recipientKind,
              recipient: change.recipient,
              due: change.deadline.due,
              sent: false,
              sentOn: null,
            },
          ],
        };
        break;
      case 'mark_notification_sent':
        next = {
          ...next!,
          notifications: next!.notifications.map((n) =>
            n.id === change.notificationId ? { ...n, sent: true, sentOn: change.sentOn } : n,
          ),
        };
        break;
      case 'open_objection_period':
        next = { ...next!, objectionDue: change.deadline.due };
        break;
      case 'create_objection':
        next = { ...next!, stateBeforeObjection: change.returnTo };
        break;
      case 'resolve_objection':
        next = { ...next!, stateBeforeObjection: null };
        break;
      case 'create_enforcement_error_record':
      case 'revoke_enforcement_error_record':
        ledger.errorRecords += change.kind === 'create_enforcement_error_record' ? 1 : -1;
        break;
      case 'open_correction':
      case 'cancel_correction':
        ledger.corrections += change.kind === 'open_correction' ? 1 : -1;
        break;
    }
  }
  return { ...next!, state: effects.state };
}

const actorKeys = Object.keys(ACTORS) as (keyof typeof ACTORS)[];
const text = fc.constantFrom('', '  ', '理由');
const conclusion = fc.constantFrom<string>(...OUTCOME_CODES, 'pardoned');

const action: fc.Arbitrary<CaseAction> = fc.oneof(
  fc.record({
    kind: fc.constant('submit_application' as const),
    unitId: fc.constant('unit-a'),
    title: text,
    conduct: fc.constant('履职行为'),
    // Before, on and after the fixtures' today (2030-09-20).
    conductDate: fc.constantFrom('2030-09-01', '2030-09-20', '2030-09-21'),
    enforcementAction: fc.constantFrom('inspection' as const, 'penalty' as const),
    // Mostly classified at opening: an unclassified case is never submitted for decision,
    // and the deep states need every run that can reach them.
    field: fc.oneof(
      { arbitrary: fc.constant<string | null>('hazardous_chemicals'), weight: 19 },
      { arbitrary: fc.constant(null), weight: 1 },
    ),
    errorType: fc.constant('facts_unclear'),
  }),
  fc.record({
    kind: fc.constant('initiate' as const),
    officerId: fc.constantFrom('u-officer', 'u-other-officer'),
    unitId: fc.constant('unit-a'),
    title: fc.constant('核查'),
    conduct: fc.constant('履职行为'),
    conductDate: fc.constant('2030-09-01'),
    enforcementAction: fc.constant('coercion' as const),
    field: fc.constant('industry_trade'),
    errorType: fc.constant('procedural_defect'),
  }),
  fc.constantFrom<CaseAction>(
    { kind: 'accept' },
    { kind: 'complete_investigation' },
    { kind: 'submit_for_decision' },
  ),
  fc.record({ kind: fc.constant('refuse' as const), reason: text }),
  fc.record({
    kind: fc.constant('record_decision' as const),
    meetingDate: fc.constantFrom('2030-09-01', '2030-09-25'),
    members: fc.constantFrom(['张三'], []),
    conclusion,
    departureReason: fc.option(text),
    relatedUnitIds: fc.constantFrom([], ['unit-b'], ['unit-b', 'unit-c']),
  }),
  fc.record({
    kind: fc.constant('send_notification' as const),
    notificationId: fc.constantFrom('n1', 'n2', 'n3', 'n4', 'n5'),
    method: fc.constantFrom('in_person', 'fax'),
    deliveredOn: fc.constantFrom('2030-09-01', '2030-09-25'),
    deliveredTo: text,
    lateReason: fc.option(text),
  }),
  fc.record({ kind: fc.constant('publish' as const), scope: fc.constantFrom('本单位', '全国') }),
  fc.record({ kind: fc.constant('raise_objection' as const), reason: text }),
  fc.constant<CaseAction>({ kind: 'review_objection', result: 'confirm' }),
  fc.record({
    kind: fc.constant('review_objection' as const),
    result: fc.constant('change' as const),
    conclusion,
    reason: text,
    meetingDate: fc.constant('2030-09-01'),
    members: fc.constant(['李四']),
  }),
  fc.record({ kind: fc.constant('close' as const), reason: fc.option(text) }),
  fc.record({ kind: fc.constant('withdraw' as const), reason: fc.option(text) }),
);

/**
 * A step: a random action by a random actor (mostly refused), or a guided one that picks
 * among what someone may do now (so that runs get deep into the procedure), with `pick`
 * choosing the actor, the action and the conclusion.
 */
// Mostly a few days between steps; now and then a jump past the 15-day objection period,
// so that runs also reach `close`, which waits for that period to end.
const days = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 5 },
  { arbitrary: fc.integer({ min: 16, max: 20 }), weight: 1 },
);

const step = fc.oneof(
  fc.record({
    kind: fc.constant('random' as const),
    actor: fc.constantFrom(...actorKeys),
    days,
    action,
  }),
  fc.record({
    kind: fc.constant('guided' as const),
    pick: fc.nat(),
    days,
  }),
);

type Move =
  | { readonly kind: 'action'; readonly actor: Actor; readonly action: CaseAction }
  | { readonly kind: 'fact'; readonly actor: Actor; readonly outcome: OutcomeCode }
  | { readonly kind: 'factor'; readonly actor: Actor; readonly factor: AssessmentFactor }
  | { readonly kind: 'review'; readonly actor: Actor };

/** The moves someone may make now, with payloads that mostly pass. */
function movesNow(view: CaseView | null, ctx: CaseContext, pick: number): Move[] {
  const moves: Move[] = [];
  for (const actor of Object.values(ACTORS)) {
    if (view !== null && allowedRecords(view, actor).includes('fact')) {
      moves.push({ kind: 'fact', actor, outcome: OUTCOME_CODES[pick % OUTCOME_CODES.length]! });
    }
    if (view !== null && allowedRecords(view, actor).includes('assessment')) {
      const missing = ASSESSMENT_FACTORS.filter((f) => !view.recordedFactors.includes(f));
      if (missing[0] !== undefined) moves.push({ kind: 'factor', actor, factor: missing[0] });
    }
    if (view !== null && reviewsOwed(view, actor, ctx.procedure).length > 0) {
      moves.push({ kind: 'review', actor });
    }
    for (const name of view === null ? newCaseActions(actor) : allowedActions(view, actor, ctx)) {
      moves.push({ kind: 'action', actor, action: guidedAction(name, view, ctx, pick) });
    }
  }
  return moves;
}

function guidedAction(
  name: TransitionName,
  view: CaseView | null,
  ctx: CaseContext,
  pick: number,
): CaseAction {
  const conclusion = OUTCOME_CODES[pick % OUTCOME_CODES.length]!;
  switch (name) {
    case 'submit_application':
    case 'initiate':
      // Classified at opening, as the submission for decision requires.
      return {
        ...validAction(name),
        field: 'hazardous_chemicals',
        errorType: 'facts_unclear',
      } as CaseAction;
    case 'record_decision':
      return {
        kind: name,
        meetingDate: ctx.today,
        members: ['张三'],
        conclusion,
        departureReason: pick % 5 === 0 ? null : '理由',
        relatedUnitIds: pick % 2 === 0 ? ['unit-b'] : [],
      };
    case 'send_notification':
      return {
        kind: name,
        notificationId: view!.notifications.find((n) => !n.sent)!.id,
        method: 'by_post',
        deliveredOn: ctx.today,
        deliveredTo: '签收人',
        lateReason: '逾期理由',
      };
    case 'review_objection':
      return pick % 2 === 0
        ? { kind: name, result: 'confirm' }
        : {
            kind: name,
            result: 'change',
            conclusion,
            reason: '复核',
            meetingDate: ctx.today,
            members: ['李四'],
          };
    default:
      return validAction(name);
  }
}

describe('random runs of the procedure', () => {
  it('stay in the table, refuse without effects, and keep 第十五、十六条 in step', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 80 }), (steps) => {
        let view: CaseView | null = null;
        let today = '2030-09-01';
        const ledger: Ledger = { errorRecords: 0, corrections: 0, notificationCounter: 0 };
        for (const s of steps) {
          today = addDays(today, s.days);
          const ctx = context({ today });
          let move: Move | undefined;
          if (s.kind === 'random') {
            move = { kind: 'action', actor: ACTORS[s.actor], action: s.action };
          } else {
            const moves = movesNow(view, ctx, s.pick);
            move = moves[s.pick % Math.max(moves.length, 1)];
            if (move === undefined) continue;
          }
          const { actor } = move;
          if (move.kind === 'fact') {
            view = { ...view!, determination: determination('determined', move.outcome) };
            continue;
          }
          if (move.kind === 'review') {
            const input = { kind: 'legal', opinion: '同意', agrees: true, reviewedOn: today };
            expect(checkRecordReview(view!, actor, input, today).ok).toBe(true);
            view = { ...view!, reviews: [...view!.reviews, { kind: 'legal', agrees: true }] };
            continue;
          }
          if (move.kind === 'factor') {
            expect(
              checkRecordAssessment(view!, actor, { factor: move.factor, finding: '分析' }).ok,
            ).toBe(true);
            view = { ...view!, recordedFactors: [...view!.recordedFactors, move.factor] };
            continue;
          }
          const before = view;
          const result = decideTransition(view, move.action, actor, ctx);
          if (!result.ok) {
            expect(result).not.toHaveProperty('effects');
            continue;
          }
          const { effects } = result;
          const def = TRANSITIONS[effects.action];
          const from = before?.state ?? NO_CASE;
          expect(effects.from).toBe(from);
          expect(def.from as readonly string[]).toContain(from);
          expect(before !== null && isTerminalState(before.state)).toBe(false);
          expect(actor.roles.some(isAdminRole)).toBe(false);
          expect(actor.roles.some((r) => (def.roles as readonly string[]).includes(r))).toBe(true);
          if (def.to === 'previous') {
            expect(effects.state).toBe(before!.stateBeforeObjection);
          } else if (effects.action === 'send_notification' && effects.state === from) {
            expect(before!.notifications.filter((n) => !n.sent).length).toBeGreaterThan(1);
          } else {
            expect(effects.state).toBe(def.to);
          }
          view = apply(view, effects, ledger);
          reached.add(`${effects.action} -> ${view.state}`);
          expect(CASE_STATES).toContain(view.state);
          const current = view.decision?.conclusion ?? null;
          const errorExpected =
            current !== null && needsEnforcementErrorRecord(EMERGENCY_PROCEDURE, current);
          const correctionExpected =
            current !== null && opensCorrection(EMERGENCY_PROCEDURE, current);
          expect(ledger.errorRecords).toBe(errorExpected ? 1 : 0);
          expect(ledger.corrections).toBe(correctionExpected ? 1 : 0);
        }
      }),
      { numRuns: 2000 },
    );
    // The runs went everywhere: every transition fired, to each of its target states. An
    // objection reviewed after publication is deep and rare: with 500 runs about one test
    // run in six missed it (measured, 25 runs); with 2,000 about one in 1,500.
    for (const name of TRANSITION_NAMES) {
      expect(
        [...reached].some((r) => r.startsWith(`${name} ->`)),
        name,
      ).toBe(true);
    }
    expect(reached).toContain('review_objection -> notified');
    expect(reached).toContain('review_objection -> published');
  });
});
